// Creates the Phaser board inside an element: the game, the scene, the camera, pointer input and
// the link to the store. This module (and Phaser with it) is downloaded when a level opens.
import Phaser from './phaser';
import { positionOf, type Point } from '../core/fresco';
import { CARD_WIDTH, cardRect, freeSpot, NOTE_HEIGHT, NOTE_WIDTH, type Rect } from '../core/layout';
import { layoutOf } from '../core/progress';
import { setUi, store } from '../state/store';
import { workshopAct } from '../state/workshopState';
import { fitView, MIN_ZOOM, screenToWorld, worldToScreen, zoomAt, type View } from './camera';
import { attachPointer } from './pointer';
import { FrescoScene } from './scene';
import type { BoardHandle } from './types';
import { whenIdle } from '../idle';
import { boardFontsLoaded, loadBoardFonts } from './prefetch';
import { compileBatchShaders } from './batchShaders';
import { pixelRatio, rememberBoardSize, takeContext } from './glContext';
export { prepareContext } from './glContext';

async function fontsReady(): Promise<void> {
  // Text is rasterised when drawn: the typeface must be there first (or given up on after a while).
  await Promise.race([Promise.all(loadBoardFonts()), new Promise((resolve) => setTimeout(resolve, 2500))]);
}

export async function createBoard(parent: HTMLElement): Promise<BoardHandle> {
  // Not a turn waited when they are there already: see boardHost.ts.
  if (!boardFontsLoaded()) await fontsReady();
  const dpr = pixelRatio();
  const size = () => {
    const rect = parent.getBoundingClientRect();
    return { width: Math.max(1, Math.round(rect.width)), height: Math.max(1, Math.round(rect.height)) };
  };
  const initial = size();
  const scene = new FrescoScene();
  scene.dpr = dpr;
  scene.reducedMotion = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
  const drawingSize = { width: initial.width * dpr, height: initial.height * dpr };
  rememberBoardSize(drawingSize);
  const webgl = takeContext(drawingSize);
  const game = new Phaser.Game({
    // Phaser's types name only a 2D context here; its WebGL renderer takes a WebGL one as well.
    ...(webgl ? { type: Phaser.WEBGL, canvas: webgl.canvas, context: webgl.context as unknown as CanvasRenderingContext2D } : { type: Phaser.CANVAS }),
    parent,
    transparent: true,
    banner: false,
    audio: { noAudio: true },
    // Input is read from DOM pointer events (pointer.ts): Phaser must not capture the keyboard.
    input: { keyboard: false, mouse: false, touch: false, gamepad: false },
    // Batches of 2,048 quads (Phaser allocates 16,384 by default, megabytes of vertex buffers a
    // fresco of a few hundred pictures never fills); no stencil buffers for the dynamic textures.
    render: { antialias: true, batchSize: 2048, stencil: false },
    // The scene plugins the board uses: no clock, loader, input, data or lights (see ./phaser.ts).
    plugins: { default: ['TweenManager'] },
    scale: { mode: Phaser.Scale.NONE, width: drawingSize.width, height: drawingSize.height, zoom: 1 / dpr },
    scene,
  });
  await scene.whenReady;
  const canvas = game.canvas;
  canvas.setAttribute('aria-hidden', 'true');
  canvas.style.touchAction = 'none';
  canvas.style.display = 'block';

  const level = () => store.getState().game?.level ?? null;
  const screenRect = () => canvas.getBoundingClientRect();
  // The whole fresco stays in view (a window resized, a tablet turned, a panel opened beside it)
  // until the player moves or zooms it; the fit button goes back to that.
  let followFit = true;
  let wholeFit = false;
  const setView = (view: View) => {
    followFit = false;
    scene.setView(view);
  };
  /** The fresco's area, grown to the cards and notes placed beyond it. */
  const contentBounds = (): Rect | null => {
    const current = level();
    if (!current) return null;
    const state = store.getState();
    const rects = [
      layoutOf(current).world,
      ...Object.values(state.game?.progress.history.present.placed ?? {}).map((point) => cardRect(point)),
      ...(state.workshop?.notes ?? []).map((note) => ({ x: note.x - NOTE_WIDTH / 2, y: note.y - NOTE_HEIGHT / 2, width: NOTE_WIDTH, height: NOTE_HEIGHT })),
    ];
    const x = Math.min(...rects.map((r) => r.x));
    const y = Math.min(...rects.map((r) => r.y));
    return { x, y, width: Math.max(...rects.map((r) => r.x + r.width)) - x, height: Math.max(...rects.map((r) => r.y + r.height)) - y };
  };
  /** The opening view keeps cards readable; the fit button shows the whole fresco, however small. */
  const fit = (whole = false) => {
    const bounds = contentBounds();
    if (!bounds) return;
    const { width, height } = size();
    followFit = true;
    wholeFit = whole;
    scene.setView(fitView(bounds, width, height, 24, whole ? MIN_ZOOM : undefined));
  };

  // Render on demand: Phaser's loop runs while something changes (and while a tween plays), then
  // sleeps. A still fresco costs no CPU, which school laptops and tablets' batteries notice.
  let idle: number | undefined;
  const awake = () => {
    if (!game.loop.running) game.loop.wake(true);
    window.clearTimeout(idle);
    const rest = () => {
      if (scene.tweens.getTweens().length > 0) idle = window.setTimeout(rest, 200);
      else game.loop.sleep();
    };
    idle = window.setTimeout(rest, 500);
  };
  const viewListeners = new Set<() => void>();
  let lastView = '';
  scene.onChange = () => {
    awake();
    const key = `${scene.view.x}|${scene.view.y}|${scene.view.zoom}|${game.scale.width}|${game.scale.height}`;
    if (key !== lastView) {
      lastView = key;
      for (const listener of viewListeners) listener();
    }
  };

  scene.sync(store.getState());
  fit();
  const unsubscribe = store.subscribe((state) => scene.sync(state));
  // The shaders a gesture's picture needs are compiled while the player reads the cards, not at
  // their first drag (a fifth of a second without a graphics card).
  // A second after the board shows (its first frames come first), when the page is idle.
  let destroyed = false;
  const warmUp = () => {
    if (!destroyed) scene.warmUp();
  };
  const warmUpTimer = window.setTimeout(() => whenIdle(warmUp, 1000), 1000);
  // The batch shaders a drag meets, from a moment after the board shows (after its first frames).
  const shadersTimer = window.setTimeout(() => compileBatchShaders(game.renderer, () => !destroyed, () => scene.busy), 300);

  const syncSize = () => {
    const { width, height } = size();
    if (Math.round(game.scale.width) === width * dpr && Math.round(game.scale.height) === height * dpr) return;
    game.scale.resize(width * dpr, height * dpr);
    scene.cameras.resize(width * dpr, height * dpr);
    if (followFit) fit(wholeFit);
    else scene.setView(scene.view);
  };
  const resize = new ResizeObserver(syncSize);
  resize.observe(parent);

  const detachPointer = attachPointer({
    scene,
    canvas,
    setView,
    syncSize,
    openMenu: (cardId) => setUi({ menu: { card: cardId, from: 'board' }, selectedLink: null }),
    canMoveNotes: () => {
      const { role, workshop } = store.getState();
      return role === 'facilitator' || !workshop?.locked;
    },
    moveNote: (id, x, y) => workshopAct({ type: 'move-note', id, x, y }),
    overHand: (page) => {
      const hand = document.querySelector('[data-hand]');
      if (!hand) return false;
      const r = hand.getBoundingClientRect();
      return page.x >= r.left && page.x <= r.right && page.y >= r.top && page.y <= r.bottom;
    },
  });

  const others = (cardId: string) =>
    Object.entries(store.getState().game?.progress.history.present.placed ?? {})
      .filter(([id]) => id !== cardId)
      .map(([, point]) => point);

  const toPage = (world: Point): Point => {
    const rect = screenRect();
    const screen = worldToScreen(scene.view, world);
    return { x: rect.left + screen.x, y: rect.top + screen.y };
  };
  /** A world rect in pixels from the board's top-left corner (no read of the page's layout). */
  const rectOnBoard = (rect: Rect): Rect => {
    const topLeft = worldToScreen(scene.view, rect);
    return { x: topLeft.x, y: topLeft.y, width: rect.width * scene.view.zoom, height: rect.height * scene.view.zoom };
  };
  const rectToPage = (rect: Rect): Rect => {
    const origin = screenRect();
    const onBoard = rectOnBoard(rect);
    return { ...onBoard, x: origin.left + onBoard.x, y: origin.top + onBoard.y };
  };

  return {
    pageToWorld(page) {
      const rect = screenRect();
      if (page.x < rect.left || page.x > rect.right || page.y < rect.top || page.y > rect.bottom) return null;
      return screenToWorld(scene.view, { x: page.x - rect.left, y: page.y - rect.top });
    },
    worldToPage: toPage,
    cardRect(cardId) {
      const center = scene.cardCenter(cardId);
      return center ? rectToPage(cardRect(center)) : null;
    },
    cardRectsOnBoard(cardIds) {
      const rects = new Map<string, Rect>();
      for (const id of cardIds) {
        const center = scene.cardCenter(id);
        if (center) rects.set(id, rectOnBoard(cardRect(center)));
      }
      return rects;
    },
    handle(cardId) {
      const point = scene.handleCenter(cardId);
      return point ? toPage(point) : null;
    },
    linkLabel(linkId) {
      const point = scene.labelCenter(linkId);
      return point ? toPage(point) : null;
    },
    boardRect() {
      const rect = screenRect();
      return { x: rect.left, y: rect.top, width: rect.width, height: rect.height };
    },
    zoom: () => scene.view.zoom,
    worldRect() {
      const bounds = contentBounds();
      return bounds ? rectToPage(bounds) : null;
    },
    zoneRects() {
      const current = level();
      return current ? layoutOf(current).zones.map((zone) => ({ id: zone.id, rect: rectToPage(zone.rect) })) : [];
    },
    freeSpotInView() {
      const { width, height } = size();
      const center = screenToWorld(scene.view, { x: width / 2, y: height / 2 });
      return freeSpot({ x: Math.round(center.x), y: Math.round(center.y) }, others(''));
    },
    syncSize,
    onViewChange(listener) {
      viewListeners.add(listener);
      return () => viewListeners.delete(listener);
    },
    spotInZone(zoneId, cardId) {
      const current = level();
      const zone = current ? layoutOf(current).zones.find((candidate) => candidate.id === zoneId) : undefined;
      if (!zone) return null;
      const { x, y, width, height } = zone.rect;
      return freeSpot({ x: Math.round(x + width / 2), y: Math.round(y + 64 + (height - 64) / 2) }, others(cardId));
    },
    spotNextTo(targetId, cardId) {
      const present = store.getState().game?.progress.history.present;
      const target = present ? positionOf(present, targetId) : null;
      return target ? freeSpot({ x: target.x + CARD_WIDTH + 90, y: target.y }, others(cardId)) : null;
    },
    showCard(cardId) {
      const center = scene.cardCenter(cardId);
      if (!center) return;
      const { width, height } = size();
      const screen = worldToScreen(scene.view, center);
      const margin = (CARD_WIDTH / 2) * scene.view.zoom + 12;
      if (screen.x > margin && screen.x < width - margin && screen.y > margin && screen.y < height - margin) return;
      setView({ ...scene.view, x: center.x - width / 2 / scene.view.zoom, y: center.y - height / 2 / scene.view.zoom });
    },
    zoomBy(factor) {
      const { width, height } = size();
      setView(zoomAt(scene.view, { x: width / 2, y: height / 2 }, factor));
    },
    fit: () => fit(true),
    destroy() {
      destroyed = true;
      window.clearTimeout(warmUpTimer);
      window.clearTimeout(shadersTimer);
      window.clearTimeout(idle);
      // No picture left waiting to be thawed once the scene is gone.
      scene.thawView();
      unsubscribe();
      resize.disconnect();
      detachPointer();
      game.destroy(true);
    },
  };
}
