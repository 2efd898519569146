// Running text over pages (correction poster, facilitator sheet): nothing past the bottom
// margin, a link kept with its explanation, no heading alone at the bottom of a page.
import { describe, expect, it } from 'vitest';
import { lineHeight, type PrintMeasure } from '../../../src/print/cardText';
import { flowGroups, TEXT_STYLES, type Frame, type Group } from '../../../src/print/flow';

/** Every character 0.2 em wide: 10 pt text is about 0.7 mm a character. */
const measure: PrintMeasure = (text, size) => text.length * size * 0.2 * (25.4 / 72);
const FRAME: Frame = { left: 15, top: 15, width: 180, bottom: 280 };
const words = (count: number, word = 'mot') => Array.from({ length: count }, () => word).join(' ');

const link = (i: number): Group => ({
  blocks: [
    { text: `Lien ${i} — élit — carte`, style: 'item', bullet: true },
    { text: words(60, 'explication'), style: 'detail' },
    { text: 'Source : Constitution, art. 6', style: 'source' },
  ],
});
const heading = (text: string): Group => ({ blocks: [{ text, style: 'heading' }], keepWithNext: true });

describe('flowing text over pages', () => {
  const groups: Group[] = [
    { blocks: [{ text: 'Correction', style: 'title' }, { text: words(30), style: 'subtitle' }] },
    ...Array.from({ length: 6 }, (_, batch) => [heading(`Lot ${batch + 1}`), ...Array.from({ length: 5 }, (_, i) => link(batch * 10 + i))]).flat(),
  ];
  const pages = flowGroups(groups, FRAME, measure);
  const all = pages.flat();

  it('spreads long text over several pages, each line inside the frame', () => {
    expect(pages.length).toBeGreaterThan(2);
    for (const page of pages) {
      expect(page.length).toBeGreaterThan(0);
      for (const line of page) {
        const style = TEXT_STYLES[line.style];
        expect(line.y).toBeGreaterThanOrEqual(FRAME.top);
        expect(line.y + lineHeight(style.size, style.leading)).toBeLessThanOrEqual(FRAME.bottom + 1e-9);
        expect(line.x).toBe(FRAME.left + style.indent);
        expect(measure(line.text, style.size, style.font)).toBeLessThanOrEqual(FRAME.width - style.indent);
      }
      // Lines go down the page.
      page.slice(1).forEach((line, i) => expect(line.y).toBeGreaterThan(page[i]!.y));
    }
  });

  it('keeps every word, in order', () => {
    expect(all.filter((line) => line.style === 'heading').map((line) => line.text)).toEqual(['Lot 1', 'Lot 2', 'Lot 3', 'Lot 4', 'Lot 5', 'Lot 6']);
    expect(all.filter((line) => line.style === 'detail').map((line) => line.text).join(' ').split(' ')).toHaveLength(30 * 60);
  });

  it('keeps a link with its explanation and source on one page', () => {
    for (const page of pages) {
      const styles = page.map((line) => line.style);
      // A page starts with a title, a heading or a link's sentence, never in the middle of a link.
      expect(['title', 'heading', 'item']).toContain(styles[0]);
      // And ends with a link's source or the title's subtitle.
      expect(['source', 'subtitle']).toContain(styles.at(-1));
    }
  });

  it('puts a bullet on the first line of each link only', () => {
    expect(all.filter((line) => line.bullet)).toHaveLength(30);
    expect(all.filter((line) => line.bullet).every((line) => line.style === 'item')).toBe(true);
  });

  it('splits a group longer than a page rather than losing it', () => {
    const huge: Group[] = [heading('Long'), { blocks: [{ text: words(8000), style: 'paragraph' }] }];
    const result = flowGroups(huge, FRAME, measure);
    expect(result.length).toBeGreaterThan(1);
    expect(result[0]![0]!.style).toBe('heading');
    expect(result[0]![1]!.style).toBe('paragraph');
    expect(result.flat().filter((line) => line.style === 'paragraph').map((line) => line.text).join(' ').split(' ')).toHaveLength(8000);
  });

  it('gives no page for no text', () => {
    expect(flowGroups([], FRAME, measure)).toEqual([[]]);
  });
});
