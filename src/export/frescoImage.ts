// The fresco as an image (PNG) the group leaves with: drawn from the same data and geometry as
// the board (zones, cards, routed arrows, labels, notes), not captured from the screen, so that
// it shows the whole fresco sharp whatever the zoom.
import { cardRect, CARD_HEIGHT, CARD_WIDTH, NOTE_HEIGHT as NOTE_H, NOTE_WIDTH as NOTE_W, type Rect } from '../core/layout';
import type { Board } from '../core/fresco';
import { cardOf, relationOf, type Level } from '../core/level';
import { layoutOf } from '../core/progress';
import { displayText, type Lang } from '../core/text';
import type { Note } from '../core/workshop';
import { t } from '../i18n';
import { BAND, layoutCardText, PAD, TITLE_LINE } from '../board/cardText';
import { arrowPath, bendsFor, endAngle, placeLabels, routeArrow } from '../board/geometry';
import { fontFamily, KIND_STYLES, TEXT_SIZES, ZONE_TINTS } from '../board/palette';

const SCALE = 2;
const MARGIN = 40;
const HEADER = 96;

const hex = (color: number) => `#${color.toString(16).padStart(6, '0')}`;

export interface FrescoPicture {
  level: Level;
  board: Board;
  notes: readonly Note[];
  title: string;
  lang: Lang;
  date: Date;
}

function wrapLines(ctx: CanvasRenderingContext2D, text: string, width: number, maxLines: number): string[] {
  const words = text.split(/\s+/u).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const candidate = line ? `${line} ${word}` : word;
    if (ctx.measureText(candidate).width <= width || !line) line = candidate;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    kept[maxLines - 1] = `${kept[maxLines - 1]}…`;
    return kept;
  }
  return lines;
}

export function drawFresco(picture: FrescoPicture): HTMLCanvasElement {
  const { level, board, notes, lang } = picture;
  const layout = layoutOf(level);
  const placed = Object.entries(board.placed);
  const rects: Rect[] = [layout.world, ...placed.map(([, point]) => cardRect(point)), ...notes.map((note) => ({ x: note.x - NOTE_W / 2, y: note.y - NOTE_H / 2, width: NOTE_W, height: NOTE_H }))];
  const minX = Math.min(...rects.map((r) => r.x)) - MARGIN;
  const minY = Math.min(...rects.map((r) => r.y)) - MARGIN;
  const maxX = Math.max(...rects.map((r) => r.x + r.width)) + MARGIN;
  const maxY = Math.max(...rects.map((r) => r.y + r.height)) + MARGIN;
  const width = maxX - minX;
  const height = maxY - minY + HEADER;

  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(width * SCALE);
  canvas.height = Math.ceil(height * SCALE);
  const ctx = canvas.getContext('2d');
  if (!ctx) return canvas;
  ctx.scale(SCALE, SCALE);
  ctx.fillStyle = '#f4eee2';
  ctx.fillRect(0, 0, width, height);

  // Header: the group's title, the level, the date.
  ctx.fillStyle = '#1f1b16';
  ctx.font = `bold 34px ${fontFamily()}`;
  ctx.textBaseline = 'top';
  ctx.fillText(picture.title, MARGIN, 22);
  ctx.font = `18px ${fontFamily()}`;
  ctx.fillStyle = '#4a4036';
  ctx.fillText(`${displayText(level.title, lang)} · ${t('app.title')} · ${picture.date.toLocaleDateString(lang)}`, MARGIN, 64);

  ctx.save();
  ctx.translate(-minX, -minY + HEADER);

  // Zones.
  layout.zones.forEach((zone, i) => {
    const { rect } = zone;
    ctx.fillStyle = hex(ZONE_TINTS[i % ZONE_TINTS.length]!);
    ctx.globalAlpha = 0.55;
    ctx.beginPath();
    ctx.roundRect(rect.x, rect.y, rect.width, rect.height, 28);
    ctx.fill();
    ctx.globalAlpha = 1;
    const def = level.zones.find((candidate) => candidate.id === zone.id);
    ctx.fillStyle = '#5f5243';
    ctx.font = `bold ${TEXT_SIZES.zone}px ${fontFamily()}`;
    ctx.fillText(def ? displayText(def.label, lang).toUpperCase() : zone.id, rect.x + 20, rect.y + 16, rect.width - 40);
  });

  // Arrows, routed and labelled as on the board.
  const cardRects = new Map(placed.map(([id, point]) => [id, cardRect(point)]));
  const pairs = new Map<string, number>();
  const pairKey = (from: string, to: string) => [from, to].sort().join('|');
  for (const link of board.links) pairs.set(pairKey(link.from, link.to), (pairs.get(pairKey(link.from, link.to)) ?? 0) + 1);
  const seenPairs = new Map<string, number>();
  ctx.font = `bold ${TEXT_SIZES.label}px ${fontFamily()}`;
  const requests = board.links.flatMap((link) => {
    const from = cardRects.get(link.from);
    const to = cardRects.get(link.to);
    if (!from || !to) return [];
    const key = pairKey(link.from, link.to);
    const index = seenPairs.get(key) ?? 0;
    seenPairs.set(key, index + 1);
    const obstacles = [...cardRects].filter(([id]) => id !== link.from && id !== link.to).map(([, rect]) => rect);
    const path = obstacles.length > 0 ? routeArrow(from, to, obstacles, bendsFor(pairs.get(key) ?? 1)[index] ?? 0.14) : arrowPath(from, to, 0.14);
    const relation = relationOf(level, link.relation);
    const text = relation ? displayText(relation.label, lang) : link.relation;
    return [{ id: link.id, path, text, width: ctx.measureText(text).width + 18, height: 26 }];
  });
  const labels = placeLabels(requests, [...cardRects.values()]);
  for (const request of requests) {
    const { start, control, end } = request.path;
    ctx.strokeStyle = '#3d3d3d';
    ctx.lineWidth = 3;
    ctx.beginPath();
    ctx.moveTo(start.x, start.y);
    ctx.quadraticCurveTo(control.x, control.y, end.x, end.y);
    ctx.stroke();
    const angle = endAngle(request.path);
    ctx.fillStyle = '#3d3d3d';
    ctx.beginPath();
    ctx.moveTo(end.x, end.y);
    ctx.lineTo(end.x - Math.cos(angle - 0.35) * 15, end.y - Math.sin(angle - 0.35) * 15);
    ctx.lineTo(end.x - Math.cos(angle + 0.35) * 15, end.y - Math.sin(angle + 0.35) * 15);
    ctx.closePath();
    ctx.fill();
  }

  // Cards.
  const measureFor = (size: number, weight: 'normal' | 'bold' = 'normal', style: 'normal' | 'italic' = 'normal') => (text: string) => {
    ctx.font = `${style} ${weight} ${size}px ${fontFamily()}`;
    return ctx.measureText(text).width;
  };
  for (const [id, point] of placed) {
    const card = cardOf(level, id);
    if (!card) continue;
    const rect = cardRect(point);
    const style = KIND_STYLES[card.kind];
    ctx.fillStyle = 'rgba(58,45,26,0.14)';
    ctx.beginPath();
    ctx.roundRect(rect.x + 1, rect.y + 4, CARD_WIDTH, CARD_HEIGHT, 8);
    ctx.fill();
    ctx.fillStyle = hex(style.color);
    ctx.beginPath();
    ctx.roundRect(rect.x, rect.y, CARD_WIDTH, CARD_HEIGHT, card.kind === 'actor' ? [26, 26, 8, 8] : card.kind === 'mechanism' ? 14 : 4);
    ctx.fill();
    ctx.fillStyle = '#fffdf7';
    ctx.fillRect(rect.x + 2, rect.y + BAND, CARD_WIDTH - 4, CARD_HEIGHT - BAND - 2);
    ctx.fillStyle = style.bandText;
    ctx.font = `bold ${TEXT_SIZES.band}px ${fontFamily()}`;
    ctx.fillText(t(`kinds.${card.kind}`).toUpperCase(), rect.x + PAD, rect.y + 7);
    const lines = layoutCardText(card, lang, measureFor);
    ctx.fillStyle = '#1b1b1b';
    ctx.font = `bold ${lines.titleSize}px ${fontFamily()}`;
    lines.title.forEach((line, i) => ctx.fillText(line, rect.x + PAD, rect.y + BAND + PAD + i * lines.titleLineHeight));
    ctx.fillStyle = '#3d3a35';
    ctx.font = `${TEXT_SIZES.summary}px ${fontFamily()}`;
    const top = rect.y + BAND + PAD + Math.max(TITLE_LINE, lines.title.length * lines.titleLineHeight) + 6;
    lines.summary.forEach((line, i) => ctx.fillText(line, rect.x + PAD, top + i * 16));
  }

  // Labels over everything, as on the board.
  for (const request of requests) {
    const rect = labels.get(request.id);
    if (!rect) continue;
    ctx.fillStyle = '#ffffff';
    ctx.strokeStyle = '#3d3d3d';
    ctx.lineWidth = 1.5;
    ctx.beginPath();
    ctx.roundRect(rect.x, rect.y, rect.width, rect.height, rect.height / 2);
    ctx.fill();
    ctx.stroke();
    ctx.fillStyle = '#1b1b1b';
    ctx.font = `bold ${TEXT_SIZES.label}px ${fontFamily()}`;
    ctx.textAlign = 'center';
    ctx.fillText(request.text, rect.x + rect.width / 2, rect.y + 5);
    ctx.textAlign = 'start';
  }

  // The group's notes.
  for (const note of notes) {
    const x = note.x - NOTE_W / 2;
    const y = note.y - NOTE_H / 2;
    ctx.fillStyle = '#fff1a8';
    ctx.fillRect(x, y, NOTE_W, NOTE_H);
    ctx.fillStyle = '#2b2b2b';
    ctx.font = `15px ${fontFamily()}`;
    wrapLines(ctx, note.text, NOTE_W - 20, 5).forEach((line, i) => ctx.fillText(line, x + 10, y + 10 + i * 19));
  }
  ctx.restore();
  return canvas;
}

export function frescoPng(picture: FrescoPicture): Promise<Blob> {
  const canvas = drawFresco(picture);
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG export failed'))), 'image/png'));
}

