// How a printed card's texts are laid out, in millimetres from the card's top left corner: the
// front (kind band, icon, title, summary, the QR code's corner) and the back (title, explanation,
// source). A text too long for its place first gets a smaller size, down to a floor that stays
// readable, then is cut with an ellipsis. Pure (the measure is given): tests check that every
// shipped card fits with the real font's metrics.
import type { CardDef } from '../core/schema';
import { displayText, type Lang } from '../core/text';
import { wrapText } from '../board/wrap';
import type { Size } from './layout';
import { printable } from './text';

/** Width in millimetres of a text at a size in points. */
export type PrintMeasure = (text: string, size: number, style: 'normal' | 'bold' | 'italic') => number;

const PT = 25.4 / 72;
/** Line height in millimetres of a text at a size in points. */
export const lineHeight = (size: number, leading = 1.2) => size * PT * leading;

export const PAD = 3.5;
export const FRONT_BAND = 7;
export const BACK_BAND = 5;
export const ICON = 12;
export const QR = 18;
export const BAND_SIZE = 7.5;
export const FOOTER_SIZE = 5.5;

/** The interface words a card needs, in the language printed. */
export interface PrintLabels {
  /** "Source : Constitution, art. 6" */
  source: (source: string) => string;
  noExplanation: string;
}

export interface TextBlock {
  lines: string[];
  /** Size in points. */
  size: number;
  lineHeight: number;
  /** Top of the first line, from the card's top. */
  top: number;
  left: number;
  width: number;
}

export interface PrintedCardText {
  title: TextBlock;
  summary: TextBlock;
  back: { title: TextBlock; explanation: TextBlock; source: TextBlock };
  /** Lines that did not fit and were cut (for the content tests). */
  truncated: string[];
}

/** The first size at which the text fits in `maxLines(size)` lines, else the last size, cut. */
function fitText(text: string, width: number, sizes: readonly number[], maxLines: (size: number) => number, style: 'normal' | 'bold' | 'italic', measure: PrintMeasure) {
  let result = { lines: [] as string[], truncated: false, size: sizes[0]! };
  for (const size of sizes) {
    const wrapped = wrapText(text, width, Math.max(1, maxLines(size)), (part) => measure(part, size, style));
    result = { ...wrapped, size };
    if (!wrapped.truncated) break;
  }
  return result;
}

export function layoutPrintedCard(card: CardDef, lang: Lang, size: Size, labels: PrintLabels, measure: PrintMeasure): PrintedCardText {
  const truncated: string[] = [];
  const text = (value: Parameters<typeof displayText>[0] | undefined) => (value ? printable(displayText(value, lang)) : '');

  // Front: the title beside the icon, on two lines, then three at a smaller size.
  const titleLeft = PAD + ICON + 3;
  const titleWidth = size.width - titleLeft - PAD;
  const titleText = text(card.title);
  const title = fitText(titleText, titleWidth, [13, 12, 11], (s) => (s >= 12 ? 2 : 3), 'bold', measure);
  if (title.truncated) truncated.push('title');
  const titleLine = lineHeight(title.size, 1.15);
  const titleTop = FRONT_BAND + 2.5;
  const titleBlock: TextBlock = { lines: title.lines, size: title.size, lineHeight: titleLine, top: titleTop, left: titleLeft, width: titleWidth };

  // The summary beside the QR code, which takes the bottom right corner; the footer (level
  // title) runs under the summary.
  const summaryTop = titleTop + Math.max(ICON, title.lines.length * titleLine) + 2;
  const summaryWidth = size.width - 2 * PAD - QR - 3;
  const summaryBottom = size.height - PAD - lineHeight(FOOTER_SIZE) - 1;
  const summary = fitText(text(card.summary), summaryWidth, [10, 9.5, 9], (s) => Math.floor((summaryBottom - summaryTop) / lineHeight(s, 1.25)), 'normal', measure);
  if (summary.truncated) truncated.push('summary');

  // Back: title, explanation, and the source at the bottom.
  const backWidth = size.width - 2 * PAD;
  const backTitle = fitText(titleText, backWidth, [9], () => 1, 'bold', measure);
  if (backTitle.truncated) truncated.push('back title');
  const backTitleTop = BACK_BAND + 2;
  const sourceSize = 6.5;
  const sourceText = card.source ? printable(labels.source(card.source)) : '';
  const source = wrapText(sourceText, backWidth, 3, (part) => measure(part, sourceSize, 'italic'));
  if (source.truncated) truncated.push('source');
  const sourceLine = lineHeight(sourceSize, 1.15);
  const sourceTop = size.height - PAD - source.lines.length * sourceLine;
  const explanationTop = backTitleTop + lineHeight(9) + 1.5;
  const explanationRoom = sourceTop - 1.5 - explanationTop;
  const explanation = fitText(
    card.explanation ? text(card.explanation) : printable(labels.noExplanation),
    backWidth,
    [8.5, 8, 7.5, 7, 6.5],
    (s) => Math.floor(explanationRoom / lineHeight(s, 1.2)),
    'normal',
    measure,
  );
  if (explanation.truncated) truncated.push('explanation');

  return {
    title: titleBlock,
    summary: { lines: summary.lines, size: summary.size, lineHeight: lineHeight(summary.size, 1.25), top: summaryTop, left: PAD, width: summaryWidth },
    back: {
      title: { lines: backTitle.lines, size: 9, lineHeight: lineHeight(9), top: backTitleTop, left: PAD, width: backWidth },
      explanation: { lines: explanation.lines, size: explanation.size, lineHeight: lineHeight(explanation.size, 1.2), top: explanationTop, left: PAD, width: backWidth },
      source: { lines: source.lines, size: sourceSize, lineHeight: sourceLine, top: sourceTop, left: PAD, width: backWidth },
    },
    truncated,
  };
}
