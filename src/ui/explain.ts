// What the game says about a checked arrow: the level's explanation for a right link or a known
// misconception, else a reason drawn from the solution (wrong verb, wrong direction, no link).
import type { Verdict } from '../core/check';
import type { Level } from '../core/level';
import { displayText, type Lang } from '../core/text';
import { t } from '../i18n';

export interface Explanation {
  text: string;
  source: string | null;
}

export function explainVerdict(level: Level, verdict: Verdict, lang: Lang): Explanation | null {
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
