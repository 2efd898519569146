// The warm paper grain behind the fresco: a small tile of soft speckles made once as a PNG and used
// as a CSS background (a bitmap is cheap to repaint; an SVG noise filter is not).
import { encodePng } from './png';

/** A tiny deterministic generator, so that the paper looks the same on every visit. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** The grain's pixels: sparse light and dark speckles, a few percent opaque. */
export function grainPixels(size: number): Uint8Array {
  const data = new Uint8Array(size * size * 4);
  const next = random(1958);
  for (let i = 0; i < size * size * 0.18; i++) {
    const x = Math.floor(next() * size);
    const y = Math.floor(next() * size);
    const alpha = Math.round((0.02 + next() * 0.05) * 255);
    const dark = next() > 0.5;
    const width = 1 + Math.round(next());
    for (let dx = 0; dx < width && x + dx < size; dx++) {
      const at = (y * size + x + dx) * 4;
      data[at] = dark ? 92 : 255;
      data[at + 1] = dark ? 74 : 255;
      data[at + 2] = dark ? 51 : 255;
      data[at + 3] = alpha;
    }
  }
  return data;
}

export function applyPaperGrain(element: HTMLElement = document.body, size = 160): void {
  // Encoded in plain JavaScript (a few milliseconds): the first pixels put on a canvas cost a
  // fresh page a quarter of a second here, a second on a slow laptop.
  const png = encodePng(size, size, grainPixels(size));
  const url = URL.createObjectURL(new Blob([png], { type: 'image/png' }));
  // Set on the body, whose background it is, and not inherited (main.css registers it so): set on
  // <html> and inherited, it had the style of every element of the page computed again (a tenth
  // of a second in the middle of a board's loading on a slow laptop).
  element.style.setProperty('--paper-grain', `url(${url})`);
}
