// Loads a level and validates it against the shipped decks (with their truth graphs) and relations. Loaded only when a
// level is opened or imported: the level list does not need the validation code. A shipped
// level comes checked at build time; the validation code (and zod) loads for the others.
import { catalog, checkedLevelLoaders, levelLoaders, loadLibraryFiles } from 'virtual:levels';
import { error, type ContentIssue } from '../core/issues';
import type { Level } from '../core/level';
import type { ContentLibrary } from '../core/validate';

const validation = () => import('../core/validate');
const graphValidation = () => import('../core/truthGraph');

let library: Promise<ContentLibrary> | null = null;

/**
 * The shipped decks, their truth graphs and the relations, validated once. A graph that does not
 * validate is left out (`levels:check` says why): the levels then play without it.
 */
export function loadLibrary(): Promise<ContentLibrary> {
  library ??= Promise.all([loadLibraryFiles(), validation(), graphValidation()])
    .then(([{ relations, decks, graphs }, { validateDeckFile, validateRelationsFile }, { validateGraphFile }]) => {
      const shared = {
        relations: validateRelationsFile(relations).value?.relations ?? [],
        decks: decks.flatMap((deck) => validateDeckFile(deck).value ?? []),
      };
      const valid = graphs.flatMap((graph) => validateGraphFile(graph, shared).value ?? []);
      // One graph per deck, as levels:check requires; a second one is not used.
      return { ...shared, graphs: valid.filter((graph, i) => valid.findIndex((other) => other.deck === graph.deck) === i) };
    })
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
  const checked = checkedLevelLoaders[id];
  if (checked) return { level: await checked(), issues: catalog.find((entry) => entry.id === id)?.issues ?? [] };
  const load = levelLoaders[id];
  if (!load) return { level: null, issues: [error('id', 'invalid', { detail: `no shipped level "${id}"` })] };
  const [raw, lib, { validateLevel }] = await Promise.all([load(), loadLibrary(), validation()]);
  const { value, issues } = validateLevel(raw, lib);
  return { level: value, issues };
}

export async function loadLevelText(text: string): Promise<LevelLoad & { raw: unknown }> {
  const { parseJson, validateLevel } = await validation();
  const parsed = parseJson(text);
  if (parsed.value === null) return { level: null, issues: parsed.issues, raw: null };
  const { value, issues } = validateLevel(parsed.value, await loadLibrary());
  return { level: value, issues, raw: parsed.value };
}
