// The JSON Schemas of the content files, generated from the zod schemas in src/core.
import { z } from 'zod';
import { DeckFile, GraphFile, LevelFile, RelationsFile } from '../src/core/schema';

function schema(title: string, source: z.ZodType): string {
  const json = z.toJSONSchema(source, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return JSON.stringify({ ...json, title }, null, 2) + '\n';
}

export function contentSchemas(): Record<string, string> {
  return {
    'level.schema.json': schema('Fresque de la démocratie: level (format version 1)', LevelFile),
    'deck.schema.json': schema('Fresque de la démocratie: card deck (format version 1)', DeckFile),
    'relations.schema.json': schema('Fresque de la démocratie: relation vocabulary (format version 1)', RelationsFile),
    'graph.schema.json': schema("Fresque de la démocratie: a deck's truth graph (format version 1)", GraphFile),
  };
}
