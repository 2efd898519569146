// Texts typed by people (team names, the fresco's name, notes, debrief answers) and content texts
// (a level may come from a file) go into the Markdown reports as text: whatever they contain,
// the report shows it as typed, never as HTML, a link, an image, emphasis or a table cell break.
// Every character Markdown (CommonMark, GitHub's tables) could read as syntax inside a line is
// escaped with a backslash; at the start of a line, what would open a block (a heading, a list,
// a quote, a code block) is escaped too. The raw file stays readable: letters, digits, spaces,
// hyphens and full stops inside a line are left as they are.

/** Characters that start inline syntax anywhere in a line: HTML, entities, code, emphasis, links, tables, a heading's end. */
const INLINE = /[\\`*_[\]<>|~&#]/g;
/** What would open a block at the start of a line: a list, a rule or an underline ("-", "+", "="; "#" is escaped everywhere). */
const BLOCK_START = /^[+=-]/;
/** An ordered list item: "1. " or "1) " (the punctuation is what is escaped). */
const ORDERED = /^(\d{1,9})([.)])(?=\s|$)/;

function escapeLine(line: string): string {
  return line
    .trim()
    .replace(INLINE, (char) => `\\${char}`)
    .replace(BLOCK_START, (char) => `\\${char}`)
    .replace(ORDERED, (_all, digits: string, mark: string) => `${digits}\\${mark}`);
}

/** A text on one line (a table cell, a heading, after "- "): its line breaks become spaces. */
export function markdownInline(text: string): string {
  return escapeLine(text.replace(/\s+/g, ' '));
}

/** A text of several lines (an answer, a note): each line kept, as a hard line break; blank lines dropped. */
export function markdownBlock(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map(escapeLine)
    .filter((line) => line.length > 0)
    .join('\\\n');
}
