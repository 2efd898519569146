// Phaser draws quads with one shader program per number of textures a batch samples (1 to the
// renderer's maximum), compiled the first time a frame needs it. A drag meets counts the still
// fresco never did (the dragged card, its arrows and the gesture's picture): each one cost a frame
// of a fifth of a second on a laptop without a graphics card. They are compiled ahead, a few per
// idle moment, so that no single pause is long.
import { whenIdle } from '../idle';

/** How long one idle moment compiles for, at most (give or take one program). */
const SLICE_MS = 12;

interface QuadBatch {
  maxTexturesPerBatch: number;
  finalizeTextureCount(count: number): void;
  programManager: { getCurrentProgramSuite(): unknown };
}

/**
 * Compiles the quad batch's programs for every texture count, a few per idle moment, and
 * none while `busy()` (a gesture under way: it has its frames to draw).
 */
export function compileBatchShaders(renderer: object, alive: () => boolean, busy: () => boolean): void {
  // (The Canvas renderer, without WebGL, has no shaders.)
  if (!('renderNodes' in renderer)) return;
  const nodes = renderer.renderNodes as { getNode(name: string): unknown };
  const batch = nodes.getNode('BatchHandlerQuad') as QuadBatch | null;
  if (!batch || typeof batch.finalizeTextureCount !== 'function') return;
  let count = 1;
  const next = () => {
    if (!alive() || count > batch.maxTexturesPerBatch) return;
    if (busy()) {
      window.setTimeout(() => whenIdle(next, 1000), 200);
      return;
    }
    // Between frames only: a batch being drawn sets its own count before each draw. A few at a
    // time while they come fast (a few milliseconds each when the graphics are idle).
    const start = performance.now();
    while (count <= batch.maxTexturesPerBatch && performance.now() - start < SLICE_MS) {
      batch.finalizeTextureCount(count);
      batch.programManager.getCurrentProgramSuite();
      count++;
    }
    whenIdle(next, 1000);
  };
  whenIdle(next, 1000);
}
