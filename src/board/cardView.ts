// One card on the fresco: its painted face (one texture, see cardPainter.ts) in a container that
// moves, lifts, turns over and shows a ring when highlighted. Cheap to draw every frame, so that
// a fresco of 150 cards stays smooth.
import Phaser from './phaser';
import type { CardDef } from '../core/schema';
import type { Lang } from '../core/text';
import { H, LEFT, TOP, W } from './cardText';
import { cardCanvas, PAINT_HEIGHT, PAINT_WIDTH } from './cardPainter';
import { fontFamily, highContrast } from './palette';
import type { Measure } from './wrap';

/** Where an arrow starts from a card, relative to its centre (world units), and its reach. */
export const HANDLE_OFFSET = { x: W / 2, y: 0 };
export const HANDLE_HIT_RADIUS = 20;

export type CardHighlight = 'none' | 'selected' | 'source' | 'target' | 'hint' | 'shown';

let measureContext: CanvasRenderingContext2D | null = null;

/** Text width as the board draws it (same font, same size). */
export function measureFor(size: number, weight: 'normal' | 'bold' = 'normal', style: 'normal' | 'italic' = 'normal'): Measure {
  measureContext ??= document.createElement('canvas').getContext('2d', { willReadFrequently: true });
  const font = `${style} ${weight} ${size}px ${fontFamily()}`;
  return (text: string) => {
    if (!measureContext) return text.length * size * 0.55;
    measureContext.font = font;
    return measureContext.measureText(text).width;
  };
}

let textureSerial = 0;

export class CardView {
  readonly container: Phaser.GameObjects.Container;
  private readonly image: Phaser.GameObjects.Image;
  private ring: Phaser.GameObjects.Graphics | null = null;
  private textures = new Map<string, string>();
  private faceDown = false;
  private lang: Lang | null = null;
  private highlight: CardHighlight = 'none';
  private lifted = false;

  constructor(
    private readonly scene: Phaser.Scene,
    readonly card: CardDef,
    private readonly resolution: number,
  ) {
    this.image = scene.add.image(0, 0, '__DEFAULT');
    this.container = scene.add.container(0, 0, [this.image]);
    this.container.setSize(W, H);
  }

  /** The texture of one face in the current language, painted once and kept. */
  private texture(face: 'front' | 'back'): string {
    const wanted = `${face}:${this.lang}:${fontFamily()}:${highContrast()}`;
    const existing = this.textures.get(wanted);
    if (existing) return existing;
    const key = `card-${++textureSerial}`;
    this.scene.textures.addCanvas(key, cardCanvas({ card: this.card, lang: this.lang ?? 'fr', face, measureFor }, this.resolution));
    this.textures.set(wanted, key);
    return key;
  }

  private showFace(): void {
    this.image.setTexture(this.texture(this.faceDown ? 'back' : 'front'));
    this.image.setDisplaySize(PAINT_WIDTH, PAINT_HEIGHT);
  }

  setLang(lang: Lang): void {
    if (this.lang === lang) return;
    this.lang = lang;
    this.forget();
    this.showFace();
  }

  setFaceDown(faceDown: boolean, animate: boolean, reducedMotion: boolean): void {
    if (this.faceDown === faceDown) return;
    this.faceDown = faceDown;
    if (!animate) {
      this.showFace();
      return;
    }
    if (reducedMotion) {
      this.showFace();
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
        this.showFace();
        this.scene.tweens.add({ targets: this.container, scaleX: this.lifted ? 1.04 : 1, duration: 110, ease: 'Sine.easeOut' });
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
    if (this.lifted === lifted) return;
    this.lifted = lifted;
    this.container.setScale(lifted ? 1.04 : 1);
  }

  setHighlight(highlight: CardHighlight): void {
    if (this.highlight === highlight) return;
    this.highlight = highlight;
    if (highlight === 'none') {
      this.ring?.clear();
      return;
    }
    this.ring ??= this.scene.add.graphics();
    if (!this.container.exists(this.ring)) this.container.add(this.ring);
    const g = this.ring;
    g.clear();
    // A hint rings the card in amber, what the facilitator shows in a thick blue ring.
    const color = highlight === 'target' ? 0x1a7f37 : highlight === 'hint' ? 0xb7791f : 0x005a9c;
    const width = highlight === 'shown' || highlight === 'hint' ? 7 : 4;
    const gap = highlight === 'shown' || highlight === 'hint' ? 8 : 5;
    g.lineStyle(width, color, 1);
    g.strokeRoundedRect(LEFT - gap, TOP - gap, W + gap * 2, H + gap * 2, 12);
  }

  /** Frees the painted faces (a language or display change paints them again). */
  private forget(): void {
    for (const key of this.textures.values()) if (this.scene.textures.exists(key)) this.scene.textures.remove(key);
    this.textures.clear();
  }

  destroy(): void {
    this.scene.tweens.killTweensOf(this.container);
    this.container.destroy();
    this.forget();
  }
}
