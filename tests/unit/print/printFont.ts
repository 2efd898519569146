// The print font in Node, through jsPDF as the browser uses it: the same widths for the tests
// as for the PDF, and which characters the font can print.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { jsPDF } from 'jspdf';
import type { PrintMeasure } from '../../../src/print/cardText';

const FILES = resolve(import.meta.dirname, '../../../node_modules/@expo-google-fonts/atkinson-hyperlegible');
const STYLES = { normal: '400Regular', bold: '700Bold', italic: '400Regular_Italic' } as const;

export function printFont(): { measure: PrintMeasure; hasGlyph: (char: string) => boolean } {
  const doc = new jsPDF({ unit: 'mm', format: 'a4' });
  for (const [style, name] of Object.entries(STYLES)) {
    doc.addFileToVFS(`${name}.ttf`, readFileSync(resolve(FILES, name, `AtkinsonHyperlegible_${name}.ttf`)).toString('binary'));
    doc.addFont(`${name}.ttf`, 'Atkinson', style);
  }
  const measure: PrintMeasure = (text, size, style) => {
    doc.setFont('Atkinson', style);
    doc.setFontSize(size);
    return doc.getTextWidth(text);
  };
  doc.setFont('Atkinson', 'normal');
  const codeMap = (doc.getFont().metadata as { cmap: { unicode: { codeMap: Record<number, number> } } }).cmap.unicode.codeMap;
  return { measure, hasGlyph: (char) => (codeMap[char.codePointAt(0)!] ?? 0) > 0 };
}
