// A QR code of the join address, drawn module by module on a canvas (never parsed markup), big
// enough to be read from the back of a room on a projector.
import QRCode from 'qrcode';
import { h } from '../dom';

export function qrCanvas(text: string, label: string, pixels = 240): HTMLCanvasElement {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const quiet = 4;
  const count = modules.size + quiet * 2;
  const scale = Math.max(1, Math.floor(pixels / count));
  const canvas = h('canvas', { class: 'session-qr', attrs: { role: 'img', 'aria-label': label, width: count * scale, height: count * scale, 'data-qr': text } });
  const context = canvas.getContext('2d');
  if (!context) return canvas;
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.fillStyle = '#000000';
  for (let row = 0; row < modules.size; row++) {
    for (let column = 0; column < modules.size; column++) {
      if (modules.get(row, column)) context.fillRect((column + quiet) * scale, (row + quiet) * scale, scale, scale);
    }
  }
  return canvas;
}
