// The fresco scene: draws zones, cards and arrows from the store, and answers what lies under a
// world point. It decides nothing about the game: input goes through pointer.ts to the store.
import Phaser from './phaser';
import { linkSignature, type Link, type Point } from '../core/fresco';
import { judgeLink, type Verdict } from '../core/check';
import { cardRect, contains, encloses, NOTE_HEIGHT, NOTE_WIDTH, type Rect } from '../core/layout';
import { cardOf, type Level } from '../core/level';
import { layoutOf } from '../core/progress';
import { displayText, type Lang } from '../core/text';
import type { AppState } from '../state/store';
import { relationLabel } from '../state/game';
import { ArrowView, labelSize, labelText, type ArrowStatus } from './arrowView';
import { CardView, HANDLE_HIT_RADIUS, HANDLE_OFFSET } from './cardView';
import { NoteView } from './noteView';
import { arrowPath, bendsFor, distanceToCurve, placeLabels, routeArrow, type ArrowPath } from './geometry';
import { fontFamily, highContrast, TEXT_SIZES, ZONE_LABEL, ZONE_TINTS } from './palette';
import type { View } from './camera';

export type Hit =
  | { type: 'note'; note: string }
  | { type: 'handle'; card: string }
  | { type: 'label'; link: string }
  | { type: 'card'; card: string }
  | { type: 'arrow'; link: string }
  | { type: 'background' };

/** A card being dragged: shown at the pointer until it is dropped. */
export interface Drag {
  card: string;
  x: number;
  y: number;
}

/** An arrow being drawn from a card's handle to the pointer. */
export interface Drawing {
  from: string;
  to: Point;
  over: string | null;
}

const DEPTH = { zones: 0, cards: 100, arrows: 10_000, labels: 20_000, notes: 25_000, drawing: 30_000, dragged: 40_000 };

export class FrescoScene extends Phaser.Scene {
  level: Level | null = null;
  view: View = { x: 0, y: 0, zoom: 1 };
  /** Device pixels per CSS pixel: the canvas is drawn at full resolution, the camera compensates. */
  dpr = 1;
  reducedMotion = false;
  private lang: Lang = 'fr';
  private display = '';
  private zoneObjects: Phaser.GameObjects.GameObject[] = [];
  private cards = new Map<string, CardView>();
  private arrows = new Map<string, ArrowView>();
  private paths = new Map<string, ArrowPath>();
  private labels = new Map<string, Rect>();
  private placedLabels = new Map<string, Rect>();
  private labelKeys = new Map<string, string>();
  private routes = new Map<string, { key: string; path: ArrowPath }>();
  /** The cards' rects, for the placement `routedPlacement` (what routes and labels avoid). */
  private cardRects = new Map<string, Rect>();
  private routedPlacement: Record<string, Point> | null = null;
  private drawingArrow: ArrowView | null = null;
  private frozen: { image: Phaser.GameObjects.Image; hidden: (Phaser.GameObjects.GameObject & Phaser.GameObjects.Components.Visible)[]; view: boolean; area: Rect } | null = null;
  /** Set while a view gesture has ended and the fresco waits a moment before it is drawn sharp. */
  private thawTimer: number | undefined;
  private notes = new Map<string, NoteView>();
  private noteDrag: Drag | null = null;
  private drag: Drag | null = null;
  private drawing: Drawing | null = null;
  private state: AppState | null = null;
  private ready: (() => void) | null = null;
  readonly whenReady: Promise<void>;
  /** Told whenever what is drawn changes (the board wakes its render loop). */
  onChange: () => void = () => {};

  constructor() {
    super({ key: 'fresco' });
    this.whenReady = new Promise((resolve) => (this.ready = resolve));
  }

  create(): void {
    this.cameras.main.setOrigin(0, 0);
    this.applyView();
    this.ready?.();
  }

  get textResolution(): number {
    // Text is rasterised once: sharp up to a 2× zoom on the current screen.
    return Math.min(4, Math.max(2, this.dpr * 2));
  }

  /**
   * Pixels per world unit of a card's painting: sharp at the usual zooms without 150 cards
   * taking hundreds of megabytes of video memory.
   */
  get cardResolution(): number {
    return Math.min(2.5, Math.max(1.25, this.dpr * 1.25));
  }

  setView(view: View): void {
    // A frozen picture shows the old view: the live objects come back when the view moves.
    if (this.frozen && !this.frozen.view && (view.x !== this.view.x || view.y !== this.view.y || view.zoom !== this.view.zoom)) this.thaw();
    this.view = view;
    this.applyView();
    this.onChange();
  }

  private applyView(): void {
    const camera = this.cameras?.main;
    if (!camera) return;
    camera.setZoom(this.view.zoom * this.dpr);
    camera.setScroll(this.view.x, this.view.y);
  }

  setDrag(drag: Drag | null): void {
    // A move of the card being dragged changes that card and its arrows only: the rest of the
    // fresco is not looked at (a full sync of 150 cards and 250 arrows at each pointer move would
    // cost a slow laptop several milliseconds a frame).
    if (drag && this.drag?.card === drag.card && this.state?.game && this.sys.isActive()) {
      this.drag = drag;
      this.onChange();
      this.cards.get(drag.card)?.moveTo(drag.x, drag.y, false);
      this.syncArrows(this.state, drag.card);
      return;
    }
    if (drag && !this.drag) {
      const links = this.state?.game?.progress.history.present.links ?? [];
      this.freeze({ cards: new Set([drag.card]), links: new Set(links.filter((l) => l.from === drag.card || l.to === drag.card).map((l) => l.id)), notes: new Set() });
    }
    if (!drag) this.thaw();
    this.drag = drag;
    if (this.state) this.sync(this.state);
  }

  /**
   * While a gesture moves a few things, everything else is drawn once into a texture and shown as
   * one image: each frame of the gesture then draws little, however large the fresco (a school
   * laptop without a real graphics card draws a 150-card fresco as fast as an empty one).
   */
  private freeze(live: { cards: Set<string> | 'all'; links: Set<string>; notes: Set<string> }, around = 0): void {
    // The picture of a pan that has just ended shows the card about to be dragged: drawn again.
    if (this.frozen?.view && around === 0) this.thawView();
    if (this.frozen) return;
    const main = this.cameras.main;
    // For a pan or a zoom, the picture covers `around` views on each side of the current one, so
    // that what comes into view while the gesture lasts is already drawn.
    const limit = 4096;
    const span = 1 + around * 2;
    const width = Math.max(1, Math.min(limit, Math.ceil(this.scale.width * span)));
    const height = Math.max(1, Math.min(limit, Math.ceil(this.scale.height * span)));
    const zoom = main.zoom;
    const scrollX = main.scrollX - (width - this.scale.width) / 2 / zoom;
    const scrollY = main.scrollY - (height - this.scale.height) / 2 / zoom;
    const key = 'frozen-layer';
    let texture = this.textures.exists(key) ? (this.textures.get(key) as Phaser.Textures.DynamicTexture) : this.textures.addDynamicTexture(key, width, height);
    if (!texture) return;
    if (texture.width !== width || texture.height !== height) texture.setSize(width, height);
    const still: (Phaser.GameObjects.GameObject & Phaser.GameObjects.Components.Visible & Phaser.GameObjects.Components.Depth)[] = [
      ...(this.zoneObjects as (Phaser.GameObjects.Graphics | Phaser.GameObjects.Text)[]),
      ...[...this.cards].filter(([id]) => live.cards !== 'all' && !live.cards.has(id)).map(([, view]) => view.container),
      ...[...this.arrows].filter(([id]) => !live.links.has(id) && !id.startsWith('__')).flatMap(([, view]) => [view.line, view.pill]),
      ...[...this.notes].filter(([id]) => !live.notes.has(id)).map(([, view]) => view.container),
    ].filter((object) => object.visible);
    still.sort((a, b) => a.depth - b.depth);
    // All drawn in one pass through the texture's own camera, set to the view: capturing them one
    // by one through another camera drew each in its own batch (650 draw calls for a 150-card
    // fresco, a fifth of a second at the start of every gesture on a laptop without a GPU).
    texture.camera.setOrigin(0, 0).setZoom(zoom).setScroll(scrollX, scrollY);
    texture.clear();
    texture.draw(still);
    texture.render();
    for (const object of still) object.setVisible(false);
    const image = this.add.image(scrollX, scrollY, key).setOrigin(0, 0).setScale(1 / zoom).setDepth(-1);
    this.frozen = { image, hidden: still, view: around > 0, area: { x: scrollX, y: scrollY, width: width / zoom, height: height / zoom } };
  }

  /**
   * Freezes everything for a pan or a zoom (the picture moves and scales with the view). A gesture
   * begun just after another one keeps its picture if it still covers the view: panning in short
   * strokes, or zooming notch by notch, then draws the whole fresco once, not twice a stroke.
   */
  freezeView(): void {
    if (this.thawTimer !== undefined) {
      window.clearTimeout(this.thawTimer);
      this.thawTimer = undefined;
      if (this.frozen?.view && !encloses(this.frozen.area, this.viewArea())) this.thaw();
    }
    this.freeze({ cards: new Set(), links: new Set(), notes: new Set() }, 0.5);
  }

  /** A gesture is under way (or its picture is shown): frames come first. */
  get busy(): boolean {
    return this.frozen !== null || this.drag !== null || this.noteDrag !== null || this.drawing !== null;
  }

  /**
   * Shows the gestures' picture for a moment while nothing happens: the shaders it is drawn with
   * are compiled then, not at the player's first drag.
   */
  warmUp(): void {
    if (this.busy || !this.sys.isActive()) return;
    this.freezeView();
    this.onChange();
    this.thawViewSoon(200);
  }

  /** The fresco is drawn sharp again once the view has been still for `delay` milliseconds. */
  thawViewSoon(delay: number): void {
    window.clearTimeout(this.thawTimer);
    this.thawTimer = window.setTimeout(() => this.thawView(), delay);
  }

  thawView(): void {
    window.clearTimeout(this.thawTimer);
    this.thawTimer = undefined;
    if (this.frozen?.view) this.thaw();
  }

  /** The world area the view shows. */
  private viewArea(): Rect {
    const main = this.cameras.main;
    return { x: main.scrollX, y: main.scrollY, width: this.scale.width / main.zoom, height: this.scale.height / main.zoom };
  }

  private thaw(): void {
    if (!this.frozen) return;
    for (const object of this.frozen.hidden) if (object.active) object.setVisible(true);
    this.frozen.image.destroy();
    this.frozen = null;
  }

  /** A note being dragged (its id in `card`). */
  setNoteDrag(drag: Drag | null): void {
    if (drag && !this.noteDrag) this.freeze({ cards: new Set(), links: new Set(), notes: new Set([drag.card]) });
    if (!drag) this.thaw();
    this.noteDrag = drag;
    if (this.state) this.sync(this.state);
  }

  noteCenter(id: string): Point | null {
    if (this.noteDrag?.card === id) return { x: this.noteDrag.x, y: this.noteDrag.y };
    const note = this.state?.workshop?.notes.find((candidate) => candidate.id === id);
    return note ? { x: note.x, y: note.y } : null;
  }

  setDrawing(drawing: Drawing | null): void {
    // Cards stay live while an arrow is drawn (the card under the pointer lights up).
    if (drawing && !this.drawing) this.freeze({ cards: 'all', links: new Set(), notes: new Set() });
    if (!drawing) this.thaw();
    this.drawing = drawing;
    if (this.state) this.sync(this.state);
  }

  /** Centre of a card as shown now (the drag position while it is dragged). */
  cardCenter(id: string): Point | null {
    if (this.drag?.card === id) return { x: this.drag.x, y: this.drag.y };
    return this.state?.game?.progress.history.present.placed[id] ?? null;
  }

  handleCenter(id: string): Point | null {
    const c = this.cardCenter(id);
    return c ? { x: c.x + HANDLE_OFFSET.x, y: c.y + HANDLE_OFFSET.y } : null;
  }

  labelCenter(linkId: string): Point | null {
    const rect = this.labels.get(linkId);
    return rect ? { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 } : null;
  }

  /** The top-most card (or its handle) under a world point, ignoring arrows and labels. */
  cardAt(point: Point, except: string | null = null): string | null {
    const placed = this.state?.game?.progress.history.present.placed ?? {};
    for (const id of Object.keys(placed).reverse()) {
      if (id === except) continue;
      const c = this.cardCenter(id);
      const handle = this.handleCenter(id);
      if (c && contains(cardRect(c), point)) return id;
      if (handle && Math.hypot(point.x - handle.x, point.y - handle.y) <= HANDLE_HIT_RADIUS) return id;
    }
    return null;
  }

  /** What is under a world point, top-most first: handles, labels, cards, arrows. */
  hitTest(point: Point): Hit {
    for (const note of [...(this.state?.workshop?.notes ?? [])].reverse()) {
      const c = this.noteCenter(note.id);
      if (c && contains({ x: c.x - NOTE_WIDTH / 2, y: c.y - NOTE_HEIGHT / 2, width: NOTE_WIDTH, height: NOTE_HEIGHT }, point)) return { type: 'note', note: note.id };
    }
    const placed = this.state?.game?.progress.history.present.placed ?? {};
    const order = Object.keys(placed).reverse();
    for (const id of order) {
      const handle = this.handleCenter(id);
      if (handle && Math.hypot(point.x - handle.x, point.y - handle.y) <= HANDLE_HIT_RADIUS) return { type: 'handle', card: id };
    }
    for (const [id, rect] of [...this.labels.entries()].reverse()) if (contains(rect, point)) return { type: 'label', link: id };
    for (const id of order) {
      const c = this.cardCenter(id);
      if (c && contains(cardRect(c), point)) return { type: 'card', card: id };
    }
    const tolerance = 9 / this.view.zoom;
    let nearest: { link: string; distance: number } | null = null;
    for (const [id, path] of this.paths) {
      const distance = distanceToCurve(path, point);
      if (distance <= tolerance && (!nearest || distance < nearest.distance)) nearest = { link: id, distance };
    }
    return nearest ? { type: 'arrow', link: nearest.link } : { type: 'background' };
  }

  /** Draws what the state says; objects whose inputs did not change are left alone. */
  sync(state: AppState): void {
    this.state = state;
    const game = state.game;
    if (!game || !this.sys.isActive()) return;
    // A change just after a pan (a card turned over, a table's move) shows at once.
    if (this.thawTimer !== undefined) this.thawView();
    this.onChange();
    // A new level, or another typeface or contrast: everything is drawn again.
    const display = `${state.font}|${state.contrast}`;
    if (game.level !== this.level || display !== this.display) {
      this.display = display;
      this.buildLevel(game.level);
    }
    const langChanged = state.lang !== this.lang;
    this.lang = state.lang;
    if (langChanged) this.drawZones();

    const { progress } = game;
    const board = progress.history.present;
    const ui = state.ui;

    // Cards.
    const placedIds = Object.keys(board.placed);
    for (const [id, view] of this.cards) {
      if (!(id in board.placed) && this.drag?.card !== id) {
        view.destroy();
        this.cards.delete(id);
      }
    }
    placedIds.forEach((id, index) => {
      const card = cardOf(game.level, id);
      if (!card) return;
      let view = this.cards.get(id);
      const isNew = !view;
      if (!view) {
        view = new CardView(this, card, this.cardResolution);
        this.cards.set(id, view);
      }
      view.setLang(state.lang);
      const dragged = this.drag?.card === id;
      const at = dragged && this.drag ? this.drag : board.placed[id]!;
      view.moveTo(at.x, at.y, !isNew && !dragged && !this.reducedMotion);
      view.container.setDepth(dragged ? DEPTH.dragged : DEPTH.cards + index);
      view.setLifted(dragged);
      view.setFaceDown(progress.faceDown.includes(id), !isNew, this.reducedMotion);
      const workshop = state.workshop;
      const hinted =
        workshop?.hint?.kind === 'card'
          ? workshop.hint.card === id
          : workshop?.hint?.kind === 'link'
            ? [game.level.links[workshop.hint.link]?.from, game.level.links[workshop.hint.link]?.to].includes(id)
            : false;
      const highlight =
        ui.linkingFrom === id || ui.pendingLink?.from === id || this.drawing?.from === id
          ? 'source'
          : this.drawing?.over === id || ui.pendingLink?.to === id
            ? 'target'
            : workshop?.highlight?.kind === 'card' && workshop.highlight.card === id
              ? 'shown'
              : hinted
                ? 'hint'
                : ui.readingCard === id
                  ? 'selected'
                  : 'none';
      view.setHighlight(highlight);
    });

    this.syncArrows(state);
    this.syncNotes(state);
  }

  private syncNotes(state: AppState): void {
    const notes = state.workshop?.notes ?? [];
    const ids = new Set(notes.map((note) => note.id));
    for (const [id, view] of this.notes) {
      if (!ids.has(id)) {
        view.destroy();
        this.notes.delete(id);
      }
    }
    for (const note of notes) {
      let view = this.notes.get(note.id);
      if (!view) {
        view = new NoteView(this, this.textResolution);
        view.container.setDepth(DEPTH.notes);
        this.notes.set(note.id, view);
      }
      view.update(note, this.noteCenter(note.id) ?? note);
    }
  }

  private verdictOf(link: Link): Verdict | null {
    const progress = this.state?.game?.progress;
    const check = progress?.check;
    if (!check) return null;
    return check.verdicts[linkSignature(link)] ?? null;
  }

  /** With `only`, the arrows of that card alone are looked at; the others stay as they are. */
  private syncArrows(state: AppState, only: string | null = null): void {
    const game = state.game!;
    const board = game.progress.history.present;
    const links = [...board.links];
    const pending = state.ui.pendingLink;
    const pendingId = '__pending__';
    if (pending && !pending.relabel) links.push({ id: pendingId, from: pending.from, to: pending.to, relation: '' });
    // Links of the correction the group has not drawn, revealed by the facilitator.
    const workshop = state.workshop;
    const revealedDrawn = new Set<string>();
    const drawn = (workshop?.revealed.length ?? 0) > 0 ? new Set(board.links.map(linkSignature)) : new Set<string>();
    for (const index of workshop?.revealed ?? []) {
      const expected = game.level.links[index];
      if (!expected) continue;
      const found = expected.relations.find((relation) => drawn.has(linkSignature({ ...expected, relation })));
      if (found) revealedDrawn.add(linkSignature({ ...expected, relation: found }));
      else if (expected.from in board.placed && expected.to in board.placed) {
        links.push({ id: `revealed-${index}`, from: expected.from, to: expected.to, relation: expected.relations[0]! });
      }
    }

    // Fan out the arrows between the same two cards.
    const pairCount = new Map<string, number>();
    const pairIndex = new Map<string, number>();
    const pairKey = (link: Link) => (link.from < link.to ? `${link.from}|${link.to}` : `${link.to}|${link.from}`);
    for (const link of links) {
      const key = pairKey(link);
      pairCount.set(key, (pairCount.get(key) ?? 0) + 1);
    }

    // The cards every route avoids are those of the fresco as saved: while a card is dragged, only
    // its own arrows are routed again (the rest wait for the drop). Routes and labels are cached.
    if (board.placed !== this.routedPlacement) {
      this.routedPlacement = board.placed;
      this.routes.clear();
      this.labelKeys.clear();
      this.cardRects = new Map(Object.keys(board.placed).map((id) => [id, cardRect(board.placed[id]!)]));
    }
    const cardRects = this.cardRects;
    const seen = new Set<string>();
    const requests: { id: string; path: ArrowPath; width: number; height: number; text: string; status: ArrowStatus }[] = [];
    for (const link of links) {
      const from = this.cardCenter(link.from);
      const to = this.cardCenter(link.to);
      if (!from || !to) continue;
      const key = pairKey(link);
      const index = pairIndex.get(key) ?? 0;
      pairIndex.set(key, index + 1);
      if (only !== null && link.from !== only && link.to !== only) {
        seen.add(link.id);
        continue;
      }
      const bend = bendsFor(pairCount.get(key) ?? 1)[index] ?? 0.14;
      const routeKey = `${from.x},${from.y}|${to.x},${to.y}|${bend}`;
      let path = this.routes.get(link.id)?.key === routeKey ? this.routes.get(link.id)!.path : null;
      if (!path) {
        const obstacles: Rect[] = [];
        for (const [id, rect] of cardRects) if (id !== link.from && id !== link.to) obstacles.push(rect);
        path = routeArrow(cardRect(from), cardRect(to), obstacles, bend);
        this.routes.set(link.id, { key: routeKey, path });
      }
      const verdict = this.verdictOf(link);
      const signature = linkSignature(link);
      // Once the facilitator shows the misconceptions, the group's arrows that are misconceptions,
      // or true in the deck without being asked, show as such even before a check.
      const shown = workshop?.misconceptionsShown === true && link.id !== pendingId && !link.id.startsWith('revealed-') ? judgeLink(game.level, link) : null;
      const status: ArrowStatus =
        link.id === pendingId
          ? 'pending'
          : link.id.startsWith('revealed-')
            ? 'revealed'
            : verdict
              ? verdict.status === 'wrong'
                ? 'wrong'
                : verdict.status === 'not-asked'
                  ? 'not-asked'
                  : 'correct'
              : shown?.status === 'wrong' && shown.reason === 'misconception'
                ? 'wrong'
                : shown?.status === 'not-asked'
                  ? 'not-asked'
                  : revealedDrawn.has(signature)
                    ? 'correct'
                    : 'neutral';
      const text = link.id === pendingId ? '?' : labelText(status, relationLabel(game.level, link.relation, state.lang));
      requests.push({ id: link.id, path, ...labelSize(text), text, status });
      seen.add(link.id);
      this.paths.set(link.id, path);
    }

    // Labels: those whose arrow and text did not change keep their place; the others are placed
    // around them.
    const keyOf = (request: (typeof requests)[number]) =>
      `${request.path.start.x},${request.path.start.y},${request.path.control.x},${request.path.control.y},${request.path.end.x},${request.path.end.y}|${request.width}`;
    const isUnchanged = (request: (typeof requests)[number]) => this.placedLabels.has(request.id) && this.labelKeys.get(request.id) === keyOf(request);
    // Only the group's own arrows can be selected; revealed ones are the facilitator's to show.
    const selectable = (id: string) => id !== pendingId && !id.startsWith('revealed-');
    if (only !== null) {
      // The labels of the arrows left alone stay where they are; those of the card's arrows are
      // placed around them (updated in place: nothing else changed).
      const looked = new Set(requests.map((request) => request.id));
      const fixed: Rect[] = [];
      for (const [id, rect] of this.placedLabels) if (!looked.has(id)) fixed.push(rect);
      const moved = requests.filter((request) => !isUnchanged(request));
      if (moved.length > 0) for (const [id, rect] of placeLabels(moved, [...cardRects.values()], fixed)) this.placedLabels.set(id, rect);
      for (const request of requests) {
        this.labelKeys.set(request.id, keyOf(request));
        const rect = this.placedLabels.get(request.id);
        if (rect && selectable(request.id)) this.labels.set(request.id, rect);
      }
    } else {
      const kept = new Map<string, Rect>();
      const moved: typeof requests = [];
      for (const request of requests) {
        if (isUnchanged(request)) kept.set(request.id, this.placedLabels.get(request.id)!);
        else moved.push(request);
      }
      const placedLabels = new Map(kept);
      if (moved.length > 0) {
        for (const [id, rect] of placeLabels(moved, [...cardRects.values()], [...kept.values()])) placedLabels.set(id, rect);
      }
      this.placedLabels = placedLabels;
      this.labelKeys = new Map(requests.map((request) => [request.id, keyOf(request)]));
      this.labels = new Map([...placedLabels].filter(([id]) => selectable(id)));
    }
    const placedLabels = this.placedLabels;

    for (const request of requests) {
      let view = this.arrows.get(request.id);
      if (!view) {
        view = new ArrowView(this, this.textResolution);
        view.line.setDepth(DEPTH.arrows);
        view.pill.setDepth(DEPTH.labels);
        this.arrows.set(request.id, view);
      }
      view.update({
        path: request.path,
        status: request.status,
        selected: state.ui.selectedLink === request.id || (workshop?.highlight?.kind === 'link' && workshop.highlight.link === request.id),
        label: request.text,
        labelRect: placedLabels.get(request.id) ?? null,
      });
    }
    for (const [id, view] of this.arrows) {
      if (!seen.has(id)) {
        view.destroy();
        this.arrows.delete(id);
        this.paths.delete(id);
      }
    }
    this.paths.delete(pendingId);
    for (const id of [...this.paths.keys()]) if (id.startsWith('revealed-')) this.paths.delete(id);

    // The arrow being drawn follows the pointer.
    const drawing = this.drawing;
    const from = drawing ? this.cardCenter(drawing.from) : null;
    if (drawing && from) {
      this.drawingArrow ??= new ArrowView(this, this.textResolution);
      this.drawingArrow.line.setDepth(DEPTH.drawing);
      const target = drawing.over ? this.cardCenter(drawing.over) : null;
      const toRect = target ? cardRect(target) : { x: drawing.to.x - 1, y: drawing.to.y - 1, width: 2, height: 2 };
      this.drawingArrow.update({ path: arrowPath(cardRect(from), toRect, 0.1), status: 'pending', selected: false, label: null, labelRect: null });
    } else if (this.drawingArrow) {
      this.drawingArrow.destroy();
      this.drawingArrow = null;
    }
  }

  private buildLevel(level: Level): void {
    this.thaw();
    for (const view of this.cards.values()) view.destroy();
    for (const view of this.arrows.values()) view.destroy();
    for (const view of this.notes.values()) view.destroy();
    this.notes.clear();
    this.cards.clear();
    this.arrows.clear();
    this.paths.clear();
    this.labels.clear();
    this.placedLabels.clear();
    this.labelKeys.clear();
    this.routes.clear();
    this.routedPlacement = null;
    this.level = level;
    this.lang = this.state?.lang ?? 'fr';
    this.drawZones();
  }

  private drawZones(): void {
    for (const object of this.zoneObjects) object.destroy();
    this.zoneObjects = [];
    const level = this.level;
    if (!level) return;
    const layout = layoutOf(level);
    layout.zones.forEach((zone, i) => {
      const { rect } = zone;
      const g = this.add.graphics().setDepth(DEPTH.zones);
      g.fillStyle(ZONE_TINTS[i % ZONE_TINTS.length]!, 0.55);
      g.fillRoundedRect(rect.x, rect.y, rect.width, rect.height, 28);
      g.lineStyle(highContrast() ? 3 : 2, highContrast() ? 0x000000 : 0x8a7a63, highContrast() ? 0.8 : 0.25);
      g.strokeRoundedRect(rect.x, rect.y, rect.width, rect.height, 28);
      const def = level.zones.find((candidate) => candidate.id === zone.id);
      const label = this.add
        .text(rect.x + 20, rect.y + 14, def ? displayText(def.label, this.lang).toUpperCase() : zone.id, {
          fontFamily: fontFamily(),
          fontSize: `${TEXT_SIZES.zone}px`,
          fontStyle: 'bold',
          color: highContrast() ? '#000000' : ZONE_LABEL,
          resolution: this.textResolution,
          wordWrap: { width: rect.width - 40, useAdvancedWrap: true },
          maxLines: 2,
          lineSpacing: -2,
        })
        .setLetterSpacing(1.5)
        .setAlpha(0.85)
        .setDepth(DEPTH.zones);
      this.zoneObjects.push(g, label);
    });
  }
}
