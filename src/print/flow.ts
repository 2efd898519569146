// Running text over A4 pages (the correction poster, the facilitator sheet): groups of blocks
// wrapped to the page width and cut into pages. A group (a link's sentence with its explanation
// and source) stays on one page when it can, and a heading never ends a page. Pure (the measure
// is given), so that tests check that nothing runs past the bottom margin.
import { wrapText } from '../board/wrap';
import { lineHeight, type PrintMeasure } from './cardText';

export type BlockStyle = 'title' | 'subtitle' | 'heading' | 'paragraph' | 'point' | 'item' | 'detail' | 'source';

export interface TextStyle {
  size: number;
  font: 'normal' | 'bold' | 'italic';
  color: string;
  /** From the frame's left edge, in millimetres. */
  indent: number;
  /** Space above the block, in millimetres (none at the top of a page). */
  spaceBefore: number;
  leading: number;
}

export const TEXT_STYLES: Record<BlockStyle, TextStyle> = {
  title: { size: 20, font: 'bold', color: '#1b1b1b', indent: 0, spaceBefore: 0, leading: 1.15 },
  subtitle: { size: 10.5, font: 'normal', color: '#3d3a35', indent: 0, spaceBefore: 2, leading: 1.3 },
  heading: { size: 14, font: 'bold', color: '#1b1b1b', indent: 0, spaceBefore: 7, leading: 1.2 },
  paragraph: { size: 10.5, font: 'normal', color: '#1b1b1b', indent: 0, spaceBefore: 2, leading: 1.3 },
  /** A list entry on its own (a goal, a phase, a question). */
  point: { size: 10.5, font: 'normal', color: '#1b1b1b', indent: 5, spaceBefore: 1.8, leading: 1.3 },
  /** A link's sentence, followed by its explanation (detail) and its source. */
  item: { size: 10.5, font: 'bold', color: '#1b1b1b', indent: 5, spaceBefore: 3.5, leading: 1.25 },
  detail: { size: 10, font: 'normal', color: '#1b1b1b', indent: 5, spaceBefore: 0.8, leading: 1.3 },
  source: { size: 8.5, font: 'italic', color: '#4a4036', indent: 5, spaceBefore: 0.6, leading: 1.25 },
};

export interface Block {
  text: string;
  style: BlockStyle;
  /** An item's bullet, drawn in the indent of its first line. */
  bullet?: boolean;
}

export interface Group {
  blocks: Block[];
  /** A heading: kept on the same page as the start of the group after it. */
  keepWithNext?: boolean;
}

export interface Frame {
  left: number;
  top: number;
  width: number;
  bottom: number;
}

export interface PlacedLine {
  text: string;
  style: BlockStyle;
  x: number;
  /** Top of the line. */
  y: number;
  bullet: boolean;
}

interface Line {
  text: string;
  style: BlockStyle;
  bullet: boolean;
  /** Space above the line: the block's space above its first line, else none. */
  before: number;
  height: number;
}

function linesOf(group: Group, frame: Frame, measure: PrintMeasure): Line[] {
  return group.blocks.flatMap((block) => {
    const style = TEXT_STYLES[block.style];
    const { lines } = wrapText(block.text, frame.width - style.indent, Number.POSITIVE_INFINITY, (part) => measure(part, style.size, style.font));
    return lines.map((text, i) => ({
      text,
      style: block.style,
      bullet: block.bullet === true && i === 0,
      before: i === 0 ? style.spaceBefore : 0,
      height: lineHeight(style.size, style.leading),
    }));
  });
}

const heightOf = (lines: readonly Line[], atTop: boolean) => lines.reduce((sum, line, i) => sum + line.height + (i === 0 && atTop ? 0 : line.before), 0);

export function flowGroups(groups: readonly Group[], frame: Frame, measure: PrintMeasure): PlacedLine[][] {
  const pageHeight = frame.bottom - frame.top;
  const pages: PlacedLine[][] = [[]];
  let y = frame.top;
  const atTop = () => pages[pages.length - 1]!.length === 0;
  const newPage = () => {
    if (atTop()) return;
    pages.push([]);
    y = frame.top;
  };
  const grouped = groups.map((group) => linesOf(group, frame, measure));
  grouped.forEach((lines, index) => {
    if (lines.length === 0) return;
    // What must fit on this page: the whole group when it can fit on a page, and for a heading
    // the first lines of what follows too.
    const next = groups[index]?.keepWithNext ? (grouped[index + 1] ?? []) : [];
    const nextNeed = next.length === 0 ? 0 : heightOf(heightOf(next, false) <= pageHeight / 2 ? next : next.slice(0, 2), false);
    const whole = heightOf(lines, atTop()) + nextNeed;
    if (y + whole > frame.bottom && whole <= pageHeight) newPage();
    for (const line of lines) {
      const before = atTop() ? 0 : line.before;
      if (y + before + line.height > frame.bottom) newPage();
      y += atTop() ? 0 : line.before;
      const style = TEXT_STYLES[line.style];
      pages[pages.length - 1]!.push({ text: line.text, style: line.style, x: frame.left + style.indent, y, bullet: line.bullet });
      y += line.height;
    }
  });
  return pages;
}
