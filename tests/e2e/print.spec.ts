// Printing a level on paper: the PDF downloaded from the board and from the level list (shipped
// and imported levels), and the address a printed card's QR code opens.
import { readFileSync } from 'node:fs';
import { expect, test, type Download, type Page } from '@playwright/test';
import { cardsPerPage, sheetGrid } from '../../src/print/layout';
import { openLevel, plain, snapshot, waitForBoard } from './helpers';
import { deckCard, levelData } from './levelData';

interface PdfParts {
  pages: number;
  /** First page of each bookmarked part (1-based). */
  parts: Record<string, number>;
}

/**
 * What the test needs from a PDF, read from its plain objects (jsPDF compresses the page contents,
 * not the page tree or the bookmarks): the page count and where the bookmarked parts begin.
 */
function readPdf(bytes: Buffer): PdfParts {
  const text = bytes.toString('latin1');
  expect(text.startsWith('%PDF-')).toBe(true);
  expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
  const kids = /\/Type \/Pages\s*\/Kids \[([^\]]*)\]/u.exec(text)?.[1] ?? '';
  const pageRefs = [...kids.matchAll(/(\d+) 0 R/gu)].map((match) => match[1]);
  const parts: Record<string, number> = {};
  for (const match of text.matchAll(/\/Title \(([^)]*)\)[^]*?\/Dest \[(\d+) 0 R/gu)) parts[match[1]!] = pageRefs.indexOf(match[2]) + 1;
  return { pages: pageRefs.length, parts };
}

async function download(page: Page, button: string): Promise<{ file: Download; pdf: PdfParts }> {
  const downloading = page.waitForEvent('download', { timeout: 30_000 });
  await page.click(button);
  const file = await downloading;
  const path = await file.path();
  return { file, pdf: readPdf(readFileSync(path)) };
}

/** The pages of a level's PDF: a front and a back per sheet of cards, then the two documents. */
function expectPages(pdf: PdfParts, cardCount: number, names: { cards: string; correction: string; sheet: string }): void {
  const cardPages = 2 * Math.ceil(cardCount / cardsPerPage(sheetGrid()));
  expect(pdf.parts[names.cards]).toBe(1);
  expect(pdf.parts[names.correction]).toBe(cardPages + 1);
  const correctionPages = pdf.parts[names.sheet]! - pdf.parts[names.correction]!;
  const sheetPages = pdf.pages - pdf.parts[names.sheet]! + 1;
  expect(correctionPages).toBeGreaterThanOrEqual(1);
  expect(sheetPages).toBeGreaterThanOrEqual(1);
  expect(pdf.pages).toBe(cardPages + correctionPages + sheetPages);
}

const FR = { cards: 'Cartes', correction: 'Correction', sheet: 'Fiche animateur' };

test('the board prints the level: card fronts and backs, correction poster and facilitator sheet', async ({ page }) => {
  const requested: string[] = [];
  page.on('request', (request) => requested.push(request.url()));
  await openLevel(page, 'qui-elit-qui');
  // The PDF code is not part of what a player downloads.
  expect(requested.filter((url) => /printLevel|AtkinsonHyperlegible_/u.test(url))).toEqual([]);
  await expect(page.locator('[data-action="print-cards"]')).toHaveAttribute('aria-label', 'Imprimer les cartes (PDF)');

  const { file, pdf } = await download(page, '[data-action="print-cards"]');
  expect(file.suggestedFilename()).toMatch(/^qui-elit-qui-a-imprimer-\d{4}-\d{2}-\d{2}\.pdf$/u);
  const level = levelData('qui-elit-qui');
  expectPages(pdf, level.cards.length, FR);
  expect(pdf.pages).toBeGreaterThanOrEqual(2 * Math.ceil(level.cards.length / 8) + 2);
  expect(requested.some((url) => /printLevel/u.test(url))).toBe(true);
  expect((await snapshot(page)).errors).toEqual([]);
});

test('the level list prints a level without opening it, in the language chosen', async ({ page }) => {
  await page.goto('/?lang=en&fresh=1');
  const { file, pdf } = await download(page, '[data-action="print-cards"][data-level-id="grande-fresque"]');
  expect(file.suggestedFilename()).toMatch(/^the-great-fresco-of-democracy-to-print-/u);
  expectPages(pdf, levelData('grande-fresque').cards.length, { cards: 'Cards', correction: 'Correction', sheet: 'Facilitator sheet' });
  expect((await snapshot(page)).screen).toBe('menu');
});

test('an imported level prints from the list with its own cards', async ({ page }) => {
  const outside = {
    formatVersion: 1,
    id: 'conseil-des-jeunes',
    title: { fr: 'Le conseil municipal des jeunes' },
    deck: 'institutions-fr',
    cards: ['maire', { id: 'jeunes-du-quartier', kind: 'actor', title: { fr: 'Jeunes du quartier' }, summary: { fr: 'Collégiens ; « engagés » !' } }],
    relations: ['elit'],
    solution: { links: [{ from: 'jeunes-du-quartier', to: 'maire', relation: 'elit', optional: true }] },
  };
  await page.goto('/?lang=fr&fresh=1');
  const chooser = page.waitForEvent('filechooser');
  await page.click('[data-action="import-level"]');
  await (await chooser).setFiles({ name: 'conseil-des-jeunes.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(outside)) });
  await waitForBoard(page);
  await page.click('[data-action="back"]');
  const { pdf } = await download(page, '[data-action="print-cards"][data-level-id="conseil-des-jeunes"]');
  expectPages(pdf, 2, FR);
});

test("a printed card's address opens the level with that card's back in the reader", async ({ page }) => {
  await page.goto('/?level=qui-elit-qui&card=maire&fresh=1');
  const { lang } = await waitForBoard(page);
  const reader = page.locator('[data-panel="reader"]');
  await expect(reader).toBeVisible();
  const mayor = deckCard('maire');
  await expect(reader.locator('#panel-title')).toHaveText(mayor.title[lang] ?? mayor.title.fr);
  expect(plain((await reader.locator('.reader-source').textContent()) ?? '')).toContain(mayor.source!);
  // The card is not on the fresco yet, and the address no longer asks for it.
  expect((await snapshot(page)).cards.find((card) => card.id === 'maire')?.location).not.toBe('board');
  expect(new URL(page.url()).searchParams.get('card')).toBeNull();
  expect(new URL(page.url()).searchParams.get('level')).toBe('qui-elit-qui');
});

test('a card the level does not have is ignored without an error', async ({ page }) => {
  await page.goto('/?level=qui-elit-qui&card=no-such-card&fresh=1');
  const snap = await waitForBoard(page);
  expect(snap.levelId).toBe('qui-elit-qui');
  expect(snap.errors).toEqual([]);
  await expect(page.locator('[data-panel]')).toBeHidden();
});
