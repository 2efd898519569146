// One card on the fresco, drawn with Phaser: silhouette and band by kind, pictogram, icon, title
// and summary on the front; explanation and source on the back; the handle that starts an arrow.
import Phaser from 'phaser';
import type { CardDef, CardKind } from '../core/schema';
import type { Lang } from '../core/text';
import { t } from '../i18n';
import { BACK_LINE, BAND, H, ICON, layoutCardText, LEFT, PAD, SUMMARY_LINE, TITLE_LINE, TOP, W } from './cardText';
import { cardIconNode, KIND_ICONS } from '../ui/icon';
import { iconCanvas } from './iconTextures';
import { CARD_FACE, CARD_MUTED_TEXT, CARD_TEXT, fontFamily, highContrast, KIND_STYLES, TEXT_SIZES } from './palette';
import type { Measure } from './wrap';

/** Where an arrow starts from a card, relative to its centre (world units), and its reach. */
export const HANDLE_OFFSET = { x: W / 2, y: 0 };
export const HANDLE_RADIUS = 11;
export const HANDLE_HIT_RADIUS = 20;

export type CardHighlight = 'none' | 'selected' | 'source' | 'target' | 'hint' | 'shown';

/** The outline of each kind, so that kinds differ in shape and not only in colour. */
function silhouette(g: Phaser.GameObjects.Graphics, kind: CardKind, inset: number, top: number): void {
  const x = LEFT + inset;
  const y = top;
  const w = W - inset * 2;
  const h = TOP + H - inset - top;
  const round = (tl: number, tr: number, br: number, bl: number) =>
    g.fillRoundedRect(x, y, w, h, { tl: Math.max(0, tl), tr: Math.max(0, tr), br: Math.max(0, br), bl: Math.max(0, bl) });
  const squareTop = top > TOP + inset;
  switch (kind) {
    case 'institution':
      round(squareTop ? 0 : 3, squareTop ? 0 : 3, 3 - inset, 3 - inset);
      break;
    case 'mechanism':
      round(squareTop ? 0 : 16, squareTop ? 0 : 16, 16 - inset, 16 - inset);
      break;
    case 'actor':
      round(squareTop ? 0 : 30, squareTop ? 0 : 30, 8 - inset, 8 - inset);
      break;
    case 'principle': {
      const c = 16 - inset;
      const points = [
        { x: x + (squareTop ? 0 : c), y },
        { x: x + w - (squareTop ? 0 : c), y },
        { x: x + w, y: y + (squareTop ? 0 : c) },
        { x: x + w, y: y + h - c },
        { x: x + w - c, y: y + h },
        { x: x + c, y: y + h },
        { x, y: y + h - c },
        { x, y: y + (squareTop ? 0 : c) },
      ];
      g.fillPoints(points.map((p) => new Phaser.Math.Vector2(p.x, p.y)), true);
      break;
    }
  }
}

let measureContext: CanvasRenderingContext2D | null = null;

/** Text width as the board draws it (same font, same size). */
export function measureFor(size: number, weight: 'normal' | 'bold' = 'normal', style: 'normal' | 'italic' = 'normal'): Measure {
  measureContext ??= document.createElement('canvas').getContext('2d');
  const font = `${style} ${weight} ${size}px ${fontFamily()}`;
  return (text: string) => {
    if (!measureContext) return text.length * size * 0.55;
    measureContext.font = font;
    return measureContext.measureText(text).width;
  };
}

export class CardView {
  readonly container: Phaser.GameObjects.Container;
  private readonly shadow: Phaser.GameObjects.Graphics;
  private readonly body: Phaser.GameObjects.Graphics;
  private readonly ring: Phaser.GameObjects.Graphics;
  private readonly handle: Phaser.GameObjects.Graphics;
  private readonly front: Phaser.GameObjects.Container;
  private readonly back: Phaser.GameObjects.Container;
  private readonly bandLabel: Phaser.GameObjects.Text;
  private readonly texts: { title: Phaser.GameObjects.Text; summary: Phaser.GameObjects.Text; back: Phaser.GameObjects.Text; source: Phaser.GameObjects.Text };
  private faceDown = false;
  private lang: Lang | null = null;
  private highlight: CardHighlight = 'none';

  constructor(
    private readonly scene: Phaser.Scene,
    readonly card: CardDef,
    private readonly textResolution: number,
  ) {
    const style = KIND_STYLES[card.kind];
    this.shadow = scene.add.graphics();
    this.body = scene.add.graphics();
    this.ring = scene.add.graphics();
    this.handle = scene.add.graphics();
    this.drawBody(false);

    const kindIcon = scene.add
      .image(LEFT + PAD + 8, TOP + BAND / 2, this.iconTexture(KIND_ICONS[card.kind], `kind-${card.kind}`, style.bandText, 16))
      .setDisplaySize(16, 16);
    this.bandLabel = this.text(LEFT + PAD + 22, TOP + BAND / 2 - 8, TEXT_SIZES.band, style.bandText, 'bold');
    const cardIcon = scene.add
      .image(LEFT + PAD + ICON / 2, TOP + BAND + PAD + ICON / 2, this.iconTexture(cardIconNode(card.icon, card.kind), `card-${card.icon ?? card.kind}`, '#2b2b2b', ICON))
      .setDisplaySize(ICON, ICON);
    this.texts = {
      title: this.text(LEFT + PAD + ICON + 8, TOP + BAND + PAD - 1, TEXT_SIZES.title, CARD_TEXT, 'bold', TITLE_LINE),
      summary: this.text(LEFT + PAD, 0, TEXT_SIZES.summary, highContrast() ? CARD_TEXT : CARD_MUTED_TEXT, 'normal', SUMMARY_LINE),
      back: this.text(LEFT + PAD, TOP + BAND + PAD - 2, TEXT_SIZES.back, CARD_TEXT, 'normal', BACK_LINE),
      source: this.text(LEFT + PAD, 0, TEXT_SIZES.back, highContrast() ? CARD_TEXT : CARD_MUTED_TEXT, 'italic', BACK_LINE),
    };
    this.front = scene.add.container(0, 0, [cardIcon, this.texts.title, this.texts.summary]);
    this.back = scene.add.container(0, 0, [this.texts.back, this.texts.source]).setVisible(false);
    this.drawHandle();
    this.container = scene.add.container(0, 0, [this.shadow, this.body, kindIcon, this.bandLabel, this.front, this.back, this.ring, this.handle]);
    this.container.setSize(W, H);
  }

  private text(x: number, y: number, size: number, color: string, weight: 'normal' | 'bold' | 'italic', lineHeight = size + 3): Phaser.GameObjects.Text {
    const text = this.scene.add.text(x, y, '', {
      fontFamily: fontFamily(),
      fontSize: `${size}px`,
      fontStyle: weight === 'normal' ? '' : weight,
      color,
      lineSpacing: lineHeight - size - 3,
      resolution: this.textResolution,
    });
    return text;
  }

  private iconTexture(node: Parameters<typeof iconCanvas>[0], key: string, color: string, size: number): string {
    const textureKey = `icon:${key}:${color}:${size}`;
    if (!this.scene.textures.exists(textureKey)) {
      const scale = this.textResolution;
      this.scene.textures.addCanvas(textureKey, iconCanvas(node, Math.round(size * scale), color));
    }
    return textureKey;
  }

  private drawBody(lifted: boolean): void {
    const { kind } = this.card;
    const style = KIND_STYLES[kind];
    this.shadow.clear();
    this.shadow.fillStyle(0x3a2d1a, lifted ? 0.22 : 0.14);
    this.shadow.setPosition(lifted ? 3 : 1, lifted ? 10 : 4);
    silhouette(this.shadow, kind, 0, TOP);
    this.body.clear();
    this.body.fillStyle(style.color, 1);
    silhouette(this.body, kind, 0, TOP);
    this.body.fillStyle(highContrast() ? 0xffffff : CARD_FACE, 1);
    silhouette(this.body, kind, 2, TOP + BAND);
    if (highContrast()) {
      // A black outline so that the card's edge stands out on any screen.
      this.body.lineStyle(3, 0x000000, 1);
      this.body.strokeRoundedRect(LEFT - 1, TOP - 1, W + 2, H + 2, 4);
    }
  }

  private drawHandle(): void {
    const style = KIND_STYLES[this.card.kind];
    const g = this.handle;
    g.clear();
    g.fillStyle(0xffffff, 1);
    g.fillCircle(HANDLE_OFFSET.x, HANDLE_OFFSET.y, HANDLE_RADIUS + 2);
    g.fillStyle(style.color, 1);
    g.fillCircle(HANDLE_OFFSET.x, HANDLE_OFFSET.y, HANDLE_RADIUS);
    g.lineStyle(2, style.bandTextColor, 1);
    g.lineBetween(HANDLE_OFFSET.x - 5, HANDLE_OFFSET.y, HANDLE_OFFSET.x + 5, HANDLE_OFFSET.y);
    g.lineBetween(HANDLE_OFFSET.x + 1, HANDLE_OFFSET.y - 4, HANDLE_OFFSET.x + 5, HANDLE_OFFSET.y);
    g.lineBetween(HANDLE_OFFSET.x + 1, HANDLE_OFFSET.y + 4, HANDLE_OFFSET.x + 5, HANDLE_OFFSET.y);
  }

  setLang(lang: Lang): void {
    if (this.lang === lang) return;
    this.lang = lang;
    const lines = layoutCardText(this.card, lang, measureFor);
    this.bandLabel.setText(t(`kinds.${this.card.kind}`).toUpperCase());
    this.texts.title
      .setFontSize(lines.titleSize)
      .setLineSpacing(lines.titleLineHeight - lines.titleSize - 3)
      .setText(lines.title.join('\n'));
    const textTop = TOP + BAND + PAD + Math.max(ICON, lines.title.length * lines.titleLineHeight) + 4;
    this.texts.summary.setText(lines.summary.join('\n')).setY(textTop);
    this.texts.back.setText(lines.back.join('\n'));
    this.texts.source.setText(lines.source.join('\n')).setY(TOP + H - PAD - lines.source.length * BACK_LINE);
  }

  setFaceDown(faceDown: boolean, animate: boolean, reducedMotion: boolean): void {
    if (this.faceDown === faceDown) return;
    this.faceDown = faceDown;
    const swap = () => {
      this.front.setVisible(!faceDown);
      this.back.setVisible(faceDown);
    };
    if (!animate) {
      swap();
      return;
    }
    if (reducedMotion) {
      swap();
      this.container.setAlpha(0.4);
      this.scene.tweens.add({ targets: this.container, alpha: 1, duration: 180 });
      return;
    }
    this.scene.tweens.add({
      targets: this.container,
      scaleX: 0,
      duration: 110,
      ease: 'Sine.easeIn',
      onComplete: () => {
        swap();
        this.scene.tweens.add({ targets: this.container, scaleX: 1, duration: 110, ease: 'Sine.easeOut' });
      },
    });
  }

  moveTo(x: number, y: number, animate: boolean): void {
    if (this.container.x === x && this.container.y === y) return;
    if (!animate) {
      this.scene.tweens.killTweensOf(this.container);
      this.container.setPosition(x, y);
      return;
    }
    this.scene.tweens.add({ targets: this.container, x, y, duration: 180, ease: 'Cubic.easeOut' });
  }

  setLifted(lifted: boolean): void {
    this.drawBody(lifted);
    this.container.setScale(lifted ? 1.03 : 1);
  }

  setHighlight(highlight: CardHighlight): void {
    if (this.highlight === highlight) return;
    this.highlight = highlight;
    const g = this.ring;
    g.clear();
    if (highlight === 'none') return;
    // A hint rings the card in amber, what the facilitator shows in a thick blue ring.
    const color = highlight === 'target' ? 0x1a7f37 : highlight === 'hint' ? 0xb7791f : 0x005a9c;
    const width = highlight === 'shown' || highlight === 'hint' ? 7 : 4;
    const gap = highlight === 'shown' || highlight === 'hint' ? 8 : 5;
    g.lineStyle(width, color, 1);
    g.strokeRoundedRect(LEFT - gap, TOP - gap, W + gap * 2, H + gap * 2, 12);
  }

  destroy(): void {
    this.scene.tweens.killTweensOf(this.container);
    this.container.destroy();
  }
}
