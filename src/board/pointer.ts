// Pointer input on the fresco (mouse, pen, touch), turned into the game's actions: drag a card,
// draw an arrow from a handle, select an arrow, tap a card to turn it over, pan and zoom.
// Tapping instead of dragging works too: tap a handle then a card to draw an arrow, tap a hand
// card then the fresco to place it.
import type { Point } from '../core/fresco';
import { freeSpot } from '../core/layout';
import { playSound } from '../state/effects';
import { play } from '../state/game';
import { getState, setUi } from '../state/store';
import { keepInSight, panBy, screenToWorld, zoomAt, type View } from './camera';
import type { FrescoScene } from './scene';
import { layoutOf } from '../core/progress';

/** Movement (CSS px) under which a press is a tap, not a drag. */
const TAP_SLOP = 6;
/** How long a press held still takes to open a card's menu. */
const LONG_PRESS_MS = 550;
/**
 * How long the view stays still, after a pan, a pinch or a turn of the wheel, before the fresco is
 * drawn sharp again: a gesture begun sooner keeps the picture of the last one.
 */
const VIEW_SETTLE_MS = 350;

type Gesture =
  | { kind: 'none' }
  | { kind: 'press-note'; note: string; start: Point; offset: Point }
  | { kind: 'drag-note'; note: string; offset: Point }
  | { kind: 'press-card'; card: string; start: Point; offset: Point }
  | { kind: 'drag-card'; card: string; offset: Point }
  | { kind: 'press-handle'; card: string; start: Point }
  | { kind: 'draw'; from: string }
  | { kind: 'press-link'; link: string; start: Point }
  | { kind: 'press-background'; start: Point }
  | { kind: 'pan'; last: Point }
  | { kind: 'pinch'; startDistance: number; startView: View; startMid: Point };

export interface PointerHost {
  scene: FrescoScene;
  canvas: HTMLElement;
  setView(view: View): void;
  syncSize(): void;
  /** Is this page point over the hand tray (dropping a card there takes it back)? */
  overHand(page: Point): boolean;
  /** Opens the menu of actions on a card (long press, right click). */
  openMenu(cardId: string): void;
  /** Notes of a workshop: whether this window may move them, and moving one. */
  canMoveNotes(): boolean;
  moveNote(id: string, x: number, y: number): void;
}

export function attachPointer(host: PointerHost): () => void {
  const { scene, canvas } = host;
  const pointers = new Map<number, Point>();
  let gesture: Gesture = { kind: 'none' };
  let primary: number | null = null;
  let longPress: number | undefined;

  const local = (event: PointerEvent | WheelEvent): Point => {
    const rect = canvas.getBoundingClientRect();
    return { x: event.clientX - rect.left, y: event.clientY - rect.top };
  };
  const world = (screen: Point) => screenToWorld(scene.view, screen);
  const moved = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y) > TAP_SLOP;
  const boardCenters = (except: string) => {
    const placed = getState().game?.progress.history.present.placed ?? {};
    return Object.entries(placed)
      .filter(([id]) => id !== except)
      .map(([, point]) => point);
  };
  const setView = (view: View) => {
    const level = scene.level;
    const rect = canvas.getBoundingClientRect();
    host.setView(level ? keepInSight(view, layoutOf(level).world, rect.width, rect.height) : view);
  };
  // An arrow ends on the card under the pointer, even where a label lies over that card.
  const cardUnder = (point: Point, except: string): string | null => scene.cardAt(point, except);

  function startPinch(): void {
    const [a, b] = [...pointers.values()];
    if (!a || !b) return;
    if (gesture.kind === 'drag-card') scene.setDrag(null);
    if (gesture.kind === 'draw') scene.setDrawing(null);
    scene.freezeView();
    gesture = {
      kind: 'pinch',
      startDistance: Math.max(1, Math.hypot(a.x - b.x, a.y - b.y)),
      startView: scene.view,
      startMid: { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 },
    };
  }

  function onDown(event: PointerEvent): void {
    if (event.pointerType === 'mouse' && event.button !== 0) return;
    host.syncSize();
    const screen = local(event);
    pointers.set(event.pointerId, screen);
    canvas.setPointerCapture?.(event.pointerId);
    if (pointers.size === 2) {
      startPinch();
      return;
    }
    if (pointers.size > 2) return;
    primary = event.pointerId;
    const point = world(screen);
    const hit = scene.hitTest(point);
    switch (hit.type) {
      case 'note': {
        const center = scene.noteCenter(hit.note) ?? point;
        gesture = { kind: 'press-note', note: hit.note, start: screen, offset: { x: center.x - point.x, y: center.y - point.y } };
        break;
      }
      case 'handle':
        gesture = { kind: 'press-handle', card: hit.card, start: screen };
        break;
      case 'card': {
        const center = scene.cardCenter(hit.card) ?? point;
        gesture = { kind: 'press-card', card: hit.card, start: screen, offset: { x: center.x - point.x, y: center.y - point.y } };
        // Held still on a touch screen, the press opens the card's menu (a mouse has its right
        // click; a slow mouse drag must stay a drag).
        const card = hit.card;
        if (event.pointerType !== 'mouse') longPress = window.setTimeout(() => {
          if (gesture.kind !== 'press-card' || gesture.card !== card) return;
          gesture = { kind: 'none' };
          primary = null;
          host.openMenu(card);
        }, LONG_PRESS_MS);
        break;
      }
      case 'label':
      case 'arrow':
        gesture = { kind: 'press-link', link: hit.link, start: screen };
        break;
      case 'background':
        gesture = { kind: 'press-background', start: screen };
        break;
    }
  }

  function onMove(event: PointerEvent): void {
    const screen = local(event);
    if (!pointers.has(event.pointerId)) {
      hover(screen);
      return;
    }
    pointers.set(event.pointerId, screen);
    if (gesture.kind === 'pinch') {
      const [a, b] = [...pointers.values()];
      if (!a || !b) return;
      const distance = Math.max(1, Math.hypot(a.x - b.x, a.y - b.y));
      const mid = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
      const zoomed = zoomAt(gesture.startView, gesture.startMid, distance / gesture.startDistance);
      setView(panBy(zoomed, mid.x - gesture.startMid.x, mid.y - gesture.startMid.y));
      return;
    }
    if (event.pointerId !== primary) return;
    const point = world(screen);
    if (gesture.kind === 'press-card' && moved(screen, gesture.start)) window.clearTimeout(longPress);
    switch (gesture.kind) {
      case 'press-note':
        if (moved(screen, gesture.start) && host.canMoveNotes()) {
          gesture = { kind: 'drag-note', note: gesture.note, offset: gesture.offset };
          scene.setNoteDrag({ card: gesture.note, x: point.x + gesture.offset.x, y: point.y + gesture.offset.y });
        }
        break;
      case 'drag-note':
        scene.setNoteDrag({ card: gesture.note, x: point.x + gesture.offset.x, y: point.y + gesture.offset.y });
        break;
      case 'press-card':
        if (moved(screen, gesture.start)) {
          gesture = { kind: 'drag-card', card: gesture.card, offset: gesture.offset };
          playSound('pick');
          scene.setDrag({ card: gesture.card, x: point.x + gesture.offset.x, y: point.y + gesture.offset.y });
        }
        break;
      case 'drag-card':
        scene.setDrag({ card: gesture.card, x: point.x + gesture.offset.x, y: point.y + gesture.offset.y });
        break;
      case 'press-handle':
        if (moved(screen, gesture.start)) {
          setUi({ linkingFrom: null, selectedLink: null });
          gesture = { kind: 'draw', from: gesture.card };
          scene.setDrawing({ from: gesture.from, to: point, over: cardUnder(point, gesture.from) });
        }
        break;
      case 'draw':
        scene.setDrawing({ from: gesture.from, to: point, over: cardUnder(point, gesture.from) });
        break;
      case 'press-background':
        // The press becomes a pan once it moves, counting the whole way from where it started.
        if (moved(screen, gesture.start)) pan(gesture.start, screen);
        break;
      case 'pan':
        pan(gesture.last, screen);
        break;
      default:
        break;
    }
  }

  function pan(from: Point, to: Point): void {
    if (gesture.kind !== 'pan') scene.freezeView();
    setView(panBy(scene.view, to.x - from.x, to.y - from.y));
    gesture = { kind: 'pan', last: to };
  }

  function onUp(event: PointerEvent): void {
    window.clearTimeout(longPress);
    const screen = pointers.get(event.pointerId) ?? local(event);
    pointers.delete(event.pointerId);
    if (gesture.kind === 'pinch') {
      if (pointers.size === 0) {
        gesture = { kind: 'none' };
        scene.thawViewSoon(VIEW_SETTLE_MS);
      }
      return;
    }
    if (event.pointerId !== primary) return;
    primary = null;
    const ui = getState().ui;
    const point = world(screen);
    const page = { x: event.clientX, y: event.clientY };
    const ended = gesture;
    gesture = { kind: 'none' };
    switch (ended.kind) {
      case 'drag-note':
        scene.setNoteDrag(null);
        host.moveNote(ended.note, Math.round(point.x + ended.offset.x), Math.round(point.y + ended.offset.y));
        break;
      case 'press-card':
        if (ui.linkingFrom && ui.linkingFrom !== ended.card) {
          setUi({ pendingLink: { from: ui.linkingFrom, to: ended.card, relabel: null }, linkingFrom: null });
        } else {
          const faceDown = getState().game?.progress.faceDown.includes(ended.card) ?? false;
          play({ type: 'flip', card: ended.card });
          setUi({ readingCard: faceDown ? null : ended.card, selectedLink: null, linkingFrom: null });
        }
        break;
      case 'drag-card': {
        scene.setDrag(null);
        if (host.overHand(page)) {
          play({ type: 'return', card: ended.card });
          break;
        }
        const target = { x: point.x + ended.offset.x, y: point.y + ended.offset.y };
        const spot = freeSpot({ x: Math.round(target.x), y: Math.round(target.y) }, boardCenters(ended.card));
        play({ type: 'place', card: ended.card, ...spot });
        break;
      }
      case 'press-handle':
        if (ui.linkingFrom && ui.linkingFrom !== ended.card) {
          setUi({ pendingLink: { from: ui.linkingFrom, to: ended.card, relabel: null }, linkingFrom: null });
        } else setUi({ linkingFrom: ui.linkingFrom === ended.card ? null : ended.card, selectedLink: null });
        break;
      case 'draw': {
        scene.setDrawing(null);
        const over = cardUnder(point, ended.from);
        if (over) setUi({ pendingLink: { from: ended.from, to: over, relabel: null }, selectedLink: null });
        break;
      }
      case 'press-link':
        setUi({ selectedLink: ended.link, linkingFrom: null });
        break;
      case 'pan':
        scene.thawViewSoon(VIEW_SETTLE_MS);
        break;
      case 'press-background':
        if (ui.placingCard) {
          const spot = freeSpot({ x: Math.round(point.x), y: Math.round(point.y) }, boardCenters(ui.placingCard));
          const card = ui.placingCard;
          setUi({ placingCard: null });
          play({ type: 'place', card, ...spot });
        } else setUi({ selectedLink: null, linkingFrom: null });
        break;
      default:
        break;
    }
  }

  function onCancel(event: PointerEvent): void {
    pointers.delete(event.pointerId);
    scene.thawViewSoon(VIEW_SETTLE_MS);
    if (gesture.kind === 'drag-card') scene.setDrag(null);
    if (gesture.kind === 'drag-note') scene.setNoteDrag(null);
    if (gesture.kind === 'draw') scene.setDrawing(null);
    if (pointers.size === 0) gesture = { kind: 'none' };
  }

  function hover(screen: Point): void {
    const hit = scene.hitTest(world(screen));
    canvas.style.cursor =
      hit.type === 'handle' ? 'crosshair' : hit.type === 'card' || hit.type === 'note' ? 'grab' : hit.type === 'label' || hit.type === 'arrow' ? 'pointer' : getState().ui.placingCard ? 'copy' : 'default';
  }

  function onWheel(event: WheelEvent): void {
    event.preventDefault();
    const screen = local(event);
    // Trackpad pinches arrive as wheel events with ctrlKey; both zoom around the pointer.
    const factor = Math.exp(-event.deltaY * (event.ctrlKey ? 0.01 : 0.0015));
    // A wheel gesture is a run of events: the fresco is drawn sharp again once it stops (a pan or
    // a pinch begun meanwhile keeps the picture, and puts off the moment).
    scene.freezeView();
    if (gesture.kind !== 'pan' && gesture.kind !== 'pinch') scene.thawViewSoon(VIEW_SETTLE_MS);
    setView(zoomAt(scene.view, screen, factor));
  }

  // A right click on a card opens its menu.
  const prevent = (event: MouseEvent) => {
    event.preventDefault();
    const hit = scene.hitTest(world(local(event as PointerEvent)));
    if (hit.type === 'card' || hit.type === 'handle') host.openMenu(hit.card);
  };
  canvas.addEventListener('pointerdown', onDown);
  canvas.addEventListener('pointermove', onMove);
  canvas.addEventListener('pointerup', onUp);
  canvas.addEventListener('pointercancel', onCancel);
  canvas.addEventListener('wheel', onWheel, { passive: false });
  canvas.addEventListener('contextmenu', prevent);
  return () => {
    canvas.removeEventListener('pointerdown', onDown);
    canvas.removeEventListener('pointermove', onMove);
    canvas.removeEventListener('pointerup', onUp);
    canvas.removeEventListener('pointercancel', onCancel);
    canvas.removeEventListener('wheel', onWheel);
    canvas.removeEventListener('contextmenu', prevent);
  };
}
