// The truth graph on disk: found beside its deck, never taken for a deck, checked by levels:check
// (contradictions are errors there), and given to the game and the server with each shipped
// level (only the part between the level's cards).
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deckFiles, graphFiles, loadContent, loadLibrary } from '../../scripts/content';
import { levelsPlugin } from '../../scripts/vite-plugin-levels';
import { loadShippedLevels } from '../../server/levels';
import type { Level } from '../../src/core/level';
import type { GraphFileData } from '../../src/core/schema';
import { graphFile, levelFile, library } from './fixtures';

const ROOT = resolve(import.meta.dirname, '../..');

/** A levels directory made of the unit fixtures: relations, the test deck, its graph (or none), levels. */
function fixtureDir(options: { graph?: Record<string, unknown> | null; levels?: Record<string, unknown>[] } = {}): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'fresque-graph-')), 'levels');
  mkdirSync(join(dir, 'decks'), { recursive: true });
  writeFileSync(join(dir, 'relations.json'), JSON.stringify({ formatVersion: 1, relations: library.relations }));
  writeFileSync(join(dir, 'decks', 'test-deck.json'), JSON.stringify(library.decks[0]));
  const graph = options.graph === undefined ? graphFile() : options.graph;
  if (graph) writeFileSync(join(dir, 'decks', 'test-deck.graph.json'), JSON.stringify(graph));
  for (const level of options.levels ?? [levelFile()]) writeFileSync(join(dir, `${String(level.id)}.json`), JSON.stringify(level));
  return dir;
}

/** The fixture level, with a solution link the graph calls a misconception. */
function contradictingLevel(): Record<string, any> {
  const level = levelFile() as Record<string, any>;
  level.id = 'contredit';
  level.solution.links.push({ from: 'premier-ministre', to: 'assemblee-nationale', relation: 'elit' });
  return level;
}

describe('graph files', () => {
  it('are next to the decks, and never read as a deck', () => {
    const dir = fixtureDir();
    expect(deckFiles(dir).map((path) => path.split('/').pop())).toEqual(['test-deck.json']);
    expect(graphFiles(dir).map((path) => path.split('/').pop())).toEqual(['test-deck.graph.json']);
    const { library: loaded, files } = loadLibrary(dir);
    expect(loaded.decks.map((deck) => deck.id)).toEqual(['test-deck']);
    expect(loaded.graphs?.map((graph) => graph.deck)).toEqual(['test-deck']);
    expect(files.find((file) => file.kind === 'graph')?.issues).toEqual([]);
  });

  it('may be missing: a deck without one has no graph, and its levels play as before', () => {
    const content = loadContent(fixtureDir({ graph: null, levels: [levelFile(), contradictingLevel()] }));
    expect(content.library.graphs).toEqual([]);
    expect(content.levels.map((level) => [level.id, level.issues, level.level?.truths])).toEqual([
      ['contredit', [], []],
      ['test-level', [], []],
    ]);
  });

  it('are reported with their own problems, and one that does not validate is not used', () => {
    const broken = graphFile() as Record<string, any>;
    delete broken.links[0].source;
    const content = loadContent(fixtureDir({ graph: broken }));
    const graph = content.files.find((file) => file.kind === 'graph')!;
    expect(graph.issues.map((issue) => `${issue.path} ${issue.code}`)).toEqual(['links[0].source required']);
    expect(content.library.graphs).toEqual([]);
  });

  it('are named after their deck; a second graph for the same deck is refused', () => {
    const dir = fixtureDir();
    cpSync(join(dir, 'decks', 'test-deck.graph.json'), join(dir, 'decks', 'autre.graph.json'));
    const { files, library: loaded } = loadLibrary(dir);
    const other = files.find((file) => file.file.endsWith('autre.graph.json'))!;
    expect(other.issues.map((issue) => [issue.severity, issue.code])).toEqual([
      ['warning', 'graph-file-name'],
      ['error', 'duplicate-graph'],
    ]);
    expect(loaded.graphs).toHaveLength(1);
  });
});

describe('a shipped level against its deck’s graph', () => {
  it('is an error for levels:check, a warning for the game and the server, which still play it', () => {
    const dir = fixtureDir({ levels: [levelFile(), contradictingLevel()] });
    const strict = loadContent(dir, { graphContradictions: 'error' }).levels.find((level) => level.id === 'contredit')!;
    expect(strict.issues.map((issue) => [issue.severity, issue.code, issue.path])).toEqual([['error', 'graph-link-is-misconception', 'solution.links[6]']]);
    expect(strict.level).toBeNull();

    const lenient = loadContent(dir).levels.find((level) => level.id === 'contredit')!;
    expect(lenient.issues.map((issue) => issue.severity)).toEqual(['warning']);
    expect(lenient.level).not.toBeNull();
    expect([...loadShippedLevels(dir).keys()].sort()).toEqual(['contredit', 'test-level']);
  });

  it('reaches the browser resolved, with only the part of the graph between its cards', async () => {
    const graph = graphFile() as Record<string, any>;
    const dir = fixtureDir({ graph });
    const plugin = levelsPlugin(dir);
    const resolveId = plugin.resolveId as (id: string) => string;
    const load = plugin.load as (this: { addWatchFile(path: string): void }, id: string) => string;
    const context = { addWatchFile() {} };
    const index = load.call(context, resolveId('virtual:levels'));
    expect(index).toContain('"test-level": () => import("virtual:level/test-level")');
    // The library for levels from a file: the relations, the deck, then its graph.
    expect(index).toContain('/levels/decks/test-deck.graph.json');
    const module = load.call(context, resolveId('virtual:level/test-level'));
    const level = JSON.parse(JSON.parse(/JSON\.parse\((.*)\);$/.exec(module)![1]!) as string) as Level;
    expect(level.truths.map((truth) => `${truth.from}>${truth.to}`)).toEqual(['citoyens>assemblee-nationale', 'president-republique>citoyens']);
    // The Senate is not a card of the level: its arrows do not travel with it.
    expect(module).not.toContain('senat');
    expect((graph as GraphFileData).links.some((link) => link.from === 'senat')).toBe(true);
  });
});

function runCheck(args: string[]): { status: number; out: string } {
  try {
    const out = execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/levels-check.ts'), ...args], { cwd: ROOT, encoding: 'utf8', stdio: 'pipe' });
    return { status: 0, out };
  } catch (failure) {
    const error = failure as { status: number; stdout: string; stderr: string };
    return { status: error.status, out: error.stdout + error.stderr };
  }
}

describe('levels:check and the shipped graph', () => {
  const shipped = join(ROOT, 'levels', 'decks', 'institutions-fr.graph.json');
  const graph = JSON.parse(readFileSync(shipped, 'utf8')) as GraphFileData;
  const relations = (JSON.parse(readFileSync(join(ROOT, 'levels', 'relations.json'), 'utf8')) as { relations: { id: string }[] }).relations.map((r) => r.id);
  const truth = graph.links[0]!;
  const relation = Array.isArray(truth.relation) ? truth.relation[0]! : truth.relation;
  const triples = new Set(graph.links.flatMap((link) => (Array.isArray(link.relation) ? link.relation : [link.relation]).map((r) => `${link.from}>${link.to}:${r}`)));
  // An arrow between the same two cards the graph does not hold (the reverse direction, a verb it does not give).
  const untrue = relations.map((r) => ({ from: truth.to, to: truth.from, relation: r })).find((t) => !triples.has(`${t.from}>${t.to}:${t.relation}`))!;

  it('refuses a level that calls a true arrow of the deck a misconception, or asks for an arrow the deck does not hold', () => {
    const level = {
      formatVersion: 1,
      id: 'contradiction',
      title: { fr: 'Contradiction' },
      deck: graph.deck,
      cards: [truth.from, truth.to],
      relations: [...new Set([relation, untrue.relation])],
      solution: { links: [untrue] },
      misconceptions: [{ from: truth.from, to: truth.to, relation, explanation: { fr: 'Faux, selon ce niveau.' } }],
    };
    const path = join(mkdtempSync(join(tmpdir(), 'fresque-check-')), 'contradiction.json');
    writeFileSync(path, JSON.stringify(level));
    const { status, out } = runCheck([path]);
    expect(status).toBe(1);
    const lines = out.trim().split('\n');
    const at = (triple: string) => lines.find((line) => line.includes(`"${triple}"`));
    expect(at(`${untrue.from} — ${untrue.relation} — ${untrue.to}`)).toMatch(/contradiction\.json: solution\.links\[0\]: the arrow ".*" is not in the deck's truth graph: add it to levels\/decks\/institutions-fr\.graph\.json with its source/);
    expect(at(`${truth.from} — ${relation} — ${truth.to}`)).toMatch(/contradiction\.json: misconceptions\[0\]: the arrow ".*" is true in the deck \(levels\/decks\/institutions-fr\.graph\.json\): make it a solution link or remove the misconception/);
    expect(out).toMatch(/2 error\(s\)/);
  });

  it('checks the graph file itself when given it', () => {
    const { status, out } = runCheck([shipped]);
    expect(out).toMatch(/1 file\(s\) checked \(0 level\(s\)\): 0 error\(s\)/);
    expect(status).toBe(0);
  });
});
