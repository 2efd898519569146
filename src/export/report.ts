// The workshop report: what a facilitator sends to the class afterwards. Markdown to read and
// share, JSON for the record. Built from the level, the group's fresco and the workshop.
import { checkFresco, judgeLink, type Score } from '../core/check';
import type { Progress } from '../core/progress';
import { layoutOf } from '../core/progress';
import type { Level } from '../core/level';
import { displayText, type Lang } from '../core/text';
import { PHASES, type Workshop } from '../core/workshop';
import { t } from '../i18n';
import { linkSentence } from '../state/game';

export interface WorkshopReport {
  format: 'fresque-workshop-report';
  version: 1;
  level: { id: string; title: string };
  lang: Lang;
  frescoName: string;
  startedAt: string;
  endedAt: string | null;
  durationMinutes: number;
  plan: Workshop['plan'];
  score: Score;
  placement: { correct: number; total: number } | null;
  revealed: { count: number; total: number };
  /** `verdict`: correct, optional, not-asked (true in the deck, not asked by the level), wrong:<reason> or unchecked. */
  links: { from: string; to: string; relation: string; sentence: string; verdict: string }[];
  misconceptions: { sentence: string; explanation: string; source: string | null }[];
  /** Arrows drawn that are true in the deck but not asked by the level: neither right nor wrong in the score. */
  notAsked: { sentence: string; explanation: string | null; source: string }[];
  notes: string[];
  debrief: { question: string; answer: string }[];
  commitments: string;
}

export function buildReport(level: Level, progress: Progress, workshop: Workshop, lang: Lang, now: number): WorkshopReport {
  const board = progress.history.present;
  const check = checkFresco(level, board, layoutOf(level));
  const end = workshop.endedAt ?? now;
  return {
    format: 'fresque-workshop-report',
    version: 1,
    level: { id: level.id, title: displayText(level.title, lang) },
    lang,
    frescoName: workshop.frescoName,
    startedAt: new Date(workshop.startedAt).toISOString(),
    endedAt: workshop.endedAt === null ? null : new Date(workshop.endedAt).toISOString(),
    durationMinutes: Math.max(0, Math.round((end - workshop.startedAt) / 60_000)),
    plan: workshop.plan,
    score: check.score,
    placement: check.placement ? { correct: check.placement.correct, total: check.placement.total } : null,
    revealed: { count: workshop.revealed.length, total: level.links.length },
    links: board.links.map((link) => {
      const verdict = check.verdicts[`${link.from}>${link.to}:${link.relation}`];
      return {
        from: link.from,
        to: link.to,
        relation: link.relation,
        sentence: linkSentence(level, link, lang),
        verdict: verdict ? (verdict.status === 'wrong' ? `wrong:${verdict.reason}` : verdict.status) : 'unchecked',
      };
    }),
    misconceptions: board.links.flatMap((link) => {
      const verdict = judgeLink(level, link);
      const wrong = verdict.status === 'wrong' && verdict.reason === 'misconception' ? level.misconceptions[verdict.misconception] : undefined;
      return wrong ? [{ sentence: linkSentence(level, link, lang), explanation: displayText(wrong.explanation, lang), source: wrong.source }] : [];
    }),
    notAsked: board.links.flatMap((link) => {
      const verdict = judgeLink(level, link);
      const truth = verdict.status === 'not-asked' ? level.truths[verdict.truth] : undefined;
      return truth ? [{ sentence: linkSentence(level, link, lang), explanation: truth.explanation ? displayText(truth.explanation, lang) : null, source: truth.source }] : [];
    }),
    notes: workshop.notes.map((note) => note.text),
    debrief: level.debrief.map((question, index) => ({ question: displayText(question, lang), answer: workshop.debriefAnswers[index] ?? '' })),
    commitments: workshop.commitments,
  };
}

const SIGN: Record<string, string> = { correct: '✓', optional: '✓', 'not-asked': '◇' };

export function reportMarkdown(report: WorkshopReport): string {
  const { score } = report;
  const lines: string[] = [
    `# ${t('report.title')} — ${report.frescoName || report.level.title}`,
    '',
    `- ${t('report.level')} : ${report.level.title}`,
    ...(report.frescoName ? [`- ${t('report.fresco')} : ${report.frescoName}`] : []),
    `- ${t('report.date')} : ${report.startedAt.slice(0, 10)}`,
    `- ${t('report.duration')} : ${report.durationMinutes} min`,
    `- ${t('report.score')} : ${t('report.scoreValue', { ...score })}`,
    ...(report.notAsked.length > 0 ? [`- ${t('report.notAsked', { count: report.notAsked.length })}`] : []),
    ...(report.placement ? [`- ${t('check.placement', report.placement)}`] : []),
    `- ${t('report.revealed', report.revealed)}`,
    '',
    `## ${t('report.phases')}`,
    '',
    ...PHASES.map((phase) => `- ${t(`workshop.phases.${phase}`)} : ${report.plan[phase]} min`),
    '',
    `## ${t('report.links')}`,
    '',
    ...(report.links.length > 0 ? report.links.map((link) => `- ${SIGN[link.verdict] ?? '✗'} ${link.sentence}`) : [t('report.none')]),
    '',
    `## ${t('report.misconceptions')}`,
    '',
    ...(report.misconceptions.length > 0
      ? report.misconceptions.map((item) => `- **${item.sentence}** — ${item.explanation}${item.source ? ` (${item.source})` : ''}`)
      : [t('report.none')]),
    '',
    ...(report.notAsked.length > 0
      ? [`## ${t('report.notAskedLinks')}`, '', ...report.notAsked.map((item) => `- ◇ **${item.sentence}**${item.explanation ? ` — ${item.explanation}` : ''} (${item.source})`), '']
      : []),
    `## ${t('report.notes')}`,
    '',
    ...(report.notes.length > 0 ? report.notes.map((note) => `- ${note}`) : [t('report.none')]),
    '',
    `## ${t('report.debrief')}`,
    '',
  ];
  report.debrief.forEach((item, index) => {
    lines.push(`### ${index + 1}. ${item.question}`, '', item.answer.trim() || '—', '');
  });
  lines.push(`## ${t('report.commitments')}`, '', report.commitments.trim() || '—', '');
  return lines.join('\n');
}
