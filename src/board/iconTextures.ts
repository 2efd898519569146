// Card icons as Phaser textures, drawn from lucide's icon data on a canvas: sharp at any zoom,
// no image files to load, and only the icons a level uses are drawn.
import type { IconNode } from 'lucide';

function numberAttr(attrs: Record<string, unknown>, name: string, fallback = 0): number {
  const value = Number(attrs[name]);
  return Number.isFinite(value) ? value : fallback;
}

function pointsOf(attrs: Record<string, unknown>): number[] {
  return String(attrs.points ?? '')
    .trim()
    .split(/[\s,]+/u)
    .map(Number)
    .filter(Number.isFinite);
}

/** Draws a 24×24 lucide icon onto a context already scaled to its size. */
export function drawIconNode(ctx: CanvasRenderingContext2D, node: IconNode): void {
  for (const [tag, attrs] of node) {
    ctx.beginPath();
    switch (tag) {
      case 'path':
        ctx.stroke(new Path2D(String(attrs.d ?? '')));
        continue;
      case 'circle':
        ctx.arc(numberAttr(attrs, 'cx'), numberAttr(attrs, 'cy'), numberAttr(attrs, 'r'), 0, Math.PI * 2);
        break;
      case 'ellipse':
        ctx.ellipse(numberAttr(attrs, 'cx'), numberAttr(attrs, 'cy'), numberAttr(attrs, 'rx'), numberAttr(attrs, 'ry'), 0, 0, Math.PI * 2);
        break;
      case 'rect':
        ctx.roundRect(numberAttr(attrs, 'x'), numberAttr(attrs, 'y'), numberAttr(attrs, 'width'), numberAttr(attrs, 'height'), numberAttr(attrs, 'rx'));
        break;
      case 'line':
        ctx.moveTo(numberAttr(attrs, 'x1'), numberAttr(attrs, 'y1'));
        ctx.lineTo(numberAttr(attrs, 'x2'), numberAttr(attrs, 'y2'));
        break;
      case 'polyline':
      case 'polygon': {
        const p = pointsOf(attrs);
        for (let i = 0; i + 1 < p.length; i += 2) {
          if (i === 0) ctx.moveTo(p[i] ?? 0, p[i + 1] ?? 0);
          else ctx.lineTo(p[i] ?? 0, p[i + 1] ?? 0);
        }
        if (tag === 'polygon') ctx.closePath();
        break;
      }
      default:
        continue;
    }
    ctx.stroke();
  }
}

/** A square canvas with the icon drawn in `color`, `size` pixels wide. */
export function iconCanvas(node: IconNode, size: number, color: string): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = size;
  canvas.height = size;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) return canvas;
  strokeIcon(ctx, node, 0, 0, size, color);
  return canvas;
}

/** Strokes a lucide icon `size` pixels wide at (x, y), with lucide's own line style. */
export function strokeIcon(ctx: CanvasRenderingContext2D, node: IconNode, x: number, y: number, size: number, color: string): void {
  ctx.save();
  ctx.translate(x, y);
  ctx.scale(size / 24, size / 24);
  ctx.strokeStyle = color;
  ctx.lineWidth = 2;
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  drawIconNode(ctx, node);
  ctx.restore();
}
