// The deck's truth graph (levels/decks/<deck-id>.graph.json): every true relation between two
// cards of a deck, sourced, and the known wrong arrows between them. A level's solution is a
// chosen subset of it: `levels:check` refuses a level that contradicts it, and in the game an
// arrow true in the deck that the level does not ask for is "true, not asked here", never wrong.
import { error, hasErrors, issue, type ContentIssue } from './issues';
import type { ExpectedLink, MisconceptionLink, TruthLink } from './level';
import { GraphFile, KNOWN_KEYS, type DeckFileData, type GraphFileData, type RelationDef } from './schema';
import { suggest } from './suggest';
import { asList, eachRecord, isRecord, structural, tripleText, unknownKeys, type Validated } from './validateBasics';

/** Where a deck's graph lives, as authors are told to edit it. */
export function graphFileOf(deck: string): string {
  return `levels/decks/${deck}.graph.json`;
}

/** A deck graph's file name: `<deck-id>.graph.json`, beside the deck. */
export const GRAPH_SUFFIX = '.graph.json';

const tripleKey = (from: string, to: string, relation: string) => `${from}>${to}:${relation}`;

/** What the graph says of one triple, and where. */
export type GraphEntry = { kind: 'truth'; index: number; nuanced: boolean } | { kind: 'misconception'; index: number };

export function indexGraph(graph: GraphFileData): Map<string, GraphEntry> {
  const index = new Map<string, GraphEntry>();
  graph.links.forEach((link, i) => {
    for (const relation of asList(link.relation)) {
      const key = tripleKey(link.from, link.to, relation);
      if (!index.has(key)) index.set(key, { kind: 'truth', index: i, nuanced: link.nuanced === true });
    }
  });
  graph.misconceptions?.forEach((wrong, i) => {
    for (const relation of asList(wrong.relation)) {
      const key = tripleKey(wrong.from, wrong.to, relation);
      if (!index.has(key)) index.set(key, { kind: 'misconception', index: i });
    }
  });
  return index;
}

export interface GraphLibrary {
  decks: readonly DeckFileData[];
  relations: readonly RelationDef[];
}

/**
 * A graph file's own rules: its deck exists, every card is one of that deck's, every relation
 * one of relations.json, no arrow from a card to itself, no triple given twice, never both true
 * and a misconception, and a nuanced link says its nuance.
 */
export function validateGraphFile(raw: unknown, library: GraphLibrary): Validated<GraphFileData> {
  const issues: ContentIssue[] = [];
  unknownKeys(raw, KNOWN_KEYS.graph, '', issues);
  if (isRecord(raw)) {
    eachRecord(raw.links, 'links', (item, p) => unknownKeys(item, KNOWN_KEYS.graphLink, p, issues));
    eachRecord(raw.misconceptions, 'misconceptions', (item, p) => unknownKeys(item, KNOWN_KEYS.misconception, p, issues));
  }
  const parsed = structural(GraphFile, raw);
  issues.push(...parsed.issues);
  const graph = parsed.value;
  if (!graph) return { value: null, issues };

  const deck = library.decks.find((candidate) => candidate.id === graph.deck);
  if (!deck) issues.push(error('deck', 'unknown-deck', { id: graph.deck, suggestion: suggest(graph.deck, library.decks.map((d) => d.id)) }));
  const cardIds = deck ? deck.cards.map((card) => card.id) : [];
  const relationIds = library.relations.map((relation) => relation.id);
  const seen = new Map<string, string>();

  const visit = (entry: { from: string; to: string; relation: string | string[] }, path: string, kind: 'truth' | 'misconception') => {
    if (deck) {
      for (const end of ['from', 'to'] as const) {
        const id = entry[end];
        if (!cardIds.includes(id)) issues.push(error(`${path}.${end}`, 'graph-card-not-in-deck', { id, deck: deck.id, suggestion: suggest(id, cardIds) }));
      }
    }
    if (entry.from === entry.to) issues.push(error(path, 'self-link', { id: entry.from }));
    asList(entry.relation).forEach((relation, j) => {
      const at = Array.isArray(entry.relation) ? `${path}.relation[${j}]` : `${path}.relation`;
      if (!relationIds.includes(relation)) issues.push(error(at, 'unknown-relation', { id: relation, suggestion: suggest(relation, relationIds) }));
      const key = tripleKey(entry.from, entry.to, relation);
      const first = seen.get(key);
      const triple = tripleText(entry.from, relation, entry.to);
      if (first === undefined) seen.set(key, path);
      else if (kind === 'misconception' && first.startsWith('links')) issues.push(error(path, 'graph-triple-both', { triple, first }));
      else issues.push(error(path, 'duplicate-triple', { triple, first }));
    });
  };
  graph.links.forEach((link, i) => {
    visit(link, `links[${i}]`, 'truth');
    if (link.nuanced === true && !link.explanation) issues.push(error(`links[${i}]`, 'nuanced-without-explanation'));
  });
  graph.misconceptions?.forEach((wrong, i) => visit(wrong, `misconceptions[${i}]`, 'misconception'));
  return { value: hasErrors(issues) ? null : graph, issues };
}

/** One truth graph per deck: a second file for the same deck is refused. */
export function validateGraphSet(graphs: readonly { deck: string; file: string }[]): { index: number; issue: ContentIssue }[] {
  const first = new Map<string, string>();
  const out: { index: number; issue: ContentIssue }[] = [];
  graphs.forEach((graph, index) => {
    const earlier = first.get(graph.deck);
    if (earlier) out.push({ index, issue: error('deck', 'duplicate-graph', { deck: graph.deck, first: earlier }) });
    else first.set(graph.deck, graph.file);
  });
  return out;
}

/** What a level brings to its graphs: its deck cards (by deck), its relations, its own links and misconceptions. */
export interface LevelAgainstGraph {
  /** The deck of each card the level takes from a deck (inline cards are in no graph). */
  cardDeck: ReadonlyMap<string, string>;
  relationIds: ReadonlySet<string>;
  /** The ids of levels/relations.json: a relation the level defines itself is in no graph, so its arrows are exempt (as inline cards are). */
  sharedRelationIds: ReadonlySet<string>;
  links: readonly ExpectedLink[];
  misconceptions: readonly MisconceptionLink[];
}

/** The graph that speaks of an arrow: that of the deck both its cards come from, if it has one. */
function graphFor(level: LevelAgainstGraph, indexes: ReadonlyMap<string, Map<string, GraphEntry>>, from: string, to: string) {
  const deck = level.cardDeck.get(from);
  if (deck === undefined || level.cardDeck.get(to) !== deck) return null;
  const index = indexes.get(deck);
  return index ? { deck, index } : null;
}

export function graphIndexes(graphs: readonly GraphFileData[]): Map<string, Map<string, GraphEntry>> {
  return new Map(graphs.map((graph) => [graph.deck, indexGraph(graph)]));
}

/**
 * The level's contradictions with its deck's graph: a solution link that is not true in the deck
 * (or is one of its misconceptions), a required link that is only a nuanced reading, a
 * misconception that is true. Errors for `levels:check`, warnings in the game, where a level
 * from a file keeps working with its own solution.
 */
export function levelGraphIssues(level: LevelAgainstGraph, indexes: ReadonlyMap<string, Map<string, GraphEntry>>, severity: ContentIssue['severity']): ContentIssue[] {
  const issues: ContentIssue[] = [];
  level.links.forEach((link, i) => {
    const graph = graphFor(level, indexes, link.from, link.to);
    if (!graph) return;
    for (const relation of link.relations) {
      if (!level.sharedRelationIds.has(relation)) continue;
      const params = { triple: tripleText(link.from, relation, link.to), graph: graphFileOf(graph.deck) };
      const entry = graph.index.get(tripleKey(link.from, link.to, relation));
      if (!entry) issues.push(issue(severity, `solution.links[${i}]`, 'graph-link-missing', params));
      else if (entry.kind === 'misconception') issues.push(issue(severity, `solution.links[${i}]`, 'graph-link-is-misconception', params));
      else if (entry.nuanced && !link.optional) issues.push(issue(severity, `solution.links[${i}]`, 'graph-required-nuanced', params));
    }
  });
  level.misconceptions.forEach((wrong, i) => {
    const graph = graphFor(level, indexes, wrong.from, wrong.to);
    if (!graph) return;
    for (const relation of wrong.relations) {
      if (!level.sharedRelationIds.has(relation)) continue;
      if (graph.index.get(tripleKey(wrong.from, wrong.to, relation))?.kind !== 'truth') continue;
      issues.push(issue(severity, `misconceptions[${i}]`, 'graph-misconception-is-true', { triple: tripleText(wrong.from, relation, wrong.to), graph: graphFileOf(graph.deck) }));
    }
  });
  return issues;
}

/**
 * The part of the graphs a level plays with: the true triples between its cards, with its
 * relations, that its solution does not accept (drawn, "true, not asked here"), and the deck's
 * misconceptions between its cards that it does not already list. Where the level says
 * otherwise of a triple (a level from a file may), the level wins.
 */
export function levelGraphPart(level: LevelAgainstGraph, graphs: readonly GraphFileData[]): { truths: TruthLink[]; misconceptions: MisconceptionLink[] } {
  const own = new Set<string>();
  for (const link of level.links) for (const relation of link.relations) own.add(tripleKey(link.from, link.to, relation));
  for (const wrong of level.misconceptions) for (const relation of wrong.relations) own.add(tripleKey(wrong.from, wrong.to, relation));
  const truths: TruthLink[] = [];
  const misconceptions: MisconceptionLink[] = [];
  for (const graph of graphs) {
    const between = (from: string, to: string) => level.cardDeck.get(from) === graph.deck && level.cardDeck.get(to) === graph.deck;
    const drawable = (from: string, to: string, relation: string | string[]) => {
      const relations: string[] = [];
      for (const r of asList(relation)) {
        const key = tripleKey(from, to, r);
        // A triple given twice in a graph is refused by its validation; kept once here all the same.
        if (level.relationIds.has(r) && !own.has(key)) {
          own.add(key);
          relations.push(r);
        }
      }
      return relations;
    };
    for (const link of graph.links) {
      if (!between(link.from, link.to)) continue;
      const relations = drawable(link.from, link.to, link.relation);
      if (relations.length === 0) continue;
      truths.push({ from: link.from, to: link.to, relations, explanation: link.explanation ?? null, source: link.source, nuanced: link.nuanced === true });
    }
    for (const wrong of graph.misconceptions ?? []) {
      if (!between(wrong.from, wrong.to)) continue;
      const relations = drawable(wrong.from, wrong.to, wrong.relation);
      if (relations.length === 0) continue;
      misconceptions.push({ from: wrong.from, to: wrong.to, relations, explanation: wrong.explanation, source: wrong.source ?? null, origin: 'deck' });
    }
  }
  return { truths, misconceptions };
}
