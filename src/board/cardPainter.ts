// Paints a card (front or back) on a 2D canvas: silhouette and band by kind, pictogram, icon,
// title, summary; explanation and source on the back; the handle that starts an arrow. The board
// turns each painted face into one texture (one image to draw per card, instead of a dozen
// objects), and the image export paints the same cards.
import type { CardDef, CardKind } from '../core/schema';
import type { Lang } from '../core/text';
import { t } from '../i18n';
import { cardIconNode } from '../ui/cardIcon';
import { KIND_ICONS } from '../ui/icon';
import { BACK_LINE, BAND, H, ICON, layoutCardText, PAD, SUMMARY_LINE, W, type MeasureFor } from './cardText';
import { strokeIcon } from './iconTextures';
import { CARD_FACE, CARD_MUTED_TEXT, CARD_TEXT, fontFamily, highContrast, KIND_STYLES, TEXT_SIZES } from './palette';

/** Room around the card in its painting, for the shadow and the handle sticking out. */
export const MARGIN = 16;
export const PAINT_WIDTH = W + MARGIN * 2;
export const PAINT_HEIGHT = H + MARGIN * 2;
export const HANDLE_RADIUS = 11;

const hex = (color: number) => `#${color.toString(16).padStart(6, '0')}`;

/** The outline of each kind, so that kinds differ in shape and not only in colour. */
export function silhouette(ctx: CanvasRenderingContext2D, kind: CardKind, x: number, y: number, w: number, h: number, squareTop: boolean, inset = 0): void {
  const r = (value: number) => Math.max(0, value - inset);
  ctx.beginPath();
  switch (kind) {
    case 'institution':
      ctx.roundRect(x, y, w, h, squareTop ? [0, 0, r(3), r(3)] : r(3));
      break;
    case 'mechanism':
      ctx.roundRect(x, y, w, h, squareTop ? [0, 0, r(16), r(16)] : r(16));
      break;
    case 'actor':
      ctx.roundRect(x, y, w, h, squareTop ? [0, 0, r(8), r(8)] : [r(30), r(30), r(8), r(8)]);
      break;
    case 'principle': {
      const c = r(16);
      const top = squareTop ? 0 : c;
      ctx.moveTo(x + top, y);
      ctx.lineTo(x + w - top, y);
      ctx.lineTo(x + w, y + top);
      ctx.lineTo(x + w, y + h - c);
      ctx.lineTo(x + w - c, y + h);
      ctx.lineTo(x + c, y + h);
      ctx.lineTo(x, y + h - c);
      ctx.lineTo(x, y + top);
      ctx.closePath();
      break;
    }
  }
}

export interface PaintOptions {
  card: CardDef;
  lang: Lang;
  face: 'front' | 'back';
  measureFor: MeasureFor;
  /** Draw the shadow and the handle (the board does; an exported image has no handles). */
  board: boolean;
}

/** Paints a card with its top-left corner at (x, y), in world units (the context may be scaled). */
export function paintCard(ctx: CanvasRenderingContext2D, x: number, y: number, options: PaintOptions): void {
  const { card, lang, face } = options;
  const style = KIND_STYLES[card.kind];
  const contrast = highContrast();
  const font = fontFamily();
  ctx.save();
  ctx.translate(x, y);
  ctx.textBaseline = 'top';

  ctx.fillStyle = 'rgba(58, 45, 26, 0.14)';
  silhouette(ctx, card.kind, 1, 4, W, H, false);
  ctx.fill();
  ctx.fillStyle = hex(style.color);
  silhouette(ctx, card.kind, 0, 0, W, H, false);
  ctx.fill();
  ctx.fillStyle = contrast ? '#ffffff' : hex(CARD_FACE);
  silhouette(ctx, card.kind, 2, BAND, W - 4, H - BAND - 2, true, 2);
  ctx.fill();
  if (contrast) {
    ctx.strokeStyle = '#000000';
    ctx.lineWidth = 3;
    silhouette(ctx, card.kind, -1, -1, W + 2, H + 2, false);
    ctx.stroke();
  }

  // The band: the kind's pictogram and name.
  strokeIcon(ctx, KIND_ICONS[card.kind], PAD, BAND / 2 - 8, 16, style.bandText);
  ctx.fillStyle = style.bandText;
  ctx.font = `bold ${TEXT_SIZES.band}px ${font}`;
  ctx.fillText(t(`kinds.${card.kind}`).toUpperCase(), PAD + 22, BAND / 2 - 7);

  const lines = layoutCardText(card, lang, options.measureFor);
  const text = contrast ? '#000000' : CARD_TEXT;
  const muted = contrast ? '#000000' : CARD_MUTED_TEXT;
  if (face === 'front') {
    strokeIcon(ctx, cardIconNode(card.icon, card.kind), PAD, BAND + PAD, ICON, contrast ? '#000000' : '#2b2b2b');
    ctx.fillStyle = text;
    ctx.font = `bold ${lines.titleSize}px ${font}`;
    lines.title.forEach((line, i) => ctx.fillText(line, PAD + ICON + 8, BAND + PAD + 1 + i * lines.titleLineHeight));
    const top = BAND + PAD + Math.max(ICON, lines.title.length * lines.titleLineHeight) + 6;
    ctx.fillStyle = muted;
    ctx.font = `${TEXT_SIZES.summary}px ${font}`;
    lines.summary.forEach((line, i) => ctx.fillText(line, PAD, top + i * SUMMARY_LINE));
  } else {
    ctx.fillStyle = text;
    ctx.font = `${TEXT_SIZES.back}px ${font}`;
    lines.back.forEach((line, i) => ctx.fillText(line, PAD, BAND + PAD + i * BACK_LINE));
    ctx.fillStyle = muted;
    ctx.font = `italic ${TEXT_SIZES.back}px ${font}`;
    const top = H - PAD - lines.source.length * BACK_LINE;
    lines.source.forEach((line, i) => ctx.fillText(line, PAD, top + i * BACK_LINE));
  }

  if (options.board) {
    // The handle an arrow starts from, on the right edge.
    const hx = W;
    const hy = H / 2;
    ctx.fillStyle = '#ffffff';
    ctx.beginPath();
    ctx.arc(hx, hy, HANDLE_RADIUS + 2, 0, Math.PI * 2);
    ctx.fill();
    ctx.fillStyle = hex(style.color);
    ctx.beginPath();
    ctx.arc(hx, hy, HANDLE_RADIUS, 0, Math.PI * 2);
    ctx.fill();
    ctx.strokeStyle = style.bandText;
    ctx.lineWidth = 2;
    ctx.lineCap = 'round';
    ctx.beginPath();
    ctx.moveTo(hx - 5, hy);
    ctx.lineTo(hx + 5, hy);
    ctx.moveTo(hx + 1, hy - 4);
    ctx.lineTo(hx + 5, hy);
    ctx.lineTo(hx + 1, hy + 4);
    ctx.stroke();
  }
  ctx.restore();
}

/** A card face painted on its own canvas, at `resolution` pixels per world unit. */
export function cardCanvas(options: Omit<PaintOptions, 'board'>, resolution: number): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(PAINT_WIDTH * resolution);
  canvas.height = Math.ceil(PAINT_HEIGHT * resolution);
  // A canvas in memory, not on the graphics card: it is only a texture's source, and the first
  // canvas on the card costs a laptop without a real one most of a second to set up.
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) return canvas;
  ctx.scale(resolution, resolution);
  paintCard(ctx, MARGIN, MARGIN, { ...options, board: true });
  return canvas;
}

