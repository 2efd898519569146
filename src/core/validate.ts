// Validation of content files: structure (zod schemas) then cross-references (decks, cards,
// relations, batches, zones, links, the deck's truth graph). The same code runs in
// `levels:check`, at build time for the shipped levels and in the browser for a level a user opens.
import { isIconName, ICON_NAMES } from './icons';
import { error, hasErrors, warning, type ContentIssue } from './issues';
import type { ExpectedLink, Level, MisconceptionLink } from './level';
import { graphIndexes, levelGraphIssues, levelGraphPart } from './truthGraph';
import {
  DeckFile,
  KNOWN_KEYS,
  LevelFile,
  RelationsFile,
  type CardDef,
  type DeckFileData,
  type GraphFileData,
  type LevelFileData,
  type RelationDef,
  type RelationsFileData,
} from './schema';
import { suggest } from './suggest';
import { asList, eachRecord, isRecord, structural, unknownKeys, type Validated } from './validateBasics';

/** The shared content a level may refer to: the shipped decks, their truth graphs and the relation vocabulary. */
export interface ContentLibrary {
  decks: readonly DeckFileData[];
  relations: readonly RelationDef[];
  /** One truth graph per deck that has one (a deck without a graph is simply not checked against one). */
  graphs?: readonly GraphFileData[];
}

export interface LevelCheckOptions {
  /**
   * How a contradiction with a deck's truth graph is reported: an error for `levels:check` (the
   * shipped content must agree with its decks), a warning in the game (the default: a level
   * from a file keeps working with its own solution).
   */
  graphContradictions?: 'error' | 'warning';
}

export type { Validated };

export function parseJson(text: string): Validated<unknown> {
  try {
    return { value: JSON.parse(text) as unknown, issues: [] };
  } catch (cause) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    return { value: null, issues: [error('', 'not-json', { detail })] };
  }
}

/** Near-miss keys of a card as written (before parsing drops unknown keys), its text variants included. */
function cardKeyWarnings(card: unknown, path: string, out: ContentIssue[]): void {
  unknownKeys(card, KNOWN_KEYS.card, path, out);
  if (!isRecord(card) || !isRecord(card.variants)) return;
  for (const [id, variant] of Object.entries(card.variants)) unknownKeys(variant, KNOWN_KEYS.cardVariant, `${path}.variants.${id}`, out);
}

function cardWarnings(card: CardDef, path: string, out: ContentIssue[]): void {
  if (card.icon !== undefined && !isIconName(card.icon)) {
    out.push(warning(`${path}.icon`, 'unknown-icon', { icon: card.icon, suggestion: suggest(card.icon, ICON_NAMES) }));
  }
  if (card.image !== undefined && (/^[a-z]+:|^\/|(^|\/)\.\.(\/|$)/i.test(card.image) || card.image.trim() === '')) {
    out.push(error(`${path}.image`, 'bad-image-path', { value: card.image }));
  }
}

export function validateRelationsFile(raw: unknown): Validated<RelationsFileData> {
  const issues: ContentIssue[] = [];
  unknownKeys(raw, KNOWN_KEYS.relationsFile, '', issues);
  if (isRecord(raw)) eachRecord(raw.relations, 'relations', (item, p) => unknownKeys(item, KNOWN_KEYS.relation, p, issues));
  const parsed = structural(RelationsFile, raw);
  issues.push(...parsed.issues);
  if (!parsed.value) return { value: null, issues };
  const seen = new Map<string, string>();
  parsed.value.relations.forEach((relation, i) => {
    const first = seen.get(relation.id);
    if (first) issues.push(error(`relations[${i}].id`, 'duplicate-id', { id: relation.id, first }));
    else seen.set(relation.id, `relations[${i}]`);
  });
  return { value: hasErrors(issues) ? null : parsed.value, issues };
}

export function validateDeckFile(raw: unknown): Validated<DeckFileData> {
  const issues: ContentIssue[] = [];
  unknownKeys(raw, KNOWN_KEYS.deck, '', issues);
  if (isRecord(raw)) eachRecord(raw.cards, 'cards', (item, p) => cardKeyWarnings(item, p, issues));
  const parsed = structural(DeckFile, raw);
  issues.push(...parsed.issues);
  if (!parsed.value) return { value: null, issues };
  const seen = new Map<string, string>();
  parsed.value.cards.forEach((card, i) => {
    const first = seen.get(card.id);
    if (first) issues.push(error(`cards[${i}].id`, 'duplicate-id', { id: card.id, first }));
    else seen.set(card.id, `cards[${i}]`);
    cardWarnings(card, `cards[${i}]`, issues);
  });
  return { value: hasErrors(issues) ? null : parsed.value, issues };
}

/** Card ids must be unique across all decks: a level may take a card from any of them. */
export function validateDeckSet(decks: readonly DeckFileData[]): { deck: string; issue: ContentIssue }[] {
  const owner = new Map<string, string>();
  const out: { deck: string; issue: ContentIssue }[] = [];
  for (const deck of decks) {
    deck.cards.forEach((card, i) => {
      const first = owner.get(card.id);
      if (first && first !== deck.id) {
        out.push({ deck: deck.id, issue: error(`cards[${i}].id`, 'duplicate-id', { id: card.id, first: `deck "${first}"` }) });
      } else owner.set(card.id, deck.id);
    });
  }
  return out;
}

function levelKeyWarnings(raw: unknown, out: ContentIssue[]): void {
  unknownKeys(raw, KNOWN_KEYS.level, '', out);
  if (!isRecord(raw)) return;
  eachRecord(raw.cards, 'cards', (item, p) => cardKeyWarnings(item, p, out));
  eachRecord(raw.relations, 'relations', (item, p) => unknownKeys(item, KNOWN_KEYS.relation, p, out));
  eachRecord(raw.batches, 'batches', (item, p) => unknownKeys(item, KNOWN_KEYS.batch, p, out));
  eachRecord(raw.zones, 'zones', (item, p) => unknownKeys(item, KNOWN_KEYS.zone, p, out));
  eachRecord(raw.misconceptions, 'misconceptions', (item, p) => unknownKeys(item, KNOWN_KEYS.misconception, p, out));
  unknownKeys(raw.solution, KNOWN_KEYS.solution, 'solution', out);
  if (isRecord(raw.solution)) eachRecord(raw.solution.links, 'solution.links', (item, p) => unknownKeys(item, KNOWN_KEYS.link, p, out));
}

/** Validates a level file against the library and resolves it into a playable `Level`. */
export function validateLevel(raw: unknown, library: ContentLibrary, options: LevelCheckOptions = {}): Validated<Level> {
  const issues: ContentIssue[] = [];
  levelKeyWarnings(raw, issues);
  const parsed = structural(LevelFile, raw);
  issues.push(...parsed.issues);
  if (!parsed.value) return { value: null, issues };
  const level = resolveLevel(parsed.value, library, issues, options.graphContradictions ?? 'warning');
  return { value: hasErrors(issues) ? null : level, issues };
}

/** A card as the level shows it: the texts of the level's variant where the card has one. */
function shownCard(card: CardDef, variant: string | undefined): CardDef {
  const { variants, ...own } = card;
  const texts = variant !== undefined ? variants?.[variant] : undefined;
  return texts ? { ...own, ...texts } : own;
}

function resolveLevel(file: LevelFileData, library: ContentLibrary, issues: ContentIssue[], graphSeverity: ContentIssue['severity']): Level {
  const decksById = new Map(library.decks.map((deck) => [deck.id, deck]));
  const deckOfCard = new Map<string, { deck: string; card: CardDef }>();
  for (const deck of library.decks) for (const card of deck.cards) deckOfCard.set(card.id, { deck: deck.id, card });

  const ownDeck = file.deck !== undefined ? decksById.get(file.deck) : undefined;
  if (file.deck !== undefined && !ownDeck) {
    issues.push(error('deck', 'unknown-deck', { id: file.deck, suggestion: suggest(file.deck, decksById.keys()) }));
  }

  // Cards: ids come from the level's deck first; ids are unique across decks, so an id found in
  // another shipped deck is unambiguous and is accepted too.
  const cards: CardDef[] = [];
  /** The deck each card taken from a deck comes from (inline cards are in no deck, nor in its graph). */
  const cardDeck = new Map<string, string>();
  const cardPath = new Map<string, string>();
  const unresolved = new Set<string>();
  file.cards.forEach((entry, i) => {
    const path = `cards[${i}]`;
    const id = typeof entry === 'string' ? entry : entry.id;
    const first = cardPath.get(id);
    if (first) {
      issues.push(error(typeof entry === 'string' ? path : `${path}.id`, 'duplicate-card', { id, first }));
      return;
    }
    if (typeof entry === 'string') {
      const inOwnDeck = ownDeck?.cards.find((card) => card.id === entry);
      const found = inOwnDeck ?? deckOfCard.get(entry)?.card;
      if (!found) {
        const known = ownDeck ? ownDeck.cards.map((card) => card.id) : [...deckOfCard.keys()];
        const suggestion = suggest(entry, known);
        issues.push(error(path, 'unknown-card', { id: entry, suggestion }));
        // A typo is reported once: its other mentions (under this id or the one meant) are let be.
        unresolved.add(entry);
        if (suggestion) unresolved.add(suggestion);
        return;
      }
      cards.push(found);
      cardDeck.set(entry, inOwnDeck ? ownDeck!.id : deckOfCard.get(entry)!.deck);
    } else {
      const clash = deckOfCard.get(entry.id);
      if (clash) issues.push(error(`${path}.id`, 'card-id-in-deck', { id: entry.id, deck: clash.deck }));
      cardWarnings(entry, path, issues);
      cards.push(entry);
    }
    cardPath.set(id, path);
  });
  const cardIds = new Set(cards.map((card) => card.id));
  const listedIds = [...cardPath.keys()];

  // Relations: shared ids or inline definitions.
  const sharedRelations = new Map(library.relations.map((relation) => [relation.id, relation]));
  const relations: RelationDef[] = [];
  const relationPath = new Map<string, string>();
  file.relations.forEach((entry, i) => {
    const path = `relations[${i}]`;
    const id = typeof entry === 'string' ? entry : entry.id;
    const first = relationPath.get(id);
    if (first) {
      issues.push(error(typeof entry === 'string' ? path : `${path}.id`, 'duplicate-id', { id, first }));
      return;
    }
    const relation = typeof entry === 'string' ? sharedRelations.get(entry) : entry;
    if (!relation) {
      issues.push(error(path, 'unknown-relation', { id, suggestion: suggest(id, sharedRelations.keys()) }));
      return;
    }
    relationPath.set(id, path);
    relations.push(relation);
  });
  const relationIds = new Set(relations.map((relation) => relation.id));

  const checkCard = (id: string, path: string): boolean => {
    if (cardIds.has(id) || unresolved.has(id)) return true;
    issues.push(error(path, 'card-not-in-level', { id, suggestion: suggest(id, listedIds) }));
    return false;
  };
  const checkRelations = (relation: string | string[], path: string): void => {
    asList(relation).forEach((id, j) => {
      const at = Array.isArray(relation) ? `${path}[${j}]` : path;
      if (relationIds.has(id) || relationPath.has(id)) return;
      if (sharedRelations.has(id)) issues.push(error(at, 'relation-not-in-level', { id }));
      else issues.push(error(at, 'unknown-relation', { id, suggestion: suggest(id, [...relationIds, ...sharedRelations.keys()]) }));
    });
  };

  // Batches: every card in exactly one batch.
  const batchPath = new Map<string, string>();
  file.batches?.forEach((batch, b) => {
    batch.cards.forEach((id, i) => {
      const path = `batches[${b}].cards[${i}]`;
      if (!checkCard(id, path)) return;
      const first = batchPath.get(id);
      if (first) issues.push(error(path, 'card-in-two-batches', { id, first }));
      else batchPath.set(id, path);
    });
  });
  if (file.batches) {
    for (const id of cardIds) if (!batchPath.has(id)) issues.push(error('batches', 'card-not-in-batch', { id }));
  }

  // Zones.
  const zoneIds = new Set<string>();
  file.zones?.forEach((zone, i) => {
    if (zoneIds.has(zone.id)) issues.push(error(`zones[${i}].id`, 'duplicate-id', { id: zone.id, first: 'zones' }));
    zoneIds.add(zone.id);
  });

  // Solution links.
  const linkPath = new Map<string, string>();
  const links: ExpectedLink[] = [];
  file.solution.links.forEach((link, i) => {
    const path = `solution.links[${i}]`;
    const fromOk = checkCard(link.from, `${path}.from`);
    const toOk = checkCard(link.to, `${path}.to`);
    checkRelations(link.relation, `${path}.relation`);
    if (fromOk && toOk && link.from === link.to) issues.push(error(path, 'self-link', { id: link.from }));
    const key = `${link.from}\u0000${link.to}`;
    const first = linkPath.get(key);
    if (first) issues.push(error(path, 'duplicate-link', { first }));
    else linkPath.set(key, path);
    links.push({
      from: link.from,
      to: link.to,
      relations: asList(link.relation),
      optional: link.optional === true,
      explanation: link.explanation ?? null,
      source: link.source ?? null,
    });
  });

  // Placements.
  const placements = file.solution.placements ?? {};
  if (Object.keys(placements).length > 0 && !file.zones) {
    issues.push(error('solution.placements', 'placements-without-zones'));
  } else {
    for (const [cardId, zoneId] of Object.entries(placements)) {
      const path = `solution.placements.${cardId}`;
      checkCard(cardId, path);
      if (!zoneIds.has(zoneId)) issues.push(error(path, 'unknown-zone', { id: zoneId, suggestion: suggest(zoneId, zoneIds) }));
    }
  }

  // Misconceptions: drawable wrong links, never a solution link.
  const misconceptions: MisconceptionLink[] = [];
  file.misconceptions?.forEach((wrong, i) => {
    const path = `misconceptions[${i}]`;
    checkCard(wrong.from, `${path}.from`);
    checkCard(wrong.to, `${path}.to`);
    checkRelations(wrong.relation, `${path}.relation`);
    if (wrong.from === wrong.to) issues.push(error(path, 'self-link', { id: wrong.from }));
    const relationList = asList(wrong.relation);
    const clash = links.findIndex(
      (link) => link.from === wrong.from && link.to === wrong.to && link.relations.some((r) => relationList.includes(r)),
    );
    if (clash >= 0) issues.push(error(path, 'misconception-is-solution', { first: `solution.links[${clash}]` }));
    misconceptions.push({
      from: wrong.from,
      to: wrong.to,
      relations: relationList,
      explanation: wrong.explanation,
      source: wrong.source ?? null,
      origin: 'level',
    });
  });

  // The deck's truth graph: what the level contradicts, and the part it plays with.
  const graphs = library.graphs ?? [];
  const againstGraph = { cardDeck, relationIds, sharedRelationIds: new Set(sharedRelations.keys()), links, misconceptions };
  if (graphs.length > 0) issues.push(...levelGraphIssues(againstGraph, graphIndexes(graphs), graphSeverity));
  const graphPart = levelGraphPart(againstGraph, graphs);

  // Text variant: the cards' texts for that audience, where they have them.
  const variant = file.textVariant;
  if (variant !== undefined && !cards.some((card) => card.variants?.[variant])) {
    const known = new Set<string>();
    for (const card of [...cards, ...Array.from(deckOfCard.values(), (entry) => entry.card)]) for (const id of Object.keys(card.variants ?? {})) known.add(id);
    issues.push(warning('textVariant', 'unknown-text-variant', { id: variant, suggestion: suggest(variant, known) }));
  }

  return {
    id: file.id,
    title: file.title,
    description: file.description ?? null,
    difficulty: file.difficulty ?? null,
    durationMinutes: file.durationMinutes ?? null,
    cards: cards.map((card) => shownCard(card, variant)),
    relations,
    batches: file.batches
      ? file.batches.map((batch) => ({ title: batch.title ?? null, cards: batch.cards, keyMessage: batch.keyMessage ?? null }))
      : [{ title: null, cards: cards.map((card) => card.id), keyMessage: null }],
    zones: file.zones ?? [],
    links,
    placements,
    misconceptions: [...misconceptions, ...graphPart.misconceptions],
    truths: graphPart.truths,
    textVariant: variant ?? null,
    hints: file.hints ?? [],
    debrief: file.debrief ?? [],
    goals: file.goals ?? [],
    audience: file.audience ?? null,
  };
}
