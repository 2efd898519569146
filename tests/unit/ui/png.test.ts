import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { encodePng } from '../../../src/ui/png';
import { grainPixels } from '../../../src/ui/paper';

/** Reads a PNG's chunks, checking each one's CRC with Node's zlib (an independent implementation). */
function chunks(png: Uint8Array): { type: string; data: Buffer }[] {
  const buffer = Buffer.from(png);
  expect([...buffer.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const out: { type: string; data: Buffer }[] = [];
  let at = 8;
  while (at < buffer.length) {
    const length = buffer.readUInt32BE(at);
    const type = buffer.toString('latin1', at + 4, at + 8);
    const data = buffer.subarray(at + 8, at + 8 + length);
    const crc = buffer.readUInt32BE(at + 8 + length);
    expect(crc, `CRC of ${type}`).toBe(crc32(buffer.subarray(at + 4, at + 8 + length)));
    out.push({ type, data });
    at += 12 + length;
  }
  return out;
}

function crc32(bytes: Buffer): number {
  // The textbook bitwise CRC-32, slow and separate from the table the encoder uses.
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

describe('encodePng', () => {
  it('writes a PNG whose pixels read back the same', () => {
    const width = 3;
    const height = 2;
    const rgba = Uint8Array.from({ length: width * height * 4 }, (_, i) => (i * 37) % 256);
    const parsed = chunks(encodePng(width, height, rgba));
    expect(parsed.map((chunk) => chunk.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
    const header = parsed[0]!.data;
    expect([header.readUInt32BE(0), header.readUInt32BE(4), header[8], header[9]]).toEqual([3, 2, 8, 6]);
    // zlib checks the stream's own checksum (Adler-32) while inflating.
    const raw = inflateSync(parsed[1]!.data);
    expect(raw.length).toBe(height * (width * 4 + 1));
    for (let y = 0; y < height; y++) {
      expect(raw[y * (width * 4 + 1)]).toBe(0);
      expect([...raw.subarray(y * (width * 4 + 1) + 1, (y + 1) * (width * 4 + 1))]).toEqual([...rgba.subarray(y * width * 4, (y + 1) * width * 4)]);
    }
  });

  it('splits pixels beyond one deflate block (65,535 bytes) into several', () => {
    const size = 160;
    const rgba = grainPixels(size);
    const idat = chunks(encodePng(size, size, rgba)).find((chunk) => chunk.type === 'IDAT')!.data;
    const raw = inflateSync(idat);
    expect(raw.length).toBe(size * (size * 4 + 1));
    const last = size - 1;
    expect([...raw.subarray(last * (size * 4 + 1) + 1)]).toEqual([...rgba.subarray(last * size * 4)]);
  });

  it('refuses pixels that do not match the size', () => {
    expect(() => encodePng(2, 2, new Uint8Array(15))).toThrow(/15 bytes for 2×2/);
  });
});

describe('grainPixels', () => {
  it('makes sparse, faint speckles, the same on every visit', () => {
    const pixels = grainPixels(64);
    const alphas = [...pixels].filter((_, i) => i % 4 === 3);
    const speckles = alphas.filter((alpha) => alpha > 0);
    expect(speckles.length).toBeGreaterThan(64 * 64 * 0.1);
    expect(speckles.length).toBeLessThan(64 * 64 * 0.4);
    expect(Math.max(...alphas)).toBeLessThanOrEqual(Math.round(0.07 * 255));
    expect([...grainPixels(64)]).toEqual([...pixels]);
  });
});
