// What the pages after the cards say, as groups of text blocks: the correction poster (the
// expected links batch by batch, then the misconceptions) and the facilitator sheet (the level's
// guide with its suggested timing). Written from the level's data, so an imported level prints
// its own correction.
import { batchOf, type Level } from '../core/level';
import type { TextValue } from '../core/schema';
import { displayText, type Lang } from '../core/text';
import { revealOrder, suggestedPlan } from '../core/workshop';
import { levelGuide } from '../export/guide';
import { t } from '../i18n';
import { cardTitle, relationLabel } from '../state/game';
import type { Block, Group } from './flow';
import { printable } from './text';

/** "Citoyens — élit — Assemblée nationale"; a link that accepts several verbs shows them all. */
function sentence(level: Level, link: { from: string; to: string; relations: string[] }, lang: Lang): string {
  const verbs = link.relations.map((id) => relationLabel(level, id, lang)).join(' / ');
  return `${cardTitle(level, link.from, lang)} — ${verbs} — ${cardTitle(level, link.to, lang)}`;
}

function item(text: string, detail: string | null, source: string | null): Group {
  const blocks: Block[] = [{ text, style: detail || source ? 'item' : 'point', bullet: true }];
  if (detail) blocks.push({ text: detail, style: 'detail' });
  if (source) blocks.push({ text: t('print.source', { source }), style: 'source' });
  return { blocks };
}

const heading = (text: string): Group => ({ blocks: [{ text, style: 'heading' }], keepWithNext: true });
const shown = (text: TextValue | null, lang: Lang) => (text ? displayText(text, lang) : null);

/** Every text made printable (the print font's spaces), once for all the blocks. */
function printableGroups(groups: Group[]): Group[] {
  return groups.map((group) => ({ ...group, blocks: group.blocks.map((block) => ({ ...block, text: printable(block.text) })) }));
}

export function correctionGroups(level: Level, lang: Lang): Group[] {
  const title = displayText(level.title, lang);
  const groups: Group[] = [
    { blocks: [{ text: `${t('print.correctionTitle')} — ${title}`, style: 'title' }, { text: t('print.correctionIntro'), style: 'subtitle' }] },
  ];
  const order = revealOrder(level);
  level.batches.forEach((batch, index) => {
    // A link belongs to the batch that deals the later of its two cards (as in the workshop).
    const links = order.filter((link) => Math.max(batchOf(level, level.links[link]!.from), batchOf(level, level.links[link]!.to)) === index);
    if (links.length === 0) return;
    const name = batch.title ? displayText(batch.title, lang) : level.batches.length > 1 ? t('guide.batch', { index: index + 1 }) : t('print.expectedLinks');
    groups.push(heading(name));
    for (const linkIndex of links) {
      const link = level.links[linkIndex]!;
      const text = link.optional ? `${sentence(level, link, lang)} (${t('print.optional')})` : sentence(level, link, lang);
      groups.push(item(text, shown(link.explanation, lang), link.source));
    }
  });
  if (level.misconceptions.length > 0) {
    groups.push(heading(t('print.misconceptions')));
    for (const wrong of level.misconceptions) groups.push(item(sentence(level, wrong, lang), displayText(wrong.explanation, lang), wrong.source));
  }
  return printableGroups(groups);
}

export function facilitatorGroups(level: Level, lang: Lang): Group[] {
  const title = displayText(level.title, lang);
  const facts = [
    level.durationMinutes !== null ? t('home.duration', { minutes: level.durationMinutes }) : null,
    t('home.cards', { count: level.cards.length }),
    level.batches.length > 1 ? t('home.batches', { count: level.batches.length }) : null,
    level.difficulty !== null ? t('home.difficulty', { value: level.difficulty }) : null,
  ].filter((fact): fact is string => fact !== null);
  const groups: Group[] = [
    {
      blocks: [
        { text: `${t('print.sheetTitle')} — ${title}`, style: 'title' },
        { text: facts.join(' · '), style: 'subtitle' },
        ...(level.description ? [{ text: displayText(level.description, lang), style: 'paragraph' as const }] : []),
        { text: t('print.howToPrint'), style: 'paragraph' },
      ],
    },
  ];
  for (const section of levelGuide(level, lang, suggestedPlan(level))) {
    groups.push(heading(section.title));
    for (const paragraph of section.paragraphs ?? []) groups.push({ blocks: [{ text: paragraph, style: 'paragraph' }] });
    for (const entry of section.items ?? []) groups.push(item(entry.text, entry.detail ?? null, entry.source ?? null));
  }
  return printableGroups(groups);
}
