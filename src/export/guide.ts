// The facilitator's guide of a level, written from the level's own content: goals, audience,
// timing, each batch with its key message and key links, the traps (misconceptions), the hints
// and the debrief questions. One structure, shown in the panel and written as Markdown.
import type { Level } from '../core/level';
import { displayText, type Lang } from '../core/text';
import { PHASES, revealOrder, type PhaseId } from '../core/workshop';
import { t } from '../i18n';
import { cardTitle, linkSentence } from '../state/game';

export interface GuideSection {
  title: string;
  paragraphs?: string[];
  items?: { text: string; detail?: string; source?: string | null }[];
}

export function levelGuide(level: Level, lang: Lang, plan: Record<PhaseId, number>): GuideSection[] {
  const order = revealOrder(level);
  const batchOfLink = (index: number) => {
    const link = level.links[index]!;
    return Math.max(...[link.from, link.to].map((id) => level.batches.findIndex((batch) => batch.cards.includes(id))));
  };
  const sections: GuideSection[] = [
    { title: t('guide.goals'), items: (level.goals.length > 0 ? level.goals.map((goal) => displayText(goal, lang)) : [t('guide.noGoals')]).map((text) => ({ text })) },
  ];
  if (level.audience) sections.push({ title: t('guide.audience'), paragraphs: [displayText(level.audience, lang)] });
  sections.push({
    title: t('guide.timing'),
    items: PHASES.map((phase) => ({ text: `${t(`workshop.phases.${phase}`)} : ${t('guide.minutes', { minutes: plan[phase] })}` })),
  });
  level.batches.forEach((batch, index) => {
    const title = batch.title ? displayText(batch.title, lang) : t('guide.batch', { index: index + 1 });
    const links = order.filter((link) => batchOfLink(link) === index && !level.links[link]!.optional);
    sections.push({
      title,
      paragraphs: [
        t('guide.cardsOfBatch', { cards: batch.cards.map((id) => cardTitle(level, id, lang)).join(', ') }),
        ...(batch.keyMessage ? [displayText(batch.keyMessage, lang)] : []),
      ],
      items: links.map((index) => {
        const link = level.links[index]!;
        return {
          text: linkSentence(level, { from: link.from, to: link.to, relation: link.relations[0]! }, lang),
          ...(link.explanation ? { detail: displayText(link.explanation, lang) } : {}),
          source: link.source,
        };
      }),
    });
  });
  if (level.misconceptions.length > 0) {
    sections.push({
      title: t('guide.traps'),
      items: level.misconceptions.map((wrong) => ({
        text: linkSentence(level, { from: wrong.from, to: wrong.to, relation: wrong.relations[0]! }, lang),
        detail: displayText(wrong.explanation, lang),
        source: wrong.source,
      })),
    });
  }
  if (level.hints.length > 0) sections.push({ title: t('guide.hints'), items: level.hints.map((hint) => ({ text: displayText(hint, lang) })) });
  if (level.debrief.length > 0) sections.push({ title: t('guide.debrief'), items: level.debrief.map((question) => ({ text: displayText(question, lang) })) });
  return sections;
}

export function guideMarkdown(level: Level, lang: Lang, plan: Record<PhaseId, number>): string {
  const lines = [`# ${t('workshop.guide')} — ${displayText(level.title, lang)}`, ''];
  for (const section of levelGuide(level, lang, plan)) {
    lines.push(`## ${section.title}`, '');
    for (const paragraph of section.paragraphs ?? []) lines.push(paragraph, '');
    for (const item of section.items ?? []) {
      lines.push(`- ${item.text}${item.detail ? ` — ${item.detail}` : ''}${item.source ? ` (${item.source})` : ''}`);
    }
    if (section.items?.length) lines.push('');
  }
  return lines.join('\n');
}
