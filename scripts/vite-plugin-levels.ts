// Vite plugin: the shipped levels as a virtual module. It lists every *.json of levels/ with what
// the level list shows and the problems found (validated at build time with the same rules as
// `levels:check`), and gives a lazy loader per level so that only the level opened is downloaded.
// A level without errors is also given already checked (`virtual:level/<id>`): the level with
// the cards and relations it uses and the part of its deck's truth graph between its cards, so
// that opening a shipped level downloads neither the whole deck, nor the whole graph, nor the
// validation code (an imported level is still checked in the browser, against the whole graph).
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { displayText } from '../src/core/text';
import { deckFiles, graphFiles, loadContent, RELATIONS_FILE } from './content';

const VIRTUAL_ID = 'virtual:levels';
const RESOLVED_ID = '\0' + VIRTUAL_ID;
const CHECKED_PREFIX = 'virtual:level/';

export function levelsPlugin(levelsDir: string): Plugin {
  const root = resolve(levelsDir, '..');
  const url = (path: string) => '/' + path.slice(root.length + 1).split('\\').join('/');
  // Checked once per build (and again after a change in the dev server).
  let cached: ReturnType<typeof loadContent> | null = null;
  const content = () => (cached ??= loadContent(levelsDir));
  return {
    name: 'fresque-levels',
    resolveId(id) {
      if (id === VIRTUAL_ID) return RESOLVED_ID;
      if (id.startsWith(CHECKED_PREFIX)) return '\0' + id;
      return undefined;
    },
    load(id) {
      if (id.startsWith('\0' + CHECKED_PREFIX)) {
        const levelId = id.slice(1 + CHECKED_PREFIX.length);
        const level = content().levels.find((checked) => checked.id === levelId)?.level;
        if (!level) throw new Error(`no valid shipped level "${levelId}"`);
        // JSON.parse of a string is faster for the browser than the same object as code.
        return `export default JSON.parse(${JSON.stringify(JSON.stringify(level))});`;
      }
      if (id !== RESOLVED_ID) return undefined;
      cached = null;
      const { files, levels } = content();
      for (const file of files) this.addWatchFile(file.path);
      const catalog = levels.map((checked) => {
        const raw = (checked.raw ?? {}) as Record<string, unknown>;
        const level = checked.level;
        return {
          id: checked.id,
          file: url(checked.path),
          title: level?.title ?? { fr: typeof raw.title === 'object' ? displayText(raw.title as { fr: string }, 'fr') : checked.id },
          description: level?.description ?? null,
          difficulty: level?.difficulty ?? null,
          durationMinutes: level?.durationMinutes ?? null,
          cardCount: level?.cards.length ?? 0,
          batchCount: level?.batches.length ?? 0,
          zoneCount: level?.zones.length ?? 0,
          issues: checked.issues,
        };
      });
      const checkedLoaders = levels
        .filter((checked) => checked.level !== null && !checked.issues.some((issue) => issue.severity === 'error'))
        .map((checked) => `  ${JSON.stringify(checked.id)}: () => import(${JSON.stringify(CHECKED_PREFIX + checked.id)}).then((m) => m.default),`)
        .join('\n');
      const loaders = levels
        .map((checked) => `  ${JSON.stringify(checked.id)}: () => import(${JSON.stringify(url(checked.path))}).then((m) => m.default),`)
        .join('\n');
      const decks = deckFiles(levelsDir);
      const libraryImports = [resolve(levelsDir, RELATIONS_FILE), ...decks, ...graphFiles(levelsDir)]
        .map((path) => `import(${JSON.stringify(url(path))})`)
        .join(', ');
      return [
        `export const catalog = ${JSON.stringify(catalog)};`,
        `export const levelLoaders = {\n${loaders}\n};`,
        `export const checkedLevelLoaders = {\n${checkedLoaders}\n};`,
        `export function loadLibraryFiles() {`,
        `  return Promise.all([${libraryImports}]).then(([relations, ...files]) => ({ relations: relations.default, decks: files.slice(0, ${decks.length}).map((m) => m.default), graphs: files.slice(${decks.length}).map((m) => m.default) }));`,
        `}`,
      ].join('\n');
    },
    configureServer(server) {
      // A level added, changed or removed shows up without restarting the dev server.
      server.watcher.add(levelsDir);
      const refresh = (path: string) => {
        if (!path.startsWith(levelsDir) || !path.endsWith('.json')) return;
        const module = server.moduleGraph.getModuleById(RESOLVED_ID);
        if (module) server.moduleGraph.invalidateModule(module);
        for (const checked of server.moduleGraph.idToModuleMap.values()) {
          if (checked.id?.startsWith('\0' + CHECKED_PREFIX)) server.moduleGraph.invalidateModule(checked);
        }
        server.ws.send({ type: 'full-reload' });
      };
      server.watcher.on('add', refresh);
      server.watcher.on('unlink', refresh);
      server.watcher.on('change', refresh);
    },
  };
}
