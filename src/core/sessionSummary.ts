// What a session's tables did, put together for the projector after the reveal and for the
// facilitator's report: the misconceptions most tables drew, the links most tables missed, the
// true arrows the level did not ask for that tables drew, and each table's result. Pure: computed from the tables' frescos with the same checking rules.
import { checkFresco, missingLinks, type Score } from './check';
import { linkSignature, type Board } from './fresco';
import type { Level } from './level';
import { layoutOf } from './progress';

export interface SummaryTable {
  id: string;
  name: string;
  board: Board;
}

export interface SessionSummary {
  tables: { id: string; name: string; score: Score; placed: number; links: number }[];
  /** Misconceptions of the level drawn by at least one table, most common first. */
  misconceptions: { index: number; from: string; to: string; relation: string; tables: number }[];
  /** True arrows of the deck the level does not ask for (`level.truths`), drawn by at least one table, most common first. */
  notAsked: { index: number; from: string; to: string; relation: string; tables: number }[];
  /** Required links missing on at least one table, most often missed first. */
  missed: { index: number; from: string; to: string; relation: string; tables: number }[];
  /** Mean score of the tables, or null without tables. */
  meanPercent: number | null;
}

const byCount = <T extends { tables: number; index: number }>(a: T, b: T) => b.tables - a.tables || a.index - b.index;

export function summarizeSession(level: Level, tables: readonly SummaryTable[], limit = 5): SessionSummary {
  const layout = layoutOf(level);
  const misconceptionCounts = new Map<number, number>();
  const missedCounts = new Map<number, number>();
  const notAskedCounts = new Map<string, { index: number; from: string; to: string; relation: string; tables: number }>();
  const results = tables.map((table) => {
    const check = checkFresco(level, table.board, layout);
    const drawn = new Set<number>();
    for (const verdict of Object.values(check.verdicts)) if (verdict.status === 'wrong' && verdict.reason === 'misconception') drawn.add(verdict.misconception);
    for (const index of drawn) misconceptionCounts.set(index, (misconceptionCounts.get(index) ?? 0) + 1);
    // Counted by arrow (a truth may accept several verbs): once per table.
    for (const link of table.board.links) {
      const verdict = check.verdicts[linkSignature(link)];
      if (verdict?.status !== 'not-asked') continue;
      const key = linkSignature(link);
      const counted = notAskedCounts.get(key) ?? { index: verdict.truth, from: link.from, to: link.to, relation: link.relation, tables: 0 };
      counted.tables++;
      notAskedCounts.set(key, counted);
    }
    for (const index of missingLinks(level, table.board)) missedCounts.set(index, (missedCounts.get(index) ?? 0) + 1);
    return { id: table.id, name: table.name, score: check.score, placed: Object.keys(table.board.placed).length, links: table.board.links.length };
  });
  const misconceptions = [...misconceptionCounts]
    .map(([index, count]) => {
      const wrong = level.misconceptions[index]!;
      return { index, from: wrong.from, to: wrong.to, relation: wrong.relations[0]!, tables: count };
    })
    .sort(byCount)
    .slice(0, limit);
  const missed = [...missedCounts]
    .map(([index, count]) => {
      const link = level.links[index]!;
      return { index, from: link.from, to: link.to, relation: link.relations[0]!, tables: count };
    })
    .sort(byCount)
    .slice(0, limit);
  const notAsked = [...notAskedCounts.values()].sort(byCount).slice(0, limit);
  const meanPercent = results.length === 0 ? null : Math.round(results.reduce((sum, table) => sum + table.score.percent, 0) / results.length);
  return { tables: results, misconceptions, missed, notAsked, meanPercent };
}
