// Reads and validates the content under levels/ from disk (relations, decks, their truth graphs,
// levels), for `levels:check`, for the build (the Vite plugin that lists the shipped levels) and
// for the session server. The rules themselves are in src/core.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { error, warning, type ContentIssue } from '../src/core/issues';
import type { DeckFileData, GraphFileData, RelationDef } from '../src/core/schema';
import { GRAPH_SUFFIX, validateGraphFile, validateGraphSet } from '../src/core/truthGraph';
import { parseJson, validateDeckFile, validateDeckSet, validateLevel, validateRelationsFile, type ContentLibrary, type LevelCheckOptions } from '../src/core/validate';
import type { Level } from '../src/core/level';

export interface CheckedFile {
  /** Path as shown to people, relative to the working directory. */
  file: string;
  path: string;
  kind: 'level' | 'deck' | 'graph' | 'relations';
  raw: unknown;
  issues: ContentIssue[];
}

export interface CheckedLevel extends CheckedFile {
  kind: 'level';
  id: string;
  level: Level | null;
}

export interface Content {
  library: ContentLibrary;
  files: CheckedFile[];
  levels: CheckedLevel[];
}

export const RELATIONS_FILE = 'relations.json';

function read(path: string): { raw: unknown; issues: ContentIssue[] } {
  const { value, issues } = parseJson(readFileSync(path, 'utf8'));
  return { raw: value, issues };
}

function shown(path: string): string {
  return relative(process.cwd(), path) || path;
}

/** The level files of a levels directory: every *.json directly in it but the relations. */
export function levelFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json') && name !== RELATIONS_FILE)
    .sort()
    .map((name) => join(dir, name));
}

function inDecks(dir: string, keep: (name: string) => boolean): string[] {
  const decks = join(dir, 'decks');
  if (!existsSync(decks)) return [];
  return readdirSync(decks)
    .filter(keep)
    .sort()
    .map((name) => join(decks, name));
}

/** The deck files: every *.json of levels/decks/ but the truth graphs. */
export function deckFiles(dir: string): string[] {
  return inDecks(dir, (name) => name.endsWith('.json') && !name.endsWith(GRAPH_SUFFIX));
}

/** The decks' truth graphs: levels/decks/<deck-id>.graph.json (a deck without one has no graph). */
export function graphFiles(dir: string): string[] {
  return inDecks(dir, (name) => name.endsWith(GRAPH_SUFFIX));
}

export function loadLibrary(dir: string): { library: ContentLibrary; files: CheckedFile[] } {
  const files: CheckedFile[] = [];
  let relations: readonly RelationDef[] = [];
  const relationsPath = join(dir, RELATIONS_FILE);
  if (existsSync(relationsPath)) {
    const { raw, issues } = read(relationsPath);
    const checked = raw === null ? { value: null, issues: [] } : validateRelationsFile(raw);
    relations = checked.value?.relations ?? [];
    files.push({ file: shown(relationsPath), path: relationsPath, kind: 'relations', raw, issues: [...issues, ...checked.issues] });
  }
  const decks: DeckFileData[] = [];
  const deckEntries: CheckedFile[] = [];
  for (const path of deckFiles(dir)) {
    const { raw, issues } = read(path);
    const checked = raw === null ? { value: null, issues: [] } : validateDeckFile(raw);
    if (checked.value) decks.push(checked.value);
    deckEntries.push({ file: shown(path), path, kind: 'deck', raw, issues: [...issues, ...checked.issues] });
  }
  for (const { deck, issue } of validateDeckSet(decks)) {
    const entry = deckEntries.find((candidate) => (candidate.raw as { id?: unknown } | null)?.id === deck);
    entry?.issues.push(issue);
  }
  files.push(...deckEntries);

  const graphs: { graph: GraphFileData; file: string }[] = [];
  for (const path of graphFiles(dir)) {
    const { raw, issues } = read(path);
    const checked = raw === null ? { value: null, issues: [] } : validateGraphFile(raw, { decks, relations });
    const entry: CheckedFile = { file: shown(path), path, kind: 'graph', raw, issues: [...issues, ...checked.issues] };
    files.push(entry);
    if (!checked.value) continue;
    const named = basename(path) === `${checked.value.deck}${GRAPH_SUFFIX}`;
    if (!named) entry.issues.push(warning('deck', 'graph-file-name', { file: basename(path), deck: checked.value.deck }));
    // The file named after its deck comes first: it is the one kept if another claims the same deck.
    graphs.splice(named ? 0 : graphs.length, 0, { graph: checked.value, file: entry.file });
  }
  // One graph per deck: a second one is refused (and not used).
  const refused = new Set<number>();
  for (const { index, issue } of validateGraphSet(graphs.map(({ graph, file }) => ({ deck: graph.deck, file })))) {
    refused.add(index);
    files.find((file) => file.file === graphs[index]!.file)?.issues.push(issue);
  }
  return { library: { decks, relations, graphs: graphs.filter((_, i) => !refused.has(i)).map(({ graph }) => graph) }, files };
}

export function checkLevelFile(path: string, library: ContentLibrary, options: LevelCheckOptions = {}): CheckedLevel {
  const { raw, issues } = read(path);
  const checked = raw === null ? { value: null, issues: [] } : validateLevel(raw, library, options);
  const stem = basename(path, '.json');
  const declared = (raw as { id?: unknown } | null)?.id;
  const id = typeof declared === 'string' && declared !== '' ? declared : stem;
  const all = [...issues, ...checked.issues];
  if (checked.value && stem !== id) all.push(warning('id', 'file-name', { file: basename(path), id }));
  return { file: shown(path), path, kind: 'level', raw, issues: all, id, level: checked.value };
}

/**
 * Everything under a levels directory, validated. A level contradicting its deck's truth graph
 * is a warning by default (the game and the session server still play it); `levels:check`
 * makes it an error.
 */
export function loadContent(dir: string, options: LevelCheckOptions = {}): Content {
  const { library, files } = loadLibrary(dir);
  const levels: CheckedLevel[] = [];
  const firstFile = new Map<string, string>();
  for (const path of levelFiles(dir)) {
    const checked = checkLevelFile(path, library, options);
    const first = firstFile.get(checked.id);
    if (first) {
      checked.issues.push(error('id', 'duplicate-level', { id: checked.id, first }));
      checked.level = null;
    } else firstFile.set(checked.id, checked.file);
    levels.push(checked);
  }
  return { library, files: [...files, ...levels], levels };
}
