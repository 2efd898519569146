import { describe, expect, it } from 'vitest';
import { CARD_HEIGHT, CARD_WIDTH, cardRect, encloses, freeSpot, layoutFresco, overlaps, zoneAt } from '../../../src/core/layout';
import { testLevel } from '../fixtures';

describe('fresco layout', () => {
  it('lays zones out without overlap, inside the world, each room for its expected cards', () => {
    const level = testLevel();
    const layout = layoutFresco(level);
    expect(layout.zones.map((zone) => zone.id)).toEqual(['peuple', 'executif', 'parlement']);
    for (const [i, a] of layout.zones.entries()) {
      expect(a.rect.x + a.rect.width).toBeLessThanOrEqual(layout.world.width);
      expect(a.rect.y + a.rect.height).toBeLessThanOrEqual(layout.world.height);
      expect(a.rect.width).toBeGreaterThanOrEqual(CARD_WIDTH);
      expect(a.rect.height).toBeGreaterThanOrEqual(CARD_HEIGHT * 2);
      for (const b of layout.zones.slice(i + 1)) expect(overlaps(a.rect, b.rect)).toBe(false);
    }
    const first = layout.zones[0]!.rect;
    expect(zoneAt(layout, { x: first.x + 10, y: first.y + 10 })).toBe('peuple');
    expect(zoneAt(layout, { x: -50, y: -50 })).toBeNull();
  });

  it('sizes a world without zones from the number of cards', () => {
    const level = { ...testLevel(), zones: [], placements: {} };
    const small = layoutFresco(level);
    const large = layoutFresco({ ...level, cards: Array.from({ length: 60 }, (_, i) => ({ ...level.cards[0]!, id: `c${i}` })) });
    expect(large.world.width * large.world.height).toBeGreaterThan(small.world.width * small.world.height * 4);
  });

  it('moves a dropped card off the cards it would cover, as little as possible', () => {
    const others = [{ x: 500, y: 500 }];
    expect(freeSpot({ x: 1000, y: 1000 }, others)).toEqual({ x: 1000, y: 1000 });
    const spot = freeSpot({ x: 520, y: 510 }, others);
    expect(overlaps(cardRect(spot), cardRect(others[0]!))).toBe(false);
    expect(Math.hypot(spot.x - 520, spot.y - 510)).toBeLessThan(CARD_HEIGHT * 2);
  });

  it('tells a rect wholly inside another from one that crosses its edge', () => {
    const outer = { x: 0, y: 0, width: 100, height: 50 };
    expect(encloses(outer, { x: 10, y: 10, width: 20, height: 20 })).toBe(true);
    expect(encloses(outer, outer)).toBe(true);
    expect(encloses(outer, { x: 90, y: 10, width: 20, height: 20 })).toBe(false);
    expect(encloses(outer, { x: 10, y: -1, width: 20, height: 20 })).toBe(false);
    expect(encloses({ x: 10, y: 10, width: 20, height: 20 }, outer)).toBe(false);
  });
});
