// Reads and validates the content under levels/ from disk, for `levels:check` and for the build
// (the Vite plugin that lists the shipped levels). The rules themselves are in src/core.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { error, warning, type ContentIssue } from '../src/core/issues';
import type { DeckFileData, RelationDef } from '../src/core/schema';
import { parseJson, validateDeckFile, validateDeckSet, validateLevel, validateRelationsFile, type ContentLibrary } from '../src/core/validate';
import type { Level } from '../src/core/level';

export interface CheckedFile {
  /** Path as shown to people, relative to the working directory. */
  file: string;
  path: string;
  kind: 'level' | 'deck' | 'relations';
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

export function deckFiles(dir: string): string[] {
  const decks = join(dir, 'decks');
  if (!existsSync(decks)) return [];
  return readdirSync(decks)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => join(decks, name));
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
  return { library: { decks, relations }, files };
}

export function checkLevelFile(path: string, library: ContentLibrary): CheckedLevel {
  const { raw, issues } = read(path);
  const checked = raw === null ? { value: null, issues: [] } : validateLevel(raw, library);
  const stem = basename(path, '.json');
  const declared = (raw as { id?: unknown } | null)?.id;
  const id = typeof declared === 'string' && declared !== '' ? declared : stem;
  const all = [...issues, ...checked.issues];
  if (checked.value && stem !== id) all.push(warning('id', 'file-name', { file: basename(path), id }));
  return { file: shown(path), path, kind: 'level', raw, issues: all, id, level: checked.value };
}

/** Everything under a levels directory, validated. */
export function loadContent(dir: string): Content {
  const { library, files } = loadLibrary(dir);
  const levels: CheckedLevel[] = [];
  const firstFile = new Map<string, string>();
  for (const path of levelFiles(dir)) {
    const checked = checkLevelFile(path, library);
    const first = firstFile.get(checked.id);
    if (first) {
      checked.issues.push(error('id', 'duplicate-level', { id: checked.id, first }));
      checked.level = null;
    } else firstFile.set(checked.id, checked.file);
    levels.push(checked);
  }
  return { library, files: [...files, ...levels], levels };
}
