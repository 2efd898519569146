// Checking a fresco against the level's solution: a verdict for every drawn arrow, the score,
// and whether cards sit in their zones. The "valid / optional / invalid" model of fresk
// facilitators, with an explanation for every mistake, and a fourth answer from the deck's truth
// graph: "true, not asked here", for a true arrow the level did not choose (never wrong).
import { linkSignature, type Board, type Link } from './fresco';
import type { FrescoLayout } from './layout';
import { zoneAt } from './layout';
import type { Level } from './level';

export type Verdict =
  | { status: 'correct'; expected: number }
  | { status: 'optional'; expected: number }
  /** True in the deck's truth graph (`level.truths[truth]`) but not one of the level's links: not wrong, not counted. */
  | { status: 'not-asked'; truth: number }
  /** A misconception the level or its deck explains (`level.misconceptions[misconception]`). */
  | { status: 'wrong'; reason: 'misconception'; misconception: number }
  /** The right two cards in the right direction, but not the right verb. */
  | { status: 'wrong'; reason: 'relation'; expected: number }
  /** The two cards are linked the other way round. */
  | { status: 'wrong'; reason: 'reversed'; expected: number }
  | { status: 'wrong'; reason: 'unexpected' };

export interface Score {
  correct: number;
  wrong: number;
  missing: number;
  total: number;
  percent: number;
}

export interface PlacementScore {
  correct: number;
  total: number;
  /** Cards with an expected zone that are on the fresco but elsewhere. */
  misplaced: string[];
}

export interface CheckResult {
  /** Verdict per drawn arrow, keyed by its signature (from>to:relation) so it survives undo. */
  verdicts: Record<string, Verdict>;
  score: Score;
  placement: PlacementScore | null;
}

/**
 * The documented score: the share of required links drawn, counting every wrong arrow against
 * it, so that drawing every possible arrow does not pay. 100 exactly when nothing is missing or
 * wrong; a fresco with any mistake stays at 99 at most.
 */
export function percentOf(correct: number, total: number, wrong: number): number {
  const denominator = total + wrong;
  if (denominator === 0) return 100;
  return Math.floor((100 * correct) / denominator);
}

const sameArrow = (link: Pick<Link, 'from' | 'to' | 'relation'>) => (candidate: { from: string; to: string; relations: string[] }) =>
  candidate.from === link.from && candidate.to === link.to && candidate.relations.includes(link.relation);

/**
 * The verdict on one drawn arrow, in this order: a link of the level's solution (correct or
 * optional); a misconception of the level, then one of its deck's (both in
 * `level.misconceptions`, the level's first); a true triple of the deck's graph ("true, not
 * asked here"); then what the solution suggests (right pair with the wrong verb, reversed,
 * unexpected).
 */
export function judgeLink(level: Level, link: Pick<Link, 'from' | 'to' | 'relation'>): Verdict {
  const expected = level.links.findIndex(sameArrow(link));
  const expectedLink = level.links[expected];
  if (expectedLink) return { status: expectedLink.optional ? 'optional' : 'correct', expected };
  const misconception = level.misconceptions.findIndex(sameArrow(link));
  if (misconception >= 0) return { status: 'wrong', reason: 'misconception', misconception };
  const truth = level.truths.findIndex(sameArrow(link));
  if (truth >= 0) return { status: 'not-asked', truth };
  const samePair = level.links.findIndex((candidate) => candidate.from === link.from && candidate.to === link.to);
  if (samePair >= 0) return { status: 'wrong', reason: 'relation', expected: samePair };
  const reversed = level.links.findIndex((candidate) => candidate.from === link.to && candidate.to === link.from);
  if (reversed >= 0) return { status: 'wrong', reason: 'reversed', expected: reversed };
  return { status: 'wrong', reason: 'unexpected' };
}

export function checkPlacements(level: Level, board: Board, layout: FrescoLayout): PlacementScore | null {
  const expected = Object.entries(level.placements);
  if (expected.length === 0) return null;
  let correct = 0;
  const misplaced: string[] = [];
  for (const [cardId, zoneId] of expected) {
    const position = board.placed[cardId];
    if (!position) continue;
    if (zoneAt(layout, position) === zoneId) correct++;
    else misplaced.push(cardId);
  }
  return { correct, total: expected.length, misplaced };
}

export function checkFresco(level: Level, board: Board, layout: FrescoLayout): CheckResult {
  const matched = new Set<number>();
  const verdicts: Record<string, Verdict> = {};
  let wrong = 0;
  for (const link of board.links) {
    const verdict = judgeLink(level, link);
    verdicts[linkSignature(link)] = verdict;
    if (verdict.status === 'correct') matched.add(verdict.expected);
    else if (verdict.status === 'wrong') wrong++;
  }
  const total = level.links.filter((link) => !link.optional).length;
  const correct = matched.size;
  return {
    verdicts,
    score: { correct, wrong, missing: total - correct, total, percent: percentOf(correct, total, wrong) },
    placement: checkPlacements(level, board, layout),
  };
}

/** How many drawn arrows are true in the deck but not asked by the level (never in the score). */
export function notAskedCount(check: CheckResult): number {
  return Object.values(check.verdicts).filter((verdict) => verdict.status === 'not-asked').length;
}

/** Required links not drawn yet (for a facilitator's hint or the reveal; never shown to players as such). */
export function missingLinks(level: Level, board: Board): number[] {
  const drawn = new Set(board.links.map(linkSignature));
  return level.links.flatMap((link, index) =>
    link.optional || link.relations.some((relation) => drawn.has(linkSignature({ ...link, relation }))) ? [] : [index],
  );
}

/** True when the drawn arrows are exactly those that were checked (the verdicts still apply). */
export function isCheckCurrent(check: CheckResult, board: Board): boolean {
  const drawn = board.links.map(linkSignature);
  return drawn.length === Object.keys(check.verdicts).length && drawn.every((signature) => signature in check.verdicts);
}
