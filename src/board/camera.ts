// The board's view of the fresco: which world point is at the top-left of the screen, and the
// zoom. Pure arithmetic, shared by rendering, pointer input and the snapshot's page rects.
import type { Point } from '../core/fresco';
import type { Rect } from '../core/layout';

export interface View {
  /** World point shown at the top-left corner of the board. */
  x: number;
  y: number;
  zoom: number;
}

export const MIN_ZOOM = 0.25;
export const MAX_ZOOM = 2.5;
/** Below this zoom card titles drop under ~10 px: the opening view does not go lower. */
const MIN_FIT_ZOOM = 0.6;

const clampZoom = (zoom: number) => Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom));

export function worldToScreen(view: View, point: Point): Point {
  return { x: (point.x - view.x) * view.zoom, y: (point.y - view.y) * view.zoom };
}

export function screenToWorld(view: View, point: Point): Point {
  return { x: point.x / view.zoom + view.x, y: point.y / view.zoom + view.y };
}

/** Zooms by `factor` keeping the world point under `anchor` (screen) where it is. */
export function zoomAt(view: View, anchor: Point, factor: number): View {
  const zoom = clampZoom(view.zoom * factor);
  const world = screenToWorld(view, anchor);
  return { zoom, x: world.x - anchor.x / zoom, y: world.y - anchor.y / zoom };
}

export function panBy(view: View, dxScreen: number, dyScreen: number): View {
  return { ...view, x: view.x - dxScreen / view.zoom, y: view.y - dyScreen / view.zoom };
}

/**
 * The view that shows `world` whole in a screen of `width`×`height`, centred; when that would
 * make cards unreadable, a readable zoom showing the top of the fresco, centred horizontally.
 */
export function fitView(world: Rect, width: number, height: number, padding = 24, minZoom: number = MIN_FIT_ZOOM): View {
  const zoom = Math.min(1, Math.max(MIN_ZOOM, Math.min((width - padding * 2) / world.width, (height - padding * 2) / world.height)));
  const readable = Math.max(zoom, Math.min(minZoom, 1));
  const visibleWidth = width / readable;
  const visibleHeight = height / readable;
  return {
    zoom: readable,
    x: world.x + (world.width - visibleWidth) / 2,
    y: visibleHeight >= world.height ? world.y + (world.height - visibleHeight) / 2 : world.y - padding / readable,
  };
}

/** Keeps at least a margin of the world on screen so that the fresco cannot be lost off-screen. */
export function keepInSight(view: View, world: Rect, width: number, height: number, margin = 120): View {
  const visibleWidth = width / view.zoom;
  const visibleHeight = height / view.zoom;
  const m = margin / view.zoom;
  const x = Math.min(world.x + world.width - m, Math.max(world.x - visibleWidth + m, view.x));
  const y = Math.min(world.y + world.height - m, Math.max(world.y - visibleHeight + m, view.y));
  return x === view.x && y === view.y ? view : { ...view, x, y };
}
