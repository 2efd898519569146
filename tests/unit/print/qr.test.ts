// The QR code of a printed card as runs of dark modules.
import { describe, expect, it } from 'vitest';
import { qrMatrix } from '../../../src/print/qr';

describe('QR matrix', () => {
  const url = 'https://fresque.example.org/jeu/?level=la-grande-fresque&card=conseil-superieur-magistrature';
  const matrix = qrMatrix(url);
  const dark = (row: number, column: number) => matrix.runs.some((run) => run.row === row && column >= run.column && column < run.column + run.length);

  it('has a QR code size (21 + 4 per version) and runs inside it', () => {
    expect((matrix.size - 21) % 4).toBe(0);
    expect(matrix.size).toBeLessThanOrEqual(45); // small enough for a 18 mm square on a card
    for (const run of matrix.runs) {
      expect(run.length).toBeGreaterThan(0);
      expect(run.column + run.length).toBeLessThanOrEqual(matrix.size);
      expect(run.row).toBeLessThan(matrix.size);
    }
  });

  it('draws the three finder patterns', () => {
    for (const [row, column] of [[0, 0], [0, matrix.size - 7], [matrix.size - 7, 0]] as const) {
      expect(matrix.runs).toContainEqual({ row, column, length: 7 });
      expect(dark(row + 1, column)).toBe(true);
      expect(dark(row + 1, column + 1)).toBe(false);
      expect(dark(row + 3, column + 3)).toBe(true);
    }
  });

  it('merges neighbouring dark modules into one run', () => {
    const rows = new Map<number, { column: number; length: number }[]>();
    for (const run of matrix.runs) rows.set(run.row, [...(rows.get(run.row) ?? []), run]);
    for (const runs of rows.values()) runs.slice(1).forEach((run, i) => expect(run.column).toBeGreaterThan(runs[i]!.column + runs[i]!.length));
  });
});
