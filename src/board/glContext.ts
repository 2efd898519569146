// The one WebGL context the board draws with, made here (Phaser's own test for WebGL would make a
// second one), with the attributes Phaser would ask for, and multisampling only where a graphics
// card does it.
import { keys, readItem, writeItem } from '../state/storage';

export type Drawing = 'hardware' | 'software';

/** A canvas's size in device pixels. */
export interface Size {
  width: number;
  height: number;
}

/** Device pixels per CSS pixel the board draws with (at most 2: beyond, a tablet's 3 only costs). */
export function pixelRatio(): number {
  return Math.min(2, Math.max(1, window.devicePixelRatio || 1));
}

/**
 * Renderers that draw WebGL on the processor: Chrome's SwiftShader (on a laptop whose graphics
 * card is missing or blocklisted, as on many school computers), Mesa's llvmpipe, Windows' basic
 * driver.
 */
const SOFTWARE = /swiftshader|llvmpipe|softpipe|software|basic render/i;

function create(canvas: HTMLCanvasElement, antialias: boolean): WebGLRenderingContext | null {
  try {
    // No depth or stencil buffer: the board draws in painter's order and masks nothing (each
    // buffer is memory to allocate and clear at every frame).
    return canvas.getContext('webgl', {
      alpha: true,
      depth: false,
      antialias,
      premultipliedAlpha: true,
      stencil: false,
      failIfMajorPerformanceCaveat: false,
      powerPreference: 'default',
      preserveDrawingBuffer: false,
    });
  } catch {
    return null;
  }
}

/** What a renderer of that name draws with (as WEBGL_debug_renderer_info names it). */
export function drawingOfRenderer(name: string): Drawing {
  return SOFTWARE.test(name) ? 'software' : 'hardware';
}

function drawingOf(context: WebGLRenderingContext): Drawing {
  try {
    const info = context.getExtension('WEBGL_debug_renderer_info');
    return drawingOfRenderer(String(info ? context.getParameter(info.UNMASKED_RENDERER_WEBGL) : context.getParameter(context.RENDERER)));
  } catch {
    return 'hardware';
  }
}

/**
 * A WebGL context for the board, or null without WebGL (the board then draws with Canvas).
 *
 * Multisampling smooths the arrows' edges; a graphics card does it for little, but drawn in
 * software it multiplies the pixels of every frame (a drag's frames took half as long again on
 * such a laptop). What the device draws with is found with its first board and remembered: a
 * software device makes its first context twice, and later ones without multisampling at once.
 * Without storage, every board is a first one.
 */
export function webglContext(size: Size): { canvas: HTMLCanvasElement; context: WebGLRenderingContext } | null {
  const known = readItem(keys.renderer);
  const canvas = sizedCanvas(size);
  const context = create(canvas, known !== 'software');
  if (!context) return null;
  const drawing = drawingOf(context);
  // Looked at again each time (a driver updated, a card no longer blocklisted): the next board
  // then follows.
  if (drawing !== known) writeItem(keys.renderer, drawing);
  if (drawing === 'hardware' || known === 'software') return { canvas, context };
  // The multisampled context is let go at once (browsers keep only a few contexts alive).
  context.getExtension('WEBGL_lose_context')?.loseContext();
  const plain = sizedCanvas(size);
  const again = create(plain, false);
  return again ? { canvas: plain, context: again } : null;
}

type Context = ReturnType<typeof webglContext>;
/** A context made ahead (`prepareContext`), for the next board to take; undefined when none is. */
let prepared: Context | undefined;

/**
 * A canvas at its drawing size before its context is made: sizing a WebGL canvas afterwards has
 * its drawing buffer made anew, and the page waits for the graphics process.
 */
function sizedCanvas(size: Size): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = size.width;
  canvas.height = size.height;
  return canvas;
}

const SIZE_KEY = 'fresque:board-size';

/** The size the last board had in this tab (the window is likely the same), else the window's. */
function expectedSize(): Size {
  try {
    const [width, height] = (window.sessionStorage.getItem(SIZE_KEY) ?? '').split('x').map(Number);
    const valid = (value: number | undefined): value is number => Number.isInteger(value) && value! > 0 && value! <= 16384;
    if (valid(width) && valid(height)) return { width, height };
  } catch {
    // No session storage (a locked-down browser): the window's size will do.
  }
  return { width: Math.round(window.innerWidth * pixelRatio()), height: Math.round(window.innerHeight * pixelRatio()) };
}

/** Noted for the next board's context (`prepareContext`). */
export function rememberBoardSize(size: Size): void {
  try {
    window.sessionStorage.setItem(SIZE_KEY, `${size.width}x${size.height}`);
  } catch {
    // Only a hint.
  }
}

/**
 * Makes the next board's context while its level is still loading, at the size the board is
 * expected to have. The graphics side of a new context is set up in another process: started
 * while the page builds the game's screen, it is ready when the board draws, rather than made
 * then, once the page has been painted and the graphics process is busy showing it.
 */
export function prepareContext(): void {
  if (prepared !== undefined) return;
  prepared = webglContext(expectedSize());
  // A first question, which waits for the graphics process to have set the context up: on a first
  // visit the page is then still waiting for the level's file, and the wait costs nothing.
  prepared?.context.getSupportedExtensions();
}

/** The context made ahead if there is one (and still usable), otherwise a new one of `size`. */
export function takeContext(size: Size): Context {
  const ahead = prepared;
  prepared = undefined;
  if (ahead === undefined || ahead?.context.isContextLost()) return webglContext(size);
  return ahead;
}
