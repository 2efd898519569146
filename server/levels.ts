// The shipped levels, read from levels/ and validated with the same rules as the game and
// `levels:check`: the server plays a session's moves on the level the tables play, resolved with
// its deck's truth graph as the build resolves it (a contradiction with the graph is a warning
// here, as in the game, so the server has every level the tables have).
import { loadContent } from '../scripts/content';
import type { Level } from '../src/core/level';

export function loadShippedLevels(levelsDir: string): Map<string, Level> {
  const levels = new Map<string, Level>();
  for (const checked of loadContent(levelsDir).levels) if (checked.level) levels.set(checked.level.id, checked.level);
  return levels;
}
