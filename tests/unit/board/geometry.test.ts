import { describe, expect, it } from 'vitest';
import { arrowPath, bendsFor, distanceToCurve, endAngle, exitPoint, placeLabels, pointOnCurve, routeArrow } from '../../../src/board/geometry';
import { fitView, keepInSight, screenToWorld, worldToScreen, zoomAt } from '../../../src/board/camera';
import { wrapText } from '../../../src/board/wrap';
import { cardRect, overlaps } from '../../../src/core/layout';

const a = cardRect({ x: 200, y: 200 });
const b = cardRect({ x: 800, y: 200 });

describe('arrows', () => {
  it('start and end just outside the two cards', () => {
    const path = arrowPath(a, b, 0.14);
    expect(path.start.x).toBeGreaterThan(a.x + a.width);
    expect(path.end.x).toBeLessThan(b.x);
    expect(Math.abs(path.start.x - (a.x + a.width))).toBeLessThan(20);
    expect(Math.abs(b.x - path.end.x)).toBeLessThan(20);
  });

  it('curve to opposite sides for A→B and B→A, so the two never lie on each other', () => {
    const there = arrowPath(a, b, 0.14);
    const back = arrowPath(b, a, 0.14);
    expect(Math.sign(there.control.y - 200)).toBe(-Math.sign(back.control.y - 200));
    expect(bendsFor(3)).toEqual([0.14, 0.34, 0.54].map((n) => expect.closeTo(n, 5)));
  });

  it('point their head along the direction of travel', () => {
    const path = arrowPath(a, b, 0);
    expect(endAngle(path)).toBeCloseTo(0, 5);
    expect(pointOnCurve(path, 0)).toEqual(path.start);
    expect(pointOnCurve(path, 1)).toEqual(path.end);
  });

  it('exit a card on the side facing the target', () => {
    const below = exitPoint(a, { x: 200, y: 900 }, 0);
    expect(below).toEqual({ x: 200, y: a.y + a.height });
  });

  it('measure how far a point is from a curve', () => {
    const path = arrowPath(a, b, 0);
    expect(distanceToCurve(path, { x: 500, y: 200 })).toBeCloseTo(0, 5);
    expect(distanceToCurve(path, { x: 500, y: 230 })).toBeCloseTo(30, 3);
  });
});

describe('labels', () => {
  it('move along their curve to avoid one another', () => {
    const path = arrowPath(a, b, 0);
    const request = (id: string) => ({ id, path, width: 90, height: 26 });
    const placed = placeLabels([request('one'), request('two'), request('three')], [a, b]);
    const rects = [...placed.values()];
    expect(rects).toHaveLength(3);
    for (const [i, r] of rects.entries()) {
      for (const other of rects.slice(i + 1)) expect(overlaps(r, other)).toBe(false);
      expect(overlaps(r, a) || overlaps(r, b)).toBe(false);
    }
  });

  it('keep the middle of the curve when it is free', () => {
    const path = arrowPath(a, b, 0);
    const placed = placeLabels([{ id: 'x', path, width: 80, height: 24 }], [a, b]);
    expect(placed.get('x')).toEqual({ x: 460, y: 188, width: 80, height: 24 });
  });
});

describe('camera', () => {
  it('converts between world and screen both ways', () => {
    const view = { x: 100, y: 50, zoom: 0.5 };
    const screen = worldToScreen(view, { x: 300, y: 250 });
    expect(screen).toEqual({ x: 100, y: 100 });
    expect(screenToWorld(view, screen)).toEqual({ x: 300, y: 250 });
  });

  it('zooms around the pointer', () => {
    const view = { x: 0, y: 0, zoom: 1 };
    const anchor = { x: 400, y: 300 };
    const before = screenToWorld(view, anchor);
    const after = zoomAt(view, anchor, 2);
    expect(after.zoom).toBe(2);
    expect(screenToWorld(after, anchor)).toEqual(before);
    expect(zoomAt(view, anchor, 100).zoom).toBe(2.5);
  });

  it('fits a small world whole and keeps a large one readable', () => {
    const small = fitView({ x: 0, y: 0, width: 800, height: 400 }, 1200, 600);
    expect(small.zoom).toBe(1);
    const large = fitView({ x: 0, y: 0, width: 4000, height: 3000 }, 1200, 600);
    expect(large.zoom).toBe(0.6);
  });

  it('never lets the fresco leave the screen entirely', () => {
    const world = { x: 0, y: 0, width: 1000, height: 800 };
    const lost = keepInSight({ x: 5000, y: -5000, zoom: 1 }, world, 1200, 600);
    const visible = { x: lost.x, y: lost.y, width: 1200, height: 600 };
    expect(overlaps(visible, world)).toBe(true);
  });
});

describe('wrapText', () => {
  const measure = (text: string) => text.length * 10;

  it('fills lines up to the width', () => {
    expect(wrapText('Président de la République', 120, 3, measure)).toEqual({ lines: ['Président de', 'la', 'République'], truncated: false });
  });

  it('cuts with an ellipsis when lines run out', () => {
    const wrapped = wrapText('un deux trois quatre cinq six sept', 100, 2, measure);
    expect(wrapped.truncated).toBe(true);
    expect(wrapped.lines).toHaveLength(2);
    expect(wrapped.lines[1]?.endsWith('…')).toBe(true);
    expect(measure(wrapped.lines[1]!)).toBeLessThanOrEqual(100);
  });

  it('breaks a word longer than a line', () => {
    expect(wrapText('anticonstitutionnellement', 100, 4, measure).lines).toEqual(['anticonsti', 'tutionnell', 'ement']);
  });
});

describe('routing', () => {
  it('bends an arrow around a card standing between its two ends', () => {
    const top = cardRect({ x: 300, y: 100 });
    const middle = cardRect({ x: 300, y: 330 });
    const bottom = cardRect({ x: 300, y: 560 });
    const path = routeArrow(top, bottom, [middle], 0.14);
    for (let i = 1; i < 20; i++) {
      const p = pointOnCurve(path, i / 20);
      const under = p.x > middle.x && p.x < middle.x + middle.width && p.y > middle.y && p.y < middle.y + middle.height;
      expect(under).toBe(false);
    }
  });

  it('keeps the natural curve when nothing is in the way', () => {
    expect(routeArrow(a, b, [cardRect({ x: 500, y: 900 })], 0.14)).toEqual(arrowPath(a, b, 0.14));
  });
});
