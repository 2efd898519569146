// Text as the PDF writes it. The print font (Atkinson Hyperlegible, as on screen) has no glyph for
// the narrow no-break space that French typography puts before ; ! ? (core/text.ts): it would
// print as nothing, gluing the mark to the word. A normal no-break space keeps the mark on the
// line and visible. The same goes for the other typographic spaces and hyphens a level file may hold.
const REPLACEMENTS: [RegExp, string][] = [
  [/[\u202f\u2007]/gu, '\u00a0'], // narrow and figure no-break spaces
  [/[\u2000-\u200a\u205f]/gu, ' '], // thin, hair and other sized spaces
  [/[\u200b\u200c\u200d\u2060\ufeff]/gu, ''], // zero-width characters
  [/[\u2010\u2011]/gu, '-'], // hyphen and non-breaking hyphen
];

export function printable(text: string): string {
  return REPLACEMENTS.reduce((result, [pattern, replacement]) => result.replace(pattern, replacement), text);
}
