import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentSchemas } from '../../scripts/schemas';

describe('published JSON Schemas', () => {
  it('are up to date with the zod schemas (run `npm run levels:schema` after changing the format)', () => {
    for (const [name, text] of Object.entries(contentSchemas())) {
      const onDisk = readFileSync(resolve(import.meta.dirname, '../../levels/schema', name), 'utf8');
      expect(onDisk, name).toBe(text);
    }
  });

  it('describe the required keys of a level', () => {
    const level = JSON.parse(contentSchemas()['level.schema.json']!) as { required: string[] };
    expect(level.required).toEqual(['formatVersion', 'id', 'title', 'cards', 'relations', 'solution']);
  });
});
