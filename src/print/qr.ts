// A QR code as black runs of modules, drawn as vector rectangles in the PDF: sharp at any printer
// resolution and much smaller than an image. Pure (the qrcode library only computes the matrix).
import { create } from 'qrcode';

export interface QrRun {
  row: number;
  column: number;
  /** Dark modules side by side on the row, from `column`. */
  length: number;
}

export interface QrMatrix {
  /** Modules on a side (without the quiet zone: keep 4 modules of white around it). */
  size: number;
  runs: QrRun[];
}

export function qrMatrix(text: string): QrMatrix {
  // Level M survives a crease or a pen mark on a card that children handle.
  const { modules } = create(text, { errorCorrectionLevel: 'M' });
  const runs: QrRun[] = [];
  for (let row = 0; row < modules.size; row++) {
    let start = -1;
    for (let column = 0; column <= modules.size; column++) {
      const dark = column < modules.size && modules.get(row, column) !== 0;
      if (dark && start < 0) start = column;
      if (!dark && start >= 0) {
        runs.push({ row, column: start, length: column - start });
        start = -1;
      }
    }
  }
  return { size: modules.size, runs };
}
