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
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const next = random(1958);
  for (let i = 0; i < size * size * 0.18; i++) {
    const x = Math.floor(next() * size);
    const y = Math.floor(next() * size);
    const alpha = 0.02 + next() * 0.05;
    ctx.fillStyle = next() > 0.5 ? `rgba(92, 74, 51, ${alpha})` : `rgba(255, 255, 255, ${alpha})`;
    ctx.fillRect(x, y, 1 + Math.round(next()), 1);
  }
  root.style.setProperty('--paper-grain', `url(${canvas.toDataURL('image/png')})`);
}
