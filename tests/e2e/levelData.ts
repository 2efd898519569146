// The shipped levels as files, to know in a test what the solution is (the game is not asked).
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export interface LevelData {
  id: string;
  title: { fr: string; en?: string };
  durationMinutes?: number;
  cards: (string | { id: string })[];
  batches?: { cards: string[] }[];
  solution: {
    links: { from: string; to: string; relation: string | string[]; optional?: boolean }[];
    placements?: Record<string, string>;
  };
  misconceptions?: { from: string; to: string; relation: string | string[]; explanation: { fr: string; en?: string } }[];
  debrief?: { fr: string; en?: string }[];
}

const LEVELS = resolve(import.meta.dirname, '../../levels');

export function levelData(id: string): LevelData {
  return JSON.parse(readFileSync(resolve(LEVELS, `${id}.json`), 'utf8')) as LevelData;
}

export function shippedLevelIds(): string[] {
  return readdirSync(LEVELS)
    .filter((name) => name.endsWith('.json') && name !== 'relations.json')
    .map((name) => name.replace(/\.json$/, ''));
}

export const firstRelation = (relation: string | string[]): string => (Array.isArray(relation) ? relation[0]! : relation);

export const requiredLinks = (level: LevelData) => level.solution.links.filter((link) => !link.optional);

export interface DeckCard {
  id: string;
  title: { fr: string; en?: string };
  summary?: { fr: string; en?: string };
  explanation?: { fr: string; en?: string };
  source?: string;
}

export function deckCard(id: string): DeckCard {
  const deck = JSON.parse(readFileSync(resolve(LEVELS, 'decks/institutions-fr.json'), 'utf8')) as { cards: DeckCard[] };
  const card = deck.cards.find((candidate) => candidate.id === id);
  if (!card) throw new Error(`no card ${id} in the deck`);
  return card;
}
