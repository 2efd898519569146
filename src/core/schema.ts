// The level format (design/level-format.md, version 1) as zod schemas: the one source of the
// types the game uses and of the JSON Schemas published in levels/schema/.
import { z } from 'zod';

export const FORMAT_VERSION = 1;
export const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const CARD_KINDS = ['institution', 'mechanism', 'actor', 'principle'] as const;

export const Id = z.string().regex(ID_PATTERN).meta({
  description: 'kebab-case identifier: lowercase letters and digits separated by single hyphens',
});

/** A text a person reads: French required, other languages optional (they fall back to French). */
export const Text = z
  .object({ fr: z.string().trim().min(1) })
  .catchall(z.string())
  .meta({ description: 'Plain text per language code; "fr" is required, others fall back to it' });

const FormatVersion = z.literal(FORMAT_VERSION);

export const Relation = z.object({
  id: Id,
  label: Text,
  description: Text.optional(),
});

export const RelationsFile = z.object({
  formatVersion: FormatVersion,
  relations: z.array(Relation).min(1),
});

/** Other texts of a card for one kind of audience (e.g. "junior"): each key replaces the card's own. */
export const CardVariant = z.object({
  title: Text.optional(),
  summary: Text.optional(),
  explanation: Text.optional(),
});

export const Card = z.object({
  id: Id,
  kind: z.enum(CARD_KINDS),
  title: Text,
  summary: Text.optional().meta({ description: 'Front of the card: one or two short sentences' }),
  explanation: Text.optional().meta({ description: 'Back of the card' }),
  source: z.string().trim().min(1).optional().meta({
    description: 'The legal article or official page that backs the text',
  }),
  icon: z.string().optional().meta({ description: "A name from the project's icon set" }),
  image: z.string().optional().meta({ description: 'A path under assets/' }),
  variants: z.record(Id, CardVariant).optional().meta({
    description: 'Texts for a kind of audience, by variant id (e.g. "junior"): shown instead of the card\'s own in a level whose textVariant is that id',
  }),
});

export const DeckFile = z.object({
  formatVersion: FormatVersion,
  id: Id,
  title: Text,
  description: Text.optional(),
  cards: z.array(Card).min(1),
});

const RelationRef = z.union([Id, z.array(Id).min(1)]);

export const SolutionLink = z.object({
  from: Id,
  to: Id,
  relation: RelationRef,
  optional: z.boolean().optional(),
  explanation: Text.optional(),
  source: z.string().trim().min(1).optional(),
});

export const Misconception = z.object({
  from: Id,
  to: Id,
  relation: RelationRef,
  explanation: Text,
  source: z.string().trim().min(1).optional(),
});

export const Batch = z.object({
  title: Text.optional(),
  cards: z.array(Id).min(1),
  keyMessage: Text.optional().meta({ description: 'What the group should take away from this batch (facilitator guide)' }),
});

export const Zone = z.object({
  id: Id,
  label: Text,
  description: Text.optional(),
});

export const LevelFile = z.object({
  formatVersion: FormatVersion,
  id: Id,
  title: Text,
  description: Text.optional(),
  difficulty: z.number().int().min(1).max(5).optional(),
  durationMinutes: z.number().int().min(1).max(600).optional(),
  deck: Id.optional(),
  cards: z.array(z.union([Id, Card])).min(1),
  relations: z.array(z.union([Id, Relation])).min(1),
  batches: z.array(Batch).min(1).optional(),
  zones: z.array(Zone).min(1).optional(),
  solution: z.object({
    links: z.array(SolutionLink).min(1),
    placements: z.record(Id, Id).optional(),
  }),
  misconceptions: z.array(Misconception).optional(),
  hints: z.array(Text).optional(),
  debrief: z.array(Text).optional(),
  goals: z.array(Text).optional().meta({ description: 'Learning goals of the level (facilitator guide)' }),
  audience: Text.optional().meta({ description: 'Who the level is for, e.g. "Collège (11-15 ans)"' }),
  textVariant: Id.optional().meta({ description: 'The card text variant this level shows (e.g. "junior"), where a card has one' }),
});

/** A true relation between two cards of a deck: `from` — `relation` — `to` reads as a true sentence. */
export const GraphLink = z.object({
  from: Id,
  to: Id,
  relation: RelationRef.meta({ description: 'One relation id of levels/relations.json, or a list of ids each true for this pair' }),
  nuanced: z.boolean().optional().meta({
    description: 'A defensible reading rather than a plain fact: a level may only use it as an optional link, and the explanation says the nuance',
  }),
  explanation: Text.optional().meta({ description: 'Shown when a player draws this arrow in a level that does not ask for it' }),
  source: z.string().trim().min(1).meta({ description: 'Required: the Constitution article, code article or official page that backs it' }),
});

/** The deck's truth graph (levels/decks/<deck-id>.graph.json): every true relation between its cards, and known wrong arrows. */
export const GraphFile = z.object({
  formatVersion: FormatVersion,
  deck: Id.meta({ description: 'The id of the deck whose cards this graph links' }),
  links: z.array(GraphLink),
  misconceptions: z.array(Misconception).optional().meta({ description: 'Known wrong arrows between cards of the deck, each explained' }),
});

export type TextValue = z.infer<typeof Text>;
export type RelationDef = z.infer<typeof Relation>;
export type RelationsFileData = z.infer<typeof RelationsFile>;
export type CardDef = z.infer<typeof Card>;
export type CardKind = CardDef['kind'];
export type DeckFileData = z.infer<typeof DeckFile>;
export type SolutionLinkDef = z.infer<typeof SolutionLink>;
export type MisconceptionDef = z.infer<typeof Misconception>;
export type BatchDef = z.infer<typeof Batch>;
export type ZoneDef = z.infer<typeof Zone>;
export type LevelFileData = z.infer<typeof LevelFile>;
export type CardVariantDef = z.infer<typeof CardVariant>;
export type GraphLinkDef = z.infer<typeof GraphLink>;
export type GraphFileData = z.infer<typeof GraphFile>;

/** The keys each object of the format knows, to warn about near-miss keys ("mispconceptions"). */
export const KNOWN_KEYS = {
  level: Object.keys(LevelFile.shape),
  solution: ['links', 'placements'],
  card: Object.keys(Card.shape),
  cardVariant: Object.keys(CardVariant.shape),
  relation: Object.keys(Relation.shape),
  link: Object.keys(SolutionLink.shape),
  misconception: Object.keys(Misconception.shape),
  batch: Object.keys(Batch.shape),
  zone: Object.keys(Zone.shape),
  deck: Object.keys(DeckFile.shape),
  relationsFile: Object.keys(RelationsFile.shape),
  graph: Object.keys(GraphFile.shape),
  graphLink: Object.keys(GraphLink.shape),
} as const;
