// One arrow on the fresco: a curve with a halo and an arrowhead, and its relation in a pill.
// Its state shows by colour and by a sign in the pill (✓, ✗), never by colour alone.
import Phaser from 'phaser';
import type { Rect } from '../core/layout';
import { endAngle, pointOnCurve, type ArrowPath } from './geometry';
import { ARROW, fontFamily, highContrast, PAPER, TEXT_SIZES } from './palette';
import { measureFor } from './cardView';

export type ArrowStatus = 'neutral' | 'correct' | 'wrong' | 'pending' | 'hint' | 'revealed';

const SAMPLES = 28;
const HEAD_LENGTH = 15;
const HEAD_WIDTH = 11;
const LABEL_PAD_X = 9;
export const LABEL_HEIGHT = 26;

const SIGNS: Record<ArrowStatus, string> = { neutral: '', correct: '✓ ', wrong: '✗ ', pending: '', hint: '', revealed: '✓ ' };

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
    default:
      return highContrast() ? 0x000000 : ARROW.neutral;
  }
}

export function labelText(status: ArrowStatus, relation: string): string {
  return SIGNS[status] + relation;
}

/** The pill's size for a label, computed before it is placed so that labels can avoid each other. */
export function labelSize(text: string): { width: number; height: number } {
  return { width: Math.ceil(measureFor(TEXT_SIZES.label, 'bold')(text)) + LABEL_PAD_X * 2, height: LABEL_HEIGHT };
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

export class ArrowView {
  readonly line: Phaser.GameObjects.Graphics;
  readonly pill: Phaser.GameObjects.Container;
  private readonly pillShape: Phaser.GameObjects.Graphics;
  private readonly pillText: Phaser.GameObjects.Text;
  private lastKey = '';

  constructor(
    private readonly scene: Phaser.Scene,
    textResolution: number,
  ) {
    this.line = scene.add.graphics();
    this.pillShape = scene.add.graphics();
    this.pillText = scene.add.text(0, 0, '', {
      fontFamily: fontFamily(),
      fontSize: `${TEXT_SIZES.label}px`,
      fontStyle: 'bold',
      color: '#1b1b1b',
      resolution: textResolution,
    });
    this.pillText.setOrigin(0.5, 0.5);
    this.pill = scene.add.container(0, 0, [this.pillShape, this.pillText]);
  }

  /** Redraws only when something it shows has changed. */
  update(look: ArrowLook): void {
    const key = JSON.stringify(look);
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
    g.lineStyle(width + 6, look.selected ? ARROW.selected : PAPER, look.selected ? 0.35 : 0.85);
    g.strokePoints(points, false);
    g.lineStyle(width, color, 1);
    if (look.status === 'pending' || look.status === 'hint' || look.status === 'revealed') dashed(g, points);
    else g.strokePoints(points, false);
    const left = { x: end.x - Math.cos(angle) * HEAD_LENGTH + Math.cos(angle + Math.PI / 2) * (HEAD_WIDTH / 2), y: end.y - Math.sin(angle) * HEAD_LENGTH + Math.sin(angle + Math.PI / 2) * (HEAD_WIDTH / 2) };
    const right = { x: end.x - Math.cos(angle) * HEAD_LENGTH - Math.cos(angle + Math.PI / 2) * (HEAD_WIDTH / 2), y: end.y - Math.sin(angle) * HEAD_LENGTH - Math.sin(angle + Math.PI / 2) * (HEAD_WIDTH / 2) };
    g.fillStyle(color, 1);
    g.fillTriangle(end.x, end.y, left.x, left.y, right.x, right.y);

    const rect = look.labelRect;
    this.pill.setVisible(look.label !== null && rect !== null);
    if (look.label === null || rect === null) return;
    this.pillText.setText(look.label);
    this.pill.setPosition(rect.x + rect.width / 2, rect.y + rect.height / 2);
    const s = this.pillShape;
    s.clear();
    s.fillStyle(look.status === 'correct' ? 0xe7f4ea : look.status === 'wrong' ? 0xfbe9e9 : look.status === 'revealed' ? 0xe6f1f8 : 0xffffff, 1);
    s.fillRoundedRect(-rect.width / 2, -rect.height / 2, rect.width, rect.height, rect.height / 2);
    s.lineStyle(look.selected ? 3 : 1.5, look.selected ? ARROW.selected : color, 1);
    s.strokeRoundedRect(-rect.width / 2, -rect.height / 2, rect.width, rect.height, rect.height / 2);
    this.pillText.setColor(look.status === 'correct' ? '#14632b' : look.status === 'wrong' ? '#a21f1f' : look.status === 'revealed' ? '#004f7c' : '#1b1b1b');
  }

  destroy(): void {
    this.line.destroy();
    this.pill.destroy();
  }
}
