// One arrow on the fresco: a curve with a halo and an arrowhead, and its relation in a pill.
// Its state shows by colour and by a sign in the pill (✓, ✗, ◇), never by colour alone; a true
// arrow the level does not ask for is also dotted.
import Phaser from './phaser';
import type { Rect } from '../core/layout';
import { endAngle, pointOnCurve, type ArrowPath } from './geometry';
import { ARROW, fontFamily, highContrast, PAPER, TEXT_SIZES } from './palette';
import { measureFor } from './cardView';

export type ArrowStatus = 'neutral' | 'correct' | 'wrong' | 'not-asked' | 'pending' | 'hint' | 'revealed';

const SAMPLES = 20;
const HEAD_LENGTH = 15;
const HEAD_WIDTH = 11;
const LABEL_PAD_X = 9;
export const LABEL_HEIGHT = 26;

const SIGNS: Record<ArrowStatus, string> = { neutral: '', correct: '✓ ', wrong: '✗ ', 'not-asked': '◇ ', pending: '', hint: '', revealed: '✓ ' };

function colorOf(status: ArrowStatus): number {
  switch (status) {
    case 'correct':
      return ARROW.correct;
    case 'wrong':
      return ARROW.wrong;
    case 'hint':
      return ARROW.hint;
    case 'revealed':
      return ARROW.revealed;
    case 'not-asked':
      return ARROW.notAsked;
    default:
      return highContrast() ? 0x000000 : ARROW.neutral;
  }
}

export function labelText(status: ArrowStatus, relation: string): string {
  return SIGNS[status] + relation;
}

/** Label sizes by typeface and text: a fresco has a few dozen labels, measured at every sync. */
const labelSizes = new Map<string, { width: number; height: number }>();

/** The pill's size for a label, computed before it is placed so that labels can avoid each other. */
export function labelSize(text: string): { width: number; height: number } {
  // Measured again once typefaces still loading have arrived.
  const key = `${fontFamily()}|${typeof document !== 'undefined' ? document.fonts?.status : ''}|${text}`;
  let size = labelSizes.get(key);
  if (!size) {
    size = { width: Math.ceil(measureFor(TEXT_SIZES.label, 'bold')(text)) + LABEL_PAD_X * 2, height: LABEL_HEIGHT };
    labelSizes.set(key, size);
  }
  return size;
}

export interface ArrowLook {
  path: ArrowPath;
  status: ArrowStatus;
  selected: boolean;
  label: string | null;
  labelRect: Rect | null;
}

function dashed(g: Phaser.GameObjects.Graphics, points: Phaser.Math.Vector2[], dash = 10, gap = 7): void {
  let drawing = true;
  let left = dash;
  for (let i = 1; i < points.length; i++) {
    let a = points[i - 1]!;
    const b = points[i]!;
    let segment = Phaser.Math.Distance.Between(a.x, a.y, b.x, b.y);
    while (segment > 0) {
      const step = Math.min(left, segment);
      const t = step / segment;
      const next = new Phaser.Math.Vector2(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t);
      if (drawing) g.lineBetween(a.x, a.y, next.x, next.y);
      a = next;
      segment -= step;
      left -= step;
      if (left <= 0) {
        drawing = !drawing;
        left = drawing ? dash : gap;
      }
    }
  }
}

/** Colours of a label pill by the arrow's state: background, border, text. */
function pillColors(status: ArrowStatus, selected: boolean): { fill: string; border: string; text: string; width: number } {
  const border = selected ? ARROW.selected : colorOf(status);
  const hex = (color: number) => `#${color.toString(16).padStart(6, '0')}`;
  switch (status) {
    case 'correct':
      return { fill: '#e7f4ea', border: hex(border), text: '#14632b', width: selected ? 3 : 1.5 };
    case 'wrong':
      return { fill: '#fbe9e9', border: hex(border), text: '#a21f1f', width: selected ? 3 : 1.5 };
    case 'revealed':
      return { fill: '#e6f1f8', border: hex(border), text: '#004f7c', width: selected ? 3 : 1.5 };
    case 'not-asked':
      return { fill: '#f1eef9', border: hex(border), text: '#46367f', width: selected ? 3 : 1.5 };
    default:
      return { fill: '#ffffff', border: hex(border), text: highContrast() ? '#000000' : '#1b1b1b', width: selected ? 3 : highContrast() ? 2.5 : 1.5 };
  }
}

/**
 * Label pills are painted once per text and state and shared by every arrow that shows them
 * (many arrows read "élit"): one image each on the board, no text to lay out every frame.
 */
function pillTexture(scene: Phaser.Scene, text: string, status: ArrowStatus, selected: boolean, resolution: number): { key: string; width: number; height: number } {
  const { width, height } = labelSize(text);
  const key = `pill:${text}:${status}:${selected}:${fontFamily()}:${highContrast()}:${resolution}`;
  if (!scene.textures.exists(key)) {
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(width * resolution);
    canvas.height = Math.ceil(height * resolution);
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    if (ctx) {
      const colors = pillColors(status, selected);
      ctx.scale(resolution, resolution);
      ctx.fillStyle = colors.fill;
      ctx.strokeStyle = colors.border;
      ctx.lineWidth = colors.width;
      ctx.beginPath();
      ctx.roundRect(colors.width / 2, colors.width / 2, width - colors.width, height - colors.width, height / 2);
      ctx.fill();
      ctx.stroke();
      ctx.fillStyle = colors.text;
      ctx.font = `bold ${TEXT_SIZES.label}px ${fontFamily()}`;
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      ctx.fillText(text, width / 2, height / 2 + 1);
    }
    scene.textures.addCanvas(key, canvas);
  }
  return { key, width, height };
}

export class ArrowView {
  readonly line: Phaser.GameObjects.Graphics;
  readonly pill: Phaser.GameObjects.Image;
  private lastKey = '';

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly textResolution: number,
  ) {
    this.line = scene.add.graphics();
    this.pill = scene.add.image(0, 0, '__DEFAULT').setVisible(false);
  }

  /** Redraws only when something it shows has changed. */
  update(look: ArrowLook): void {
    const key = `${look.path.start.x},${look.path.start.y},${look.path.control.x},${look.path.control.y},${look.path.end.x},${look.path.end.y}|${look.status}|${look.selected}|${look.label}|${look.labelRect?.x},${look.labelRect?.y}|${highContrast()}`;
    if (key === this.lastKey) return;
    this.lastKey = key;
    const color = colorOf(look.status);
    const points = Array.from({ length: SAMPLES + 1 }, (_, i) => {
      const p = pointOnCurve(look.path, i / SAMPLES);
      return new Phaser.Math.Vector2(p.x, p.y);
    });
    // Stop the line at the base of the head so that the tip stays sharp.
    const angle = endAngle(look.path);
    const { end } = look.path;
    const base = { x: end.x - Math.cos(angle) * HEAD_LENGTH * 0.8, y: end.y - Math.sin(angle) * HEAD_LENGTH * 0.8 };
    points[points.length - 1] = new Phaser.Math.Vector2(base.x, base.y);

    const g = this.line;
    g.clear();
    const width = look.selected ? 5 : highContrast() ? 4 : 3;
    // A halo of paper under the line keeps it readable where it crosses a card.
    g.lineStyle(width + 6, look.selected ? ARROW.selected : PAPER, look.selected ? 0.35 : 0.85);
    g.strokePoints(points, false);
    g.lineStyle(width, color, 1);
    if (look.status === 'pending' || look.status === 'hint' || look.status === 'revealed') dashed(g, points);
    else if (look.status === 'not-asked') dashed(g, points, 4, 5);
    else g.strokePoints(points, false);
    const left = { x: end.x - Math.cos(angle) * HEAD_LENGTH + Math.cos(angle + Math.PI / 2) * (HEAD_WIDTH / 2), y: end.y - Math.sin(angle) * HEAD_LENGTH + Math.sin(angle + Math.PI / 2) * (HEAD_WIDTH / 2) };
    const right = { x: end.x - Math.cos(angle) * HEAD_LENGTH - Math.cos(angle + Math.PI / 2) * (HEAD_WIDTH / 2), y: end.y - Math.sin(angle) * HEAD_LENGTH - Math.sin(angle + Math.PI / 2) * (HEAD_WIDTH / 2) };
    g.fillStyle(color, 1);
    g.fillTriangle(end.x, end.y, left.x, left.y, right.x, right.y);

    const rect = look.labelRect;
    this.pill.setVisible(look.label !== null && rect !== null);
    if (look.label === null || rect === null) return;
    const texture = pillTexture(this.scene, look.label, look.status, look.selected, this.textResolution);
    this.pill.setTexture(texture.key).setDisplaySize(texture.width, texture.height).setPosition(rect.x + rect.width / 2, rect.y + rect.height / 2);
  }

  destroy(): void {
    this.line.destroy();
    this.pill.destroy();
  }
}
