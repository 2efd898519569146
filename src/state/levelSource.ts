// Loads a level and validates it against the shipped decks and relations. Loaded only when a
// level is opened or imported: the level list does not need the validation code.
import { levelLoaders, loadLibraryFiles } from 'virtual:levels';
import { error, type ContentIssue } from '../core/issues';
import type { Level } from '../core/level';
import { parseJson, validateDeckFile, validateLevel, validateRelationsFile, type ContentLibrary } from '../core/validate';

let library: Promise<ContentLibrary> | null = null;

/** The shipped decks and relations, validated once. */
export function loadLibrary(): Promise<ContentLibrary> {
  library ??= loadLibraryFiles()
    .then(({ relations, decks }) => ({
      relations: validateRelationsFile(relations).value?.relations ?? [],
      decks: decks.flatMap((deck) => validateDeckFile(deck).value ?? []),
    }))
    .catch((cause: unknown) => {
      library = null;
      throw cause;
    });
  return library;
}

export interface LevelLoad {
  level: Level | null;
  issues: ContentIssue[];
}

export async function loadShippedLevel(id: string): Promise<LevelLoad> {
  const load = levelLoaders[id];
  if (!load) return { level: null, issues: [error('id', 'invalid', { detail: `no shipped level "${id}"` })] };
  const [raw, lib] = await Promise.all([load(), loadLibrary()]);
  const { value, issues } = validateLevel(raw, lib);
  return { level: value, issues };
}

export async function loadLevelText(text: string): Promise<LevelLoad & { raw: unknown }> {
  const parsed = parseJson(text);
  if (parsed.value === null) return { level: null, issues: parsed.issues, raw: null };
  const { value, issues } = validateLevel(parsed.value, await loadLibrary());
  return { level: value, issues, raw: parsed.value };
}
