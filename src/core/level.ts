// A level as the game plays it: the file's cross-references resolved (deck cards looked up,
// relations looked up, one batch when the file has none, the card texts of its variant, the part
// of the deck's truth graph between its cards). Plain data, so it can be stored, sent to a
// projector or a table, and compared.
import type { CardDef, RelationDef, TextValue, ZoneDef } from './schema';

export interface ExpectedLink {
  from: string;
  to: string;
  /** Accepted relation ids (the file allows one id or a list). */
  relations: string[];
  optional: boolean;
  explanation: TextValue | null;
  source: string | null;
}

export interface MisconceptionLink {
  from: string;
  to: string;
  relations: string[];
  explanation: TextValue;
  source: string | null;
  /** Where the explanation comes from: the level's own misconceptions, or the deck's truth graph. */
  origin: 'level' | 'deck';
}

/**
 * A true relation of the deck's truth graph between two cards of the level, with the level's
 * relations, that the level does not ask for: drawn, it is "true, not asked here", never wrong.
 */
export interface TruthLink {
  from: string;
  to: string;
  relations: string[];
  explanation: TextValue | null;
  source: string;
  /** A defensible reading rather than a plain fact (its explanation says the nuance). */
  nuanced: boolean;
}

export interface LevelBatch {
  title: TextValue | null;
  cards: string[];
  keyMessage: TextValue | null;
}

export interface Level {
  id: string;
  title: TextValue;
  description: TextValue | null;
  difficulty: number | null;
  durationMinutes: number | null;
  cards: CardDef[];
  relations: RelationDef[];
  batches: LevelBatch[];
  zones: ZoneDef[];
  links: ExpectedLink[];
  placements: Record<string, string>;
  /** The level's own misconceptions first, then the deck's between the level's cards. */
  misconceptions: MisconceptionLink[];
  truths: TruthLink[];
  /** The card text variant shown (e.g. "junior"), already applied to `cards`. */
  textVariant: string | null;
  hints: TextValue[];
  debrief: TextValue[];
  goals: TextValue[];
  audience: TextValue | null;
}

const cardIndex = new WeakMap<Level, Map<string, CardDef>>();

export function cardOf(level: Level, id: string): CardDef | undefined {
  let index = cardIndex.get(level);
  if (!index) {
    index = new Map(level.cards.map((card) => [card.id, card]));
    cardIndex.set(level, index);
  }
  return index.get(id);
}

export function relationOf(level: Level, id: string): RelationDef | undefined {
  return level.relations.find((relation) => relation.id === id);
}

/** Index of the batch a card is dealt in. */
export function batchOf(level: Level, cardId: string): number {
  return level.batches.findIndex((batch) => batch.cards.includes(cardId));
}
