// The one WebGL context the board draws with, made here (Phaser's own test for WebGL would make a
// second one), with the attributes Phaser would ask for, and multisampling only where a graphics
// card does it.
import { keys, readItem, writeItem } from '../state/storage';

export type Drawing = 'hardware' | 'software';

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
export function webglContext(): { canvas: HTMLCanvasElement; context: WebGLRenderingContext } | null {
  const known = readItem(keys.renderer);
  const canvas = document.createElement('canvas');
  const context = create(canvas, known !== 'software');
  if (!context) return null;
  const drawing = drawingOf(context);
  // Looked at again each time (a driver updated, a card no longer blocklisted): the next board
  // then follows.
  if (drawing !== known) writeItem(keys.renderer, drawing);
  if (drawing === 'hardware' || known === 'software') return { canvas, context };
  // The multisampled context is let go at once (browsers keep only a few contexts alive).
  context.getExtension('WEBGL_lose_context')?.loseContext();
  const plain = document.createElement('canvas');
  const again = create(plain, false);
  return again ? { canvas: plain, context: again } : null;
}

type Context = ReturnType<typeof webglContext>;
/** A context made ahead (`prepareContext`), for the next board to take; undefined when none is. */
let prepared: Context | undefined;

/**
 * Makes the next board's context while its level is still loading. The graphics side of a new
 * context is set up in another process: started while the page builds the game's screen, it is
 * ready when the board draws, rather than made then, once the page has been painted and the
 * graphics process is busy showing it.
 */
export function prepareContext(): void {
  if (prepared === undefined) prepared = webglContext();
}

/** The context made ahead if there is one (and still usable), otherwise a new one. */
export function takeContext(): Context {
  const ahead = prepared;
  prepared = undefined;
  if (ahead === undefined || ahead?.context.isContextLost()) return webglContext();
  return ahead;
}
