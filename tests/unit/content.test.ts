// The shipped content as a teacher needs it: every level solvable and complete, every text in
// French and English, every card's front readable on the board (measured with the board's font
// and line breaking, not guessed).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { beforeAll, describe, expect, it } from 'vitest';
import { layoutCardText, type MeasureFor } from '../../src/board/cardText';
import { fontFamily } from '../../src/board/palette';
import { wrapText } from '../../src/board/wrap';
import { judgeLink } from '../../src/core/check';
import { linkSignature } from '../../src/core/fresco';
import type { Level } from '../../src/core/level';
import type { CardDef } from '../../src/core/schema';
import { LANGS } from '../../src/core/text';
import { loadContent } from '../../scripts/content';

const ROOT = resolve(import.meta.dirname, '../..');
const content = loadContent(resolve(ROOT, 'levels'));
const levels = content.levels.map((checked) => checked.level).filter((level): level is Level => level !== null);

const FONT_FILES = resolve(ROOT, 'node_modules/@fontsource/atkinson-hyperlegible/files');
let measureFor: MeasureFor;

beforeAll(() => {
  for (const file of ['latin-400-normal', 'latin-700-normal', 'latin-400-italic', 'latin-ext-400-normal', 'latin-ext-700-normal']) {
    GlobalFonts.registerFromPath(resolve(FONT_FILES, `atkinson-hyperlegible-${file}.woff2`), 'Atkinson Hyperlegible');
  }
  const context = createCanvas(10, 10).getContext('2d');
  measureFor = (size, weight = 'normal', style = 'normal') => (text) => {
    context.font = `${style} ${weight} ${size}px ${fontFamily()}`;
    return context.measureText(text).width;
  };
});

/** Every localized text object in a JSON value, with its path. */
function texts(value: unknown, path = ''): { path: string; text: Record<string, unknown> }[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => texts(item, `${path}[${i}]`));
  if (value === null || typeof value !== 'object') return [];
  const record = value as Record<string, unknown>;
  if (typeof record.fr === 'string') return [{ path, text: record }];
  return Object.entries(record).flatMap(([key, item]) => texts(item, path ? `${path}.${key}` : key));
}

describe('shipped content', () => {
  it('is all valid', () => {
    expect(content.files.flatMap((file) => file.issues.map((issue) => `${file.file}: ${issue.path} ${issue.code}`))).toEqual([]);
  });

  it('has at least nine levels, a 50-minute classroom version and a junior version', () => {
    expect(levels.length).toBeGreaterThanOrEqual(11);
    expect(levels.some((level) => level.durationMinutes === 50)).toBe(true);
    expect(levels.some((level) => /junior/i.test(level.id))).toBe(true);
    const full = levels.find((level) => level.id === 'grande-fresque');
    expect(full?.cards.length).toBeGreaterThanOrEqual(40);
    expect(full?.batches).toHaveLength(5);
  });

  it('writes every text in French and in English', () => {
    const missing: string[] = [];
    for (const file of content.files) {
      const raw = JSON.parse(readFileSync(file.path, 'utf8')) as unknown;
      for (const { path, text } of texts(raw)) {
        if (typeof text.en !== 'string' || text.en.trim() === '') missing.push(`${file.file}: ${path}`);
      }
    }
    expect(missing).toEqual([]);
  });

  describe.each(levels.map((level) => [level.id, level] as const))('level %s', (_id, level) => {
    it('deals every card of its solution and links every card', () => {
      const dealt = new Set(level.batches.flatMap((batch) => batch.cards));
      const linked = new Set(level.links.flatMap((link) => [link.from, link.to]));
      for (const link of level.links) {
        expect(dealt.has(link.from) && dealt.has(link.to), `${link.from} → ${link.to}`).toBe(true);
      }
      expect(level.cards.filter((card) => !linked.has(card.id)).map((card) => card.id)).toEqual([]);
    });

    it('never lists a misconception that is also a solution link', () => {
      const solution = new Set(level.links.flatMap((link) => link.relations.map((relation) => linkSignature({ ...link, relation }))));
      for (const wrong of level.misconceptions) {
        for (const relation of wrong.relations) expect(solution.has(linkSignature({ ...wrong, relation }))).toBe(false);
      }
    });

    it('never scores wrong an arrow that is true in its deck’s truth graph', () => {
      const cards = new Set(level.cards.map((card) => card.id));
      const relations = new Set(level.relations.map((relation) => relation.id));
      const called: string[] = [];
      for (const graph of content.library.graphs ?? []) {
        for (const link of graph.links) {
          if (!cards.has(link.from) || !cards.has(link.to)) continue;
          for (const relation of Array.isArray(link.relation) ? link.relation : [link.relation]) {
            if (!relations.has(relation)) continue;
            const verdict = judgeLink(level, { from: link.from, to: link.to, relation });
            if (verdict.status === 'wrong') called.push(`${link.from} — ${relation} — ${link.to}: ${verdict.reason}`);
          }
        }
      }
      expect(called).toEqual([]);
    });

    it('explains and sources every link, and has misconceptions, hints and a debrief', () => {
      expect(level.links.filter((link) => !link.explanation || !link.source).map((link) => `${link.from}>${link.to}`)).toEqual([]);
      expect(level.misconceptions.length).toBeGreaterThanOrEqual(3);
      expect(level.hints.length).toBeGreaterThanOrEqual(1);
      expect(level.debrief.length).toBeGreaterThanOrEqual(1);
      expect(level.description).not.toBeNull();
      expect(level.durationMinutes).not.toBeNull();
      expect(level.difficulty).not.toBeNull();
    });
  });

  it('sources every institution and mechanism card', () => {
    const cards = new Map<string, CardDef>();
    for (const level of levels) for (const card of level.cards) cards.set(card.id, card);
    for (const deck of content.library.decks) for (const card of deck.cards) cards.set(card.id, card);
    const unsourced = [...cards.values()].filter((card) => (card.kind === 'institution' || card.kind === 'mechanism') && !card.source);
    expect(unsourced.map((card) => card.id)).toEqual([]);
  });

  it('fits every card front (title and summary) on the board, in both languages', () => {
    const cards = new Map<string, CardDef>();
    for (const deck of content.library.decks) for (const card of deck.cards) cards.set(card.id, card);
    for (const level of levels) for (const card of level.cards) cards.set(card.id, card);
    const cut: string[] = [];
    for (const card of cards.values()) {
      for (const lang of LANGS) {
        const lines = layoutCardText(card, lang, measureFor);
        if (lines.truncated) cut.push(`${card.id} (${lang}): ${[...lines.title, '/', ...lines.summary].join(' | ')}`);
      }
    }
    expect(cut).toEqual([]);
  });

  it('fits every card text variant (title and summary) on the board, in both languages', () => {
    const cut: string[] = [];
    for (const deck of content.library.decks) {
      for (const card of deck.cards) {
        for (const [variant, texts] of Object.entries(card.variants ?? {})) {
          for (const lang of LANGS) {
            const lines = layoutCardText({ ...card, ...texts }, lang, measureFor);
            if (lines.truncated) cut.push(`${card.id} [${variant}] (${lang}): ${[...lines.title, '/', ...lines.summary].join(' | ')}`);
          }
        }
      }
    }
    expect(cut).toEqual([]);
  });

  it('measures text as the board does: a long title is cut, a short one is not', () => {
    const measure = measureFor(17, 'bold');
    expect(wrapText('Conseil constitutionnel', 154, 2, measure).truncated).toBe(false);
    expect(wrapText('Commission nationale de l’informatique et des libertés', 154, 2, measure).truncated).toBe(true);
  });
});
