// Draws a level's paper version as a PDF (jsPDF): the card sheets, front then back for
// double-sided printing, the correction poster and the facilitator sheet. Where things go comes
// from the pure modules beside this one (layout, cardText, flow, documents); this one only draws.
import { jsPDF } from 'jspdf';
import type { IconNode } from 'lucide';
import { cardUrl, type GameAddress } from '../core/cardLink';
import type { Level } from '../core/level';
import type { CardDef } from '../core/schema';
import { displayText, type Lang } from '../core/text';
import { iconCanvas } from '../board/iconTextures';
import { KIND_STYLES } from '../board/palette';
import { wrapText } from '../board/wrap';
import { t } from '../i18n';
import { cardIconNode } from '../ui/cardIcon';
import { KIND_ICONS } from '../ui/icon';
import { BACK_BAND, BAND_SIZE, FOOTER_SIZE, FRONT_BAND, ICON, layoutPrintedCard, lineHeight, PAD, QR, type PrintLabels, type PrintMeasure, type TextBlock } from './cardText';
import { correctionGroups, facilitatorGroups } from './documents';
import { flowGroups, TEXT_STYLES, type Frame, type Group } from './flow';
import { addPrintFont } from './fonts';
import { cardPages, cutMarks, sheetGrid, type Rect } from './layout';
import { qrMatrix } from './qr';
import { printable } from './text';

const INK = '#1b1b1b';
const MUTED = '#3d3a35';
const CARD_EDGE = '#b8b2a7';
const hex = (color: number) => `#${color.toString(16).padStart(6, '0')}`;
/** Icons are drawn at about 300 dpi for their printed size. */
const ICON_PIXELS = 128;

export interface PrintRequest {
  level: Level;
  lang: Lang;
  /** Where the QR codes send the reader: the game's own address. */
  address: GameAddress;
}

type FontStyle = 'normal' | 'bold' | 'italic';

class Painter {
  private readonly icons = new Map<string, HTMLCanvasElement>();

  constructor(
    readonly doc: jsPDF,
    readonly font: string,
  ) {}

  readonly measure: PrintMeasure = (text, size, style) => {
    this.use(size, style);
    return this.doc.getTextWidth(text);
  };

  use(size: number, style: FontStyle, color = INK): void {
    this.doc.setFont(this.font, style);
    this.doc.setFontSize(size);
    this.doc.setTextColor(color);
  }

  lines(block: TextBlock, x: number, y: number, style: FontStyle, color = INK): void {
    this.use(block.size, style, color);
    block.lines.forEach((line, i) => this.doc.text(line, x + block.left, y + block.top + i * block.lineHeight, { baseline: 'top' }));
  }

  icon(node: IconNode, key: string, color: string, x: number, y: number, size: number): void {
    const alias = `${key}-${color}`;
    let canvas = this.icons.get(alias);
    if (!canvas) {
      canvas = iconCanvas(node, ICON_PIXELS, color);
      this.icons.set(alias, canvas);
    }
    this.doc.addImage(canvas, 'PNG', x, y, size, size, alias);
  }
}

/**
 * The kind in colour and in words: the band in the kind's colour, its name (and pictogram) in ink
 * on a white label, so that it reads as well on a black-and-white print, where the colours
 * turn into greys of about the same darkness.
 */
function kindBand(painter: Painter, card: CardDef, x: number, y: number, width: number, height: number, size: number, withIcon: boolean): void {
  const { doc } = painter;
  doc.setFillColor(hex(KIND_STYLES[card.kind].color));
  doc.rect(x, y, width, height, 'F');
  const name = printable(t(`kinds.${card.kind}`).toUpperCase());
  const icon = withIcon ? size * 0.6 : 0;
  const labelHeight = height - 2;
  const labelWidth = (icon > 0 ? icon + 1.2 : 0) + painter.measure(name, size, 'bold') + 3;
  doc.setFillColor('#ffffff');
  doc.roundedRect(x + PAD - 1.5, y + 1, labelWidth, labelHeight, 1, 1, 'F');
  if (icon > 0) painter.icon(KIND_ICONS[card.kind], `kind-${card.kind}`, INK, x + PAD, y + (height - icon) / 2, icon);
  painter.use(size, 'bold', INK);
  doc.text(name, x + PAD + (icon > 0 ? icon + 1.2 : 0), y + (height - lineHeight(size, 1)) / 2, { baseline: 'top' });
}

function cardFront(painter: Painter, request: PrintRequest, card: CardDef, slot: Rect): void {
  const { doc } = painter;
  const { level, lang } = request;
  const { x, y, width, height } = slot;
  const text = layoutPrintedCard(card, lang, slot, labels(), painter.measure);

  doc.setDrawColor(CARD_EDGE);
  doc.setLineWidth(0.2);
  doc.rect(x, y, width, height, 'S');
  kindBand(painter, card, x, y, width, FRONT_BAND, BAND_SIZE, true);

  painter.icon(cardIconNode(card.icon, card.kind), `card-${card.icon ?? card.kind}`, INK, x + PAD, y + FRONT_BAND + 2.5, ICON);
  painter.lines(text.title, x, y, 'bold');
  painter.lines(text.summary, x, y, 'normal', MUTED);

  // Which level the card belongs to, for sorting mixed decks.
  const footer = wrapText(printable(displayText(level.title, lang)), text.summary.width, 1, (part) => painter.measure(part, FOOTER_SIZE, 'normal'));
  painter.use(FOOTER_SIZE, 'normal', MUTED);
  doc.text(footer.lines[0] ?? '', x + PAD, y + height - PAD - lineHeight(FOOTER_SIZE), { baseline: 'top' });

  // The QR code opens this card in the game (its back in the reader).
  const url = cardUrl(request.address, level.id, card.id);
  const matrix = qrMatrix(url);
  const module = QR / matrix.size;
  const qrX = x + width - PAD - QR;
  const qrY = y + height - PAD - QR;
  doc.setFillColor(INK);
  for (const run of matrix.runs) doc.rect(qrX + run.column * module, qrY + run.row * module, run.length * module, module, 'F');
  doc.link(qrX, qrY, QR, QR, { url });
}

function cardBack(painter: Painter, request: PrintRequest, card: CardDef, slot: Rect): void {
  const { doc } = painter;
  const { x, y, width, height } = slot;
  const text = layoutPrintedCard(card, request.lang, slot, labels(), painter.measure);

  doc.setDrawColor(CARD_EDGE);
  doc.setLineWidth(0.2);
  doc.rect(x, y, width, height, 'S');
  kindBand(painter, card, x, y, width, BACK_BAND, 6.5, false);
  painter.lines(text.back.title, x, y, 'bold');
  painter.lines(text.back.explanation, x, y, 'normal');
  painter.lines(text.back.source, x, y, 'italic', MUTED);
}

function labels(): PrintLabels {
  return { source: (source) => t('print.source', { source }), noExplanation: t('card.noExplanation') };
}

const FRAME: Frame = { left: 15, top: 15, width: 180, bottom: 280 };

function drawFlow(painter: Painter, groups: Group[], newPage: () => void): number {
  const pages = flowGroups(groups, FRAME, painter.measure);
  let first = 0;
  pages.forEach((lines, index) => {
    newPage();
    if (index === 0) first = painter.doc.getNumberOfPages();
    for (const line of lines) {
      const style = TEXT_STYLES[line.style];
      painter.use(style.size, style.font, style.color);
      painter.doc.text(line.text, line.x, line.y, { baseline: 'top' });
      if (line.bullet) {
        painter.doc.setFillColor(style.color);
        painter.doc.circle(line.x - 3, line.y + lineHeight(style.size, style.leading) / 2, 0.6, 'F');
      }
    }
  });
  return first;
}

export async function levelPdf(request: PrintRequest): Promise<Blob> {
  const { level, lang } = request;
  const title = printable(displayText(level.title, lang));
  const doc = new jsPDF({ unit: 'mm', format: 'a4', orientation: 'portrait', compress: true });
  doc.setProperties({ title: `${title} — ${t('print.documentTitle')}`, subject: t('print.documentSubject'), creator: t('app.title'), author: t('app.title') });
  doc.setLanguage(lang === 'fr' ? 'fr-FR' : 'en-GB');
  const painter = new Painter(doc, await addPrintFont(doc));

  let started = false;
  const newPage = () => {
    if (started) doc.addPage('a4', 'portrait');
    started = true;
  };

  // The cards: each sheet's front, then its back, with the cut marks on both sides.
  const grid = sheetGrid();
  const pages = cardPages(level.cards, grid);
  const sheets = pages.length / 2;
  const pageNotes: string[] = [];
  for (const page of pages) {
    newPage();
    doc.setDrawColor(INK);
    doc.setLineWidth(0.2);
    for (const mark of cutMarks(grid)) doc.line(mark.x1, mark.y1, mark.x2, mark.y2);
    for (const { card, slot } of page.cards) (page.side === 'front' ? cardFront : cardBack)(painter, request, card, slot);
    pageNotes.push(t(page.side === 'front' ? 'print.front' : 'print.back', { sheet: page.sheet, total: sheets }));
  }
  const correctionPage = drawFlow(painter, correctionGroups(level, lang), newPage);
  const sheetPage = drawFlow(painter, facilitatorGroups(level, lang), newPage);

  // Footers, now that the page count is known; bookmarks to find the parts.
  const total = doc.getNumberOfPages();
  for (let page = 1; page <= total; page++) {
    doc.setPage(page);
    painter.use(7, 'normal', MUTED);
    const note = pageNotes[page - 1];
    const footer = printable([t('app.title'), title, ...(note ? [note] : []), t('print.page', { page, total })].join(' · '));
    doc.text(footer, grid.spec.page.width / 2, grid.spec.page.height - grid.spec.safeMargin, { align: 'center', baseline: 'bottom' });
  }
  doc.outline.add(null, printable(t('print.cardsPart')), { pageNumber: 1 });
  doc.outline.add(null, printable(t('print.correctionTitle')), { pageNumber: correctionPage });
  doc.outline.add(null, printable(t('print.sheetTitle')), { pageNumber: sheetPage });
  return doc.output('blob');
}
