// The warm paper grain behind the fresco: a small tile of soft speckles drawn once on a canvas
// and used as a CSS background (a bitmap is cheap to repaint; an SVG noise filter is not).

/** A tiny deterministic generator, so that the paper looks the same on every visit. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export function applyPaperGrain(root: HTMLElement = document.documentElement, size = 160): void {
  const canvas = document.createElement('canvas');
  canvas.width = size;
  canvas.height = size;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) return;
  // Pixels written straight into an image: thousands of fillRect calls with a colour string each
  // took a quarter of a second, a whole second on a slow laptop, before the home screen showed.
  const image = ctx.createImageData(size, size);
  const data = image.data;
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
  ctx.putImageData(image, 0, 0);
  // Encoded off the main thread (toBlob), the grain appears a moment after the page: nothing waits for it.
  canvas.toBlob((blob) => {
    if (blob) root.style.setProperty('--paper-grain', `url(${URL.createObjectURL(blob)})`);
  }, 'image/png');
}
