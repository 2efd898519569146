// The deck's truth graph (levels/decks/institutions-fr.graph.json) against the shipped levels, read
// as raw JSON, independently of the engine: the graph's own rules, every level's solution and
// misconceptions against it, and the bar of issue 14 — no arrow that is true between two cards of
// a level is ever scored wrong. In the game an arrow is judged in this order: the level's solution,
// the level's misconceptions, the deck's misconceptions, the deck's true arrows. So a true arrow can
// only be scored wrong if it is also a level misconception or a deck misconception; both are
// refused here. The engine's own walk of every level is in content.test.ts.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

type Text = { fr: string; en: string };
type Relation = string | string[];
interface Entry { from: string; to: string; relation: Relation; explanation?: Text; source?: string; nuanced?: boolean }
interface Graph { formatVersion: number; deck: string; links: Entry[]; misconceptions?: Entry[] }
interface LevelLink extends Entry { optional?: boolean }
interface LevelFile {
  id: string;
  deck?: string;
  durationMinutes: number;
  textVariant?: string;
  cards: (string | { id: string })[];
  relations: (string | { id: string })[];
  solution: { links: LevelLink[] };
  misconceptions?: Entry[];
}

const LEVELS = resolve(import.meta.dirname, '../../levels');
const DECK = 'institutions-fr';
const GRAPH_FILE = resolve(LEVELS, `decks/${DECK}.graph.json`);
const read = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;

const deck = read<{ id: string; cards: { id: string; variants?: Record<string, Record<string, Text>> }[] }>(resolve(LEVELS, `decks/${DECK}.json`));
const deckCards = new Set(deck.cards.map((card) => card.id));
const sharedRelations = new Set(read<{ relations: { id: string }[] }>(resolve(LEVELS, 'relations.json')).relations.map((relation) => relation.id));
const levels = readdirSync(LEVELS)
  .filter((name) => name.endsWith('.json') && name !== 'relations.json')
  .map((name) => ({ file: `levels/${name}`, level: read<LevelFile>(resolve(LEVELS, name)) }));

const list = (relation: Relation): string[] => (Array.isArray(relation) ? relation : [relation]);
const key = (from: string, to: string, relation: string) => `${from} — ${relation} — ${to}`;
const isText = (text: unknown): text is Text =>
  typeof text === 'object' && text !== null && typeof (text as Text).fr === 'string' && (text as Text).fr.trim() !== '' && typeof (text as Text).en === 'string' && (text as Text).en.trim() !== '';

const graph: Graph = existsSync(GRAPH_FILE) ? read<Graph>(GRAPH_FILE) : { formatVersion: 0, deck: '', links: [] };
/** Every triple of the graph: true (plain or nuanced) or a misconception. */
const truth = new Map<string, { nuanced: boolean }>();
const wrong = new Set<string>();
for (const link of graph.links) for (const relation of list(link.relation)) truth.set(key(link.from, link.to, relation), { nuanced: link.nuanced === true });
for (const entry of graph.misconceptions ?? []) for (const relation of list(entry.relation)) wrong.add(key(entry.from, entry.to, relation));

/** A level's cards that come from the deck (inline cards are in no graph), and its shared relations (its own are exempt). */
function inGraph(level: LevelFile) {
  const cards = new Set(level.cards.filter((card): card is string => typeof card === 'string').filter((id) => deckCards.has(id)));
  const relations = new Set(level.relations.filter((relation): relation is string => typeof relation === 'string' && sharedRelations.has(relation)));
  return { cards, relations, covers: (from: string, to: string) => cards.has(from) && cards.has(to) };
}

describe('the truth graph of the deck', () => {
  it('exists beside its deck, for that deck', () => {
    expect(existsSync(GRAPH_FILE)).toBe(true);
    expect(graph.formatVersion).toBe(1);
    expect(graph.deck).toBe(DECK);
    expect(graph.links.length).toBeGreaterThan(0);
  });

  it('names only cards of the deck and relations of levels/relations.json, never a card to itself', () => {
    const bad: string[] = [];
    for (const [kind, entries] of [['links', graph.links], ['misconceptions', graph.misconceptions ?? []]] as const) {
      entries.forEach((entry, i) => {
        for (const end of [entry.from, entry.to]) if (!deckCards.has(end)) bad.push(`${kind}[${i}]: unknown card ${end}`);
        for (const relation of list(entry.relation)) if (!sharedRelations.has(relation)) bad.push(`${kind}[${i}]: unknown relation ${relation}`);
        if (entry.from === entry.to) bad.push(`${kind}[${i}]: ${entry.from} to itself`);
      });
    }
    expect(bad).toEqual([]);
  });

  it('sources and explains every arrow in French and English, and says the nuance of a nuanced one', () => {
    const bad: string[] = [];
    graph.links.forEach((link, i) => {
      if (typeof link.source !== 'string' || link.source.trim() === '') bad.push(`links[${i}] ${link.from}>${link.to}: no source`);
      if (!isText(link.explanation)) bad.push(`links[${i}] ${link.from}>${link.to}: no FR + EN explanation`);
    });
    (graph.misconceptions ?? []).forEach((entry, i) => {
      if (!isText(entry.explanation)) bad.push(`misconceptions[${i}] ${entry.from}>${entry.to}: no FR + EN explanation`);
      if (typeof entry.source !== 'string' || entry.source.trim() === '') bad.push(`misconceptions[${i}] ${entry.from}>${entry.to}: no source`);
    });
    expect(bad).toEqual([]);
  });

  it('gives each triple once, never both true and a misconception', () => {
    const seen = new Map<string, string>();
    const bad: string[] = [];
    for (const [kind, entries] of [['links', graph.links], ['misconceptions', graph.misconceptions ?? []]] as const) {
      entries.forEach((entry, i) => {
        for (const relation of list(entry.relation)) {
          const triple = key(entry.from, entry.to, relation);
          const first = seen.get(triple);
          if (first) bad.push(`${kind}[${i}] ${triple}: already ${first}`);
          else seen.set(triple, `${kind}[${i}]`);
        }
      });
    }
    expect(bad).toEqual([]);
  });

  it('holds the true arrows issue 14 found scored wrong, with the right reading', () => {
    const expected: [string, string, string, boolean][] = [
      ['president-republique', 'conseil-constitutionnel', 'nomme', false], // Constitution, art. 56
      ['president-republique', 'defenseur-droits', 'nomme', false], // art. 71-1
      ['justiciables', 'cour-cassation', 'saisit', false], // pourvoi en cassation
      ['tribunal-administratif', 'conseil-municipal', 'juge', false], // CGCT, art. L. 2131-6
      ['maire', 'gouvernement', 'represente', true], // agent of the State for some tasks only
      ['senat', 'grands-electeurs', 'participe-a', false], // senators are grands électeurs (Code électoral, art. L. 280)
      ['citoyens', 'conseil-constitutionnel', 'saisit', false], // any voter contests a deputy's election (art. 59)
      ['president-republique', 'gouvernement', 'dirige', true], // outside cohabitation only
    ];
    expect(expected.filter(([from, to, relation, nuanced]) => truth.get(key(from, to, relation))?.nuanced !== nuanced).map(([f, t, r]) => key(f, t, r))).toEqual([]);
  });
});

describe.each(levels.filter(({ level }) => level.deck === DECK))('$file against the truth graph', ({ level }) => {
  const { covers, relations } = inGraph(level);

  it('asks only for arrows that are true in the deck, and never requires a nuanced one', () => {
    const bad: string[] = [];
    level.solution.links.forEach((link, i) => {
      if (!covers(link.from, link.to)) return;
      for (const relation of list(link.relation)) {
        if (!sharedRelations.has(relation)) continue;
        const triple = key(link.from, link.to, relation);
        const entry = truth.get(triple);
        if (!entry) bad.push(`solution.links[${i}] ${triple}: not in the graph${wrong.has(triple) ? ' (a deck misconception)' : ''}`);
        else if (entry.nuanced && link.optional !== true) bad.push(`solution.links[${i}] ${triple}: required but nuanced`);
      }
    });
    expect(bad).toEqual([]);
  });

  it('never calls wrong an arrow that is true between two of its cards', () => {
    const bad: string[] = [];
    (level.misconceptions ?? []).forEach((entry, i) => {
      if (!covers(entry.from, entry.to)) return;
      for (const relation of list(entry.relation)) {
        if (truth.has(key(entry.from, entry.to, relation))) bad.push(`misconceptions[${i}] ${key(entry.from, entry.to, relation)} is true in the deck`);
      }
    });
    for (const [triple] of truth) {
      const [from, relation, to] = triple.split(' — ') as [string, string, string];
      if (covers(from, to) && relations.has(relation) && wrong.has(triple)) bad.push(`${triple}: true and a deck misconception`);
    }
    expect(bad).toEqual([]);
  });

  it('gives a play-through time that a class can keep to', () => {
    // The yardstick (README, Levels): about 1 minute per required arrow and half a minute per card
    // for 13-15 year-olds, doubled for the reading aloud, the hints and the debrief (half of a
    // session is reflection). A stated duration may round it, not halve it.
    const required = level.solution.links.filter((link) => link.optional !== true).length;
    const yardstick = 2 * (required + level.cards.length / 2);
    expect(level.durationMinutes, `${level.cards.length} cards, ${required} required arrows: about ${yardstick} min`).toBeGreaterThanOrEqual(Math.floor(0.85 * yardstick));
    expect(level.durationMinutes).toBeLessThanOrEqual(Math.ceil(1.25 * yardstick));
  });
});

describe('the junior level', () => {
  const junior = levels.find(({ level }) => level.id === 'qui-elit-qui-junior')!.level;

  it('shows the junior texts of the deck cards it plays, in short sentences', () => {
    expect(junior.textVariant).toBe('junior');
    const bad: string[] = [];
    for (const id of junior.cards.filter((card): card is string => typeof card === 'string')) {
      const variant = deck.cards.find((card) => card.id === id)?.variants?.junior;
      if (!variant || !isText(variant.summary) || !isText(variant.explanation)) {
        bad.push(`${id}: no junior summary and explanation in French and English`);
        continue;
      }
      for (const [field, text] of Object.entries(variant)) {
        for (const lang of ['fr', 'en'] as const) {
          for (const sentence of text[lang].split(/(?<=[.!?])\s+/)) {
            if (sentence.split(/\s+/).length > 25) bad.push(`${id}.${field}.${lang}: "${sentence}" is longer than 25 words`);
          }
        }
      }
    }
    expect(bad).toEqual([]);
  });
});
