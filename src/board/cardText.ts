// How a card's texts are laid out on the board: sizes, and the lines each text breaks into at
// the board's font. Pure (the text measure is given), so that tests can check that every card of
// the shipped content fits, with the same line breaking as the board.
import { CARD_HEIGHT, CARD_WIDTH } from '../core/layout';
import type { CardDef } from '../core/schema';
import { displayText, type Lang } from '../core/text';
import { t } from '../i18n';
import { TEXT_SIZES } from './palette';
import { wrapText, type Measure } from './wrap';

export const W = CARD_WIDTH;
export const H = CARD_HEIGHT;
export const LEFT = -W / 2;
export const TOP = -H / 2;
export const BAND = 26;
export const PAD = 10;
export const ICON = 26;
export const TITLE_LINE = 20;
export const SUMMARY_LINE = 16;
export const BACK_LINE = 15;

export type MeasureFor = (size: number, weight?: 'normal' | 'bold', style?: 'normal' | 'italic') => Measure;

export interface CardLines {
  title: string[];
  /** Font size of the title: 17 px, or 16 px for a long title (never smaller). */
  titleSize: number;
  titleLineHeight: number;
  summary: string[];
  back: string[];
  source: string[];
  /** Lines of the front that do not fit (title or summary cut with an ellipsis). */
  truncated: boolean;
}

/** How a card's texts break into lines on the board. */
export function layoutCardText(card: CardDef, lang: Lang, measureFor: MeasureFor): CardLines {
  const titleWidth = W - PAD * 2 - ICON - 8;
  const text = displayText(card.title, lang);
  // A long title first gets a slightly smaller size, then a third line (taken from the summary).
  const attempts = [
    { size: TEXT_SIZES.title, lines: 2, lineHeight: TITLE_LINE },
    { size: TEXT_SIZES.title - 1, lines: 2, lineHeight: TITLE_LINE - 1 },
    { size: TEXT_SIZES.title - 1, lines: 3, lineHeight: TITLE_LINE - 1 },
  ];
  let title = wrapText(text, titleWidth, 2, measureFor(TEXT_SIZES.title, 'bold'));
  let attempt = attempts[0]!;
  for (const candidate of attempts) {
    attempt = candidate;
    title = wrapText(text, titleWidth, candidate.lines, measureFor(candidate.size, 'bold'));
    if (!title.truncated) break;
  }
  const textTop = TOP + BAND + PAD + Math.max(ICON, title.lines.length * attempt.lineHeight) + 6;
  const summaryLines = Math.max(1, Math.floor((TOP + H - PAD - textTop) / SUMMARY_LINE));
  const summary = card.summary
    ? wrapText(displayText(card.summary, lang), W - PAD * 2, summaryLines, measureFor(TEXT_SIZES.summary))
    : { lines: [], truncated: false };
  const source = card.source
    ? wrapText(`${t('card.source')} : ${card.source}`, W - PAD * 2, 2, measureFor(TEXT_SIZES.back, 'normal', 'italic'))
    : { lines: [], truncated: false };
  const backLines = Math.floor((H - BAND - PAD * 2 - source.lines.length * BACK_LINE - 4) / BACK_LINE);
  const back = wrapText(card.explanation ? displayText(card.explanation, lang) : t('card.noExplanation'), W - PAD * 2, backLines, measureFor(TEXT_SIZES.back));
  return {
    title: title.lines,
    titleSize: attempt.size,
    titleLineHeight: attempt.lineHeight,
    summary: summary.lines,
    back: back.lines,
    source: source.lines,
    truncated: title.truncated || summary.truncated,
  };
}
