// What the game says about a checked arrow: the level's explanation for a right link or a known
// misconception (the level's own or its deck's), the deck's truth graph for a true arrow the
// level does not ask for, else a reason drawn from the solution (wrong verb, wrong direction, no link).
import type { Verdict } from '../core/check';
import type { Level } from '../core/level';
import { displayText, type Lang } from '../core/text';
import { t } from '../i18n';

export interface Explanation {
  text: string;
  source: string | null;
}

/** The sign that goes with a verdict, wherever it is shown (board, panel, bar, reports): colour is never the only signal. */
export function verdictSign(verdict: Verdict): string {
  return verdict.status === 'wrong' ? '✗' : verdict.status === 'not-asked' ? '◇' : '✓';
}

export function explainVerdict(level: Level, verdict: Verdict, lang: Lang): Explanation | null {
  if (verdict.status === 'not-asked') {
    const truth = level.truths[verdict.truth];
    if (!truth) return null;
    return { text: truth.explanation ? displayText(truth.explanation, lang) : t('check.reasonNotAsked'), source: truth.source };
  }
  if (verdict.status !== 'wrong') {
    const expected = level.links[verdict.expected];
    return expected?.explanation ? { text: displayText(expected.explanation, lang), source: expected.source } : null;
  }
  switch (verdict.reason) {
    case 'misconception': {
      const wrong = level.misconceptions[verdict.misconception];
      return wrong ? { text: displayText(wrong.explanation, lang), source: wrong.source } : null;
    }
    case 'relation':
      return { text: t('check.reasonRelation'), source: null };
    case 'reversed':
      return { text: t('check.reasonReversed'), source: null };
    case 'unexpected':
      return { text: t('check.reasonUnexpected'), source: null };
  }
}
