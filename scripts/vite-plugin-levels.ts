// Vite plugin: the shipped levels as a virtual module. It lists every *.json of levels/ with what
// the level list shows and the problems found (validated at build time with the same rules as
// `levels:check`), and gives a lazy loader per level so that only the level opened is downloaded.
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { displayText } from '../src/core/text';
import { deckFiles, loadContent, RELATIONS_FILE } from './content';

const VIRTUAL_ID = 'virtual:levels';
const RESOLVED_ID = '\0' + VIRTUAL_ID;

export function levelsPlugin(levelsDir: string): Plugin {
  const root = resolve(levelsDir, '..');
  const url = (path: string) => '/' + path.slice(root.length + 1).split('\\').join('/');
  return {
    name: 'fresque-levels',
    resolveId(id) {
      return id === VIRTUAL_ID ? RESOLVED_ID : undefined;
    },
    load(id) {
      if (id !== RESOLVED_ID) return undefined;
      const content = loadContent(levelsDir);
      for (const file of content.files) this.addWatchFile(file.path);
      const catalog = content.levels.map((checked) => {
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
      const loaders = content.levels
        .map((checked) => `  ${JSON.stringify(checked.id)}: () => import(${JSON.stringify(url(checked.path))}).then((m) => m.default),`)
        .join('\n');
      const libraryImports = [resolve(levelsDir, RELATIONS_FILE), ...deckFiles(levelsDir)]
        .map((path) => `import(${JSON.stringify(url(path))})`)
        .join(', ');
      return [
        `export const catalog = ${JSON.stringify(catalog)};`,
        `export const levelLoaders = {\n${loaders}\n};`,
        `export function loadLibraryFiles() {`,
        `  return Promise.all([${libraryImports}]).then(([relations, ...decks]) => ({ relations: relations.default, decks: decks.map((m) => m.default) }));`,
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
        server.ws.send({ type: 'full-reload' });
      };
      server.watcher.on('add', refresh);
      server.watcher.on('unlink', refresh);
      server.watcher.on('change', refresh);
    },
  };
}
