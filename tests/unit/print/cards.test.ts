// The printed cards of the shipped content: every text fits its card (measured with the print
// font through jsPDF, as in the PDF), and every character has a glyph in the print font.
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Level } from '../../../src/core/level';
import { displayText, frenchTypography, LANGS } from '../../../src/core/text';
import { en } from '../../../src/i18n/en';
import { fr } from '../../../src/i18n/fr';
import { layoutPrintedCard, PAD, QR, type PrintLabels, type PrintMeasure } from '../../../src/print/cardText';
import { CARD_SHEET } from '../../../src/print/layout';
import { printable } from '../../../src/print/text';
import { loadContent } from '../../../scripts/content';
import { printFont } from './printFont';

const content = loadContent(resolve(import.meta.dirname, '../../../levels'));
const levels = content.levels.map((checked) => checked.level).filter((level): level is Level => level !== null);
const cards = [...new Map(levels.flatMap((level) => level.cards).map((card) => [card.id, card])).values()];
const LABELS: Record<'fr' | 'en', PrintLabels> = {
  fr: { source: (source) => fr.print.source.replace('{{source}}', source), noExplanation: fr.card.noExplanation },
  en: { source: (source) => en.print.source.replace('{{source}}', source), noExplanation: en.card.noExplanation },
};

let font: ReturnType<typeof printFont>;
beforeAll(() => {
  font = printFont();
});

describe('printed cards of the shipped content', () => {
  it('has cards to print', () => {
    expect(cards.length).toBeGreaterThan(40);
  });

  it('fits every text of every card, in French and in English, at a readable size', () => {
    const cut: string[] = [];
    for (const lang of LANGS) {
      for (const card of cards) {
        const text = layoutPrintedCard(card, lang, CARD_SHEET.card, LABELS[lang], font.measure);
        if (text.truncated.length > 0) cut.push(`${card.id} (${lang}): ${text.truncated.join(', ')}`);
        expect(text.back.explanation.size).toBeGreaterThanOrEqual(6.5);
        expect(text.title.size).toBeGreaterThanOrEqual(11);
      }
    }
    expect(cut).toEqual([]);
  });

  it('keeps the texts inside the card and clear of the QR code', () => {
    const { width, height } = CARD_SHEET.card;
    for (const card of cards) {
      const text = layoutPrintedCard(card, 'fr', CARD_SHEET.card, LABELS.fr, font.measure);
      const bottom = (block: typeof text.title) => block.top + block.lines.length * block.lineHeight;
      for (const block of [text.title, text.summary, text.back.title, text.back.explanation, text.back.source]) {
        expect(block.left + block.width).toBeLessThanOrEqual(width - PAD + 1e-9);
        expect(bottom(block)).toBeLessThanOrEqual(height - PAD + 1e-9);
      }
      expect(text.summary.left + text.summary.width).toBeLessThan(width - PAD - QR);
      expect(bottom(text.back.explanation)).toBeLessThanOrEqual(text.back.source.top);
    }
  });

  it('cuts a text too long for a card with an ellipsis instead of running off it', () => {
    const long = { id: 'long', kind: 'principle' as const, title: { fr: 'Un titre '.repeat(20) }, explanation: { fr: 'Une explication bien trop longue. '.repeat(40) } };
    const text = layoutPrintedCard(long, 'fr', CARD_SHEET.card, LABELS.fr, font.measure);
    expect(text.truncated).toEqual(['title', 'back title', 'explanation']);
    expect(text.title.lines.at(-1)).toMatch(/…$/u);
    expect(text.back.explanation.size).toBe(6.5);
  });
});

describe('print font', () => {
  const measure: PrintMeasure = (...args) => font.measure(...args);

  it('has a glyph for every character the PDF prints from the shipped content and the interface', () => {
    const texts: string[] = [];
    for (const level of levels) {
      for (const lang of LANGS) {
        const shown = (value: { fr: string } | null | undefined) => (value ? texts.push(displayText(value, lang)) : 0);
        shown(level.title);
        shown(level.description);
        shown(level.audience);
        level.cards.forEach((card) => [card.title, card.summary, card.explanation].forEach(shown));
        level.relations.forEach((relation) => shown(relation.label));
        level.links.forEach((link) => shown(link.explanation));
        level.misconceptions.forEach((wrong) => shown(wrong.explanation));
        level.batches.forEach((batch) => [batch.title, batch.keyMessage].forEach(shown));
        [...level.goals, ...level.hints, ...level.debrief].forEach(shown);
      }
      texts.push(...level.cards.flatMap((card) => card.source ?? []), ...level.links.flatMap((link) => link.source ?? []));
    }
    const strings = (value: unknown): string[] => (typeof value === 'string' ? [value] : value && typeof value === 'object' ? Object.values(value).flatMap(strings) : []);
    texts.push(...strings(fr).map(frenchTypography), ...strings(en));
    const missing = new Set<string>();
    for (const text of texts) for (const char of printable(text)) if (char !== '\n' && !font.hasGlyph(char)) missing.add(`${char} U+${char.codePointAt(0)!.toString(16)}`);
    expect([...missing]).toEqual([]);
    expect(measure('é', 10, 'normal')).toBeGreaterThan(0);
  });

  it('would lose the narrow no-break space of French typography: it is printed as a no-break space', () => {
    expect(font.hasGlyph('\u202f')).toBe(false);
    expect(printable('Qui élit qui\u202f?')).toBe('Qui élit qui\u00a0?');
    expect(font.hasGlyph('\u00a0')).toBe(true);
  });
});
