// A school laptop whose graphics card the browser refuses has no WebGL: the fresco falls back to
// Phaser's Canvas renderer and plays the same.
import { chromium, expect, test } from '@playwright/test';
import { chromiumPath, CHROMIUM_ARGS } from './browser';
import { dragCard, drawLink, openLevel, plannedPositions, snapshot } from './helpers';

test('without WebGL, cards are placed and linked on the fresco all the same', async ({ baseURL }) => {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_ARGS, '--disable-webgl', '--disable-3d-apis'] });
  try {
    const page = await browser.newPage({ baseURL, viewport: { width: 1366, height: 768 } });
    expect(await page.evaluate(() => document.createElement('canvas').getContext('webgl') === null)).toBe(true);
    const start = await openLevel(page, 'qui-elit-qui', 'fr');
    const positions = plannedPositions(start, {});
    await dragCard(page, 'citoyens', positions.get('citoyens')!);
    await dragCard(page, 'president-republique', positions.get('president-republique')!);
    await drawLink(page, 'citoyens', 'president-republique', 'elit');
    const snap = await snapshot(page);
    expect(snap.errors).toEqual([]);
    expect(snap.cards.filter((card) => card.location === 'board').map((card) => card.id).sort()).toEqual(['citoyens', 'president-republique']);
    expect(snap.links.map(({ from, to, relation }) => ({ from, to, relation }))).toEqual([{ from: 'citoyens', to: 'president-republique', relation: 'elit' }]);
  } finally {
    await browser.close();
  }
});
