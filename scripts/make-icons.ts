// Writes the app icons (PNG, for installing the game as an app) from public/favicon.svg.
// Run by hand when the icon changes: npx tsx scripts/make-icons.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createCanvas, loadImage } from '@napi-rs/canvas';

const root = resolve(import.meta.dirname, '..');
const svg = readFileSync(resolve(root, 'public/favicon.svg'));
const image = await loadImage(svg);
for (const [name, size, padding] of [
  ['icon-192.png', 192, 0],
  ['icon-512.png', 512, 0],
  ['icon-maskable-512.png', 512, 0.12],
] as const) {
  const canvas = createCanvas(size, size);
  const ctx = canvas.getContext('2d');
  // A maskable icon keeps its drawing inside the safe zone, on the paper colour.
  ctx.fillStyle = '#f4eee2';
  ctx.fillRect(0, 0, size, size);
  const inset = size * padding;
  ctx.drawImage(image, inset, inset, size - inset * 2, size - inset * 2);
  writeFileSync(resolve(root, 'public/icons', name), canvas.toBuffer('image/png'));
  console.log('wrote public/icons/' + name);
}
