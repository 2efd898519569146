// Line breaking for text drawn on cards: fills lines up to a width, cuts with an ellipsis when
// the text needs more lines than the card has. The measure is injected (a canvas in the browser,
// a fake in tests) so that the same breaking is used to draw and to check content fits.

export type Measure = (text: string) => number;

export interface Wrapped {
  lines: string[];
  /** True when the text did not fit and was cut. */
  truncated: boolean;
}

const ELLIPSIS = '…';

function breakLongWord(word: string, width: number, measure: Measure): string[] {
  const parts: string[] = [];
  let current = '';
  for (const char of word) {
    if (current !== '' && measure(current + char) > width) {
      parts.push(current);
      current = char;
    } else current += char;
  }
  if (current !== '') parts.push(current);
  return parts;
}

export function wrapText(text: string, width: number, maxLines: number, measure: Measure): Wrapped {
  const words = text.trim().split(/[ \t\n]+/u).filter(Boolean);
  const lines: string[] = [];
  let current = '';
  for (const word of words) {
    const candidate = current === '' ? word : `${current} ${word}`;
    if (measure(candidate) <= width) {
      current = candidate;
      continue;
    }
    if (current !== '') lines.push(current);
    if (measure(word) <= width) current = word;
    else {
      const parts = breakLongWord(word, width, measure);
      lines.push(...parts.slice(0, -1));
      current = parts[parts.length - 1] ?? '';
    }
  }
  if (current !== '') lines.push(current);
  if (lines.length <= maxLines) return { lines, truncated: false };

  const kept = lines.slice(0, maxLines);
  let last = kept[maxLines - 1] ?? '';
  while (last !== '' && measure(last + ELLIPSIS) > width) last = last.slice(0, -1).trimEnd();
  kept[maxLines - 1] = last.replace(/[\s,;:.–-]+$/u, '') + ELLIPSIS;
  return { lines: kept, truncated: true };
}
