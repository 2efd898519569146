// An arrow that is true in the deck but not asked by the level: drawn with the mouse in a level
// opened from a file, checked, shown as "true, not asked here" with the deck's explanation and
// source, and not counted wrong. The level is made from the shipped truth graph at run time, so
// the test holds whatever the graph contains.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { check, dragCard, drawLink, plain, plannedPositions, snapshot, waitForBoard } from './helpers';

interface GraphLink {
  from: string;
  to: string;
  relation: string | string[];
  explanation?: { fr: string; en?: string };
  source: string;
}

const graph = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../levels/decks/institutions-fr.graph.json'), 'utf8')) as { deck: string; links: GraphLink[] };
const first = (relation: string | string[]) => (Array.isArray(relation) ? relation[0]! : relation);
// Asked: the graph's first link. Not asked: another true link, with an explanation if one has one.
const asked = graph.links[0]!;
const others = graph.links.filter((link) => !(link.from === asked.from && link.to === asked.to));
const notAsked = others.find((link) => link.explanation) ?? others[0]!;
const askedRelation = first(asked.relation);
const notAskedRelation = first(notAsked.relation);

const LEVEL = {
  formatVersion: 1,
  id: 'vrai-pas-demande',
  title: { fr: 'Vrai, mais pas demandé', en: 'True, not asked' },
  deck: graph.deck,
  cards: [...new Set([asked.from, asked.to, notAsked.from, notAsked.to])],
  relations: [...new Set([askedRelation, notAskedRelation])],
  solution: { links: [{ from: asked.from, to: asked.to, relation: askedRelation }] },
};

async function importLevel(page: Page): Promise<void> {
  await page.goto('/?lang=fr&fresh=1');
  const chooser = page.waitForEvent('filechooser');
  await page.click('[data-action="import-level"]');
  await (await chooser).setFiles({ name: 'vrai-pas-demande.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(LEVEL)) });
  await waitForBoard(page);
}

test('an arrow true in the deck but not asked by the level is shown as such and not counted wrong', async ({ page }) => {
  await importLevel(page);
  expect((await snapshot(page)).levelId).toBe(LEVEL.id);
  const positions = plannedPositions(await snapshot(page), {});
  for (const card of (await snapshot(page)).cards) await dragCard(page, card.id, positions.get(card.id)!);
  await drawLink(page, notAsked.from, notAsked.to, notAskedRelation);

  // Alone: not wrong, not in the score; the one asked arrow is missing.
  let snap = await check(page);
  expect(snap.score).toEqual({ correct: 0, wrong: 0, missing: 1, total: 1, percent: 0, notAsked: 1 });
  expect(snap.links.map((link) => link.verdict)).toEqual(['not-asked']);
  const panel = page.locator('[data-panel="results"]');
  await expect(panel.locator('h3', { hasText: 'Vrai, mais pas demandé ici' })).toBeVisible();
  const item = panel.locator('[data-not-asked] .result-item[data-verdict="not-asked"]');
  await expect(item).toHaveCount(1);
  await expect(item.locator('.result-source')).toHaveText(notAsked.source);
  if (notAsked.explanation) expect(plain(await item.locator('.result-explanation').innerText())).toBe(plain(notAsked.explanation.fr));
  await expect(panel.locator('.result-item.is-wrong')).toHaveCount(0);

  // With the asked arrow too: complete, at 100 %.
  await drawLink(page, asked.from, asked.to, askedRelation);
  snap = await check(page);
  expect(snap.score).toEqual({ correct: 1, wrong: 0, missing: 0, total: 1, percent: 100, notAsked: 1 });
  expect(snap.phase).toBe('complete');
  await expect(page.locator('[data-completion]')).toBeVisible();
  await expect(page.locator('[data-completion] [data-not-asked]')).toHaveText('◇ 1 flèche en plus est vraie, mais pas demandée ici : sélectionnez-la pour lire pourquoi.');
});

test('the selected arrow says "true, not asked here" in words, in English too', async ({ page }) => {
  await importLevel(page);
  await page.click('[data-action="lang-en"]');
  const positions = plannedPositions(await snapshot(page), {});
  for (const card of (await snapshot(page)).cards) await dragCard(page, card.id, positions.get(card.id)!);
  await drawLink(page, notAsked.from, notAsked.to, notAskedRelation);
  await check(page);
  await page.click('[data-action="close-panel"]');
  const label = (await snapshot(page)).links[0]!.label!;
  await page.mouse.click(label.x, label.y);
  const verdict = page.locator('[data-link-bar] .link-verdict');
  await expect(verdict).toBeVisible();
  await expect(verdict).toHaveClass(/is-not-asked/);
  await expect(verdict).toContainText('◇ True, but not asked here:');
  await expect(verdict).toContainText(`(${notAsked.source})`);
});

test('in a workshop, the facilitator, the projector and the report say which arrows are true but not asked', async ({ context, page }) => {
  test.setTimeout(150_000);
  await importLevel(page);
  await page.goto(`/?mode=facilitator&level=${LEVEL.id}&lang=fr`);
  await page.fill('#pin', '2468');
  await page.fill('#pin-confirm', '2468');
  await page.click('[data-action="set-pin"]');
  await expect(page.locator(`input[data-level-id="${LEVEL.id}"]`)).toBeChecked();
  await page.click('[data-action="start-workshop"]');
  await waitForBoard(page);
  const [projector] = await Promise.all([context.waitForEvent('page'), page.click('[data-action="open-projector"]')]);
  await waitForBoard(projector);

  const positions = plannedPositions(await snapshot(projector), {});
  for (const card of (await snapshot(projector)).cards) await dragCard(projector, card.id, positions.get(card.id)!);
  await drawLink(projector, notAsked.from, notAsked.to, notAskedRelation);
  await expect.poll(async () => (await snapshot(page)).links.length).toBe(1);

  // The facilitator sees it at once, with the deck's source; the group only once the correction is shown.
  const listed = page.locator('[data-facilitator-panel] [data-not-asked] li');
  await expect(listed).toHaveCount(1);
  await expect(listed).toContainText(`◇ `);
  await expect(listed).toContainText(`(${notAsked.source})`);
  await expect(projector.locator('[data-caption="not-asked"]')).toHaveCount(0);
  await page.click('[data-action="reveal-all"]');
  const caption = projector.locator('[data-caption="not-asked"]');
  await expect(caption).toBeVisible();
  await expect(caption.locator('.caption-title')).toContainText('Vrai, mais pas demandé ici');
  await expect(caption.locator('.caption-source')).toHaveText(notAsked.source);

  await page.click('[data-facilitator-panel] [data-action="check"]');
  await expect(page.locator('[data-score-line]')).toContainText('◇ 1 flèche vraie, mais pas demandée ici');
  expect((await snapshot(page)).score).toMatchObject({ wrong: 0, notAsked: 1 });

  const [report] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="export-report"]')]);
  const markdown = plain(readFileSync((await report.path())!, 'utf8'));
  expect(markdown).toContain('## Flèches vraies que le niveau ne demandait pas');
  expect(markdown).toContain(`(${plain(notAsked.source)})`);
  const [data] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="export-data"]')]);
  const json = JSON.parse(readFileSync((await data.path())!, 'utf8'));
  expect(json.links.map((link: { verdict: string }) => link.verdict)).toEqual(['not-asked']);
  expect(json.notAsked).toEqual([expect.objectContaining({ source: notAsked.source })]);
  expect(json.misconceptions).toEqual([]);
  expect(json.score).toMatchObject({ wrong: 0, correct: 0, total: 1 });
});

test('a level from a file that contradicts its deck still plays, by its own answers, and says so', async ({ page }) => {
  const contradicting = {
    ...LEVEL,
    id: 'contredit-le-paquet',
    misconceptions: [{ from: notAsked.from, to: notAsked.to, relation: notAskedRelation, explanation: { fr: 'Selon ce niveau, cette flèche est fausse.' } }],
  };
  await page.goto('/?lang=fr&fresh=1');
  const chooser = page.waitForEvent('filechooser');
  await page.click('[data-action="import-level"]');
  await (await chooser).setFiles({ name: 'contredit.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(contradicting)) });
  await waitForBoard(page);
  expect((await snapshot(page)).levelId).toBe(contradicting.id);
  await expect(page.locator('[data-notice]', { hasText: 'dit autrement que le graphe de vérité de son paquet à 1 endroit' })).toBeVisible();

  const positions = plannedPositions(await snapshot(page), {});
  for (const card of (await snapshot(page)).cards) await dragCard(page, card.id, positions.get(card.id)!);
  await drawLink(page, notAsked.from, notAsked.to, notAskedRelation);
  const snap = await check(page);
  expect(snap.links.map((link) => link.verdict)).toEqual(['wrong']);
  expect(snap.score).toMatchObject({ wrong: 1, notAsked: 0 });
  await expect(page.locator('[data-panel="results"] .result-item.is-wrong .result-explanation')).toHaveText('Selon ce niveau, cette flèche est fausse.');
});
