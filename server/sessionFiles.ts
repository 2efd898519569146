// How a session lies on disk, in its own folder DATA_DIR/sessions/<CODE>/:
//
//   snapshot-<g>.json  the whole state at the start of generation g: a header line (format,
//                      generation, size and CRC-32 of the state) then the state on one line;
//   journal-<g>.log    every change since that snapshot, one line each: the CRC-32 of the line's
//                      JSON, a space, the JSON. Its first line (n = 0) says how many changes of
//                      journal g-1 snapshot g contains, so that an older copy can be checked.
//
// The newest two generations are kept: if snapshot g is damaged, snapshot g-1 with journals g-1
// and g gives the same state. A damaged file is renamed `damaged-<time>-<name>` and kept for
// inspection; a last line cut short by a crash is normal (it was never acknowledged) and ignored.
import { crc32 } from 'node:zlib';
import { SessionChangeSchema, type SessionChange } from '../src/core/sessionChange';
import { parseSession, type SessionState } from '../src/core/session';

export const FORMAT = 2;

export const snapshotName = (generation: number) => `snapshot-${generation}.json`;
export const journalName = (generation: number) => `journal-${generation}.log`;

/** Generation of a snapshot or journal file name, or null for any other file. */
export function generationOf(name: string, kind: 'snapshot' | 'journal'): number | null {
  const match = (kind === 'snapshot' ? /^snapshot-(\d{1,15})\.json$/ : /^journal-(\d{1,15})\.log$/).exec(name);
  return match ? Number(match[1]) : null;
}

const hex = (text: string) => crc32(text).toString(16).padStart(8, '0');

// --- Snapshots ---------------------------------------------------------------------------------

/** Each table's JSON is kept while the table is unchanged: a snapshot re-encodes only the tables that moved. */
const tableJson = new WeakMap<object, string>();

export function stateJson(state: SessionState): string {
  const { tables, ...rest } = state;
  const parts = tables.map((table) => {
    let json = tableJson.get(table);
    if (json === undefined) tableJson.set(table, (json = JSON.stringify(table)));
    return json;
  });
  return `${JSON.stringify(rest).slice(0, -1)},"tables":[${parts.join(',')}]}`;
}

export function encodeSnapshot(generation: number, after: number, state: SessionState, savedAt: number): string {
  const body = stateJson(state);
  const header = JSON.stringify({ format: FORMAT, generation, after, savedAt, bytes: Buffer.byteLength(body), crc32: hex(body) });
  return `${header}\n${body}\n`;
}

export type DecodedSnapshot = { ok: true; state: SessionState; after: number } | { ok: false; problem: string };

export function decodeSnapshot(text: string, generation: number): DecodedSnapshot {
  const newline = text.indexOf('\n');
  if (newline < 0 || !text.endsWith('\n')) return { ok: false, problem: 'cut short' };
  let header: { format?: unknown; generation?: unknown; after?: unknown; bytes?: unknown; crc32?: unknown };
  try {
    header = JSON.parse(text.slice(0, newline)) as typeof header;
  } catch {
    return { ok: false, problem: 'header is not JSON' };
  }
  if (header.format !== FORMAT) return { ok: false, problem: `format ${String(header.format)}, expected ${FORMAT}` };
  if (header.generation !== generation) return { ok: false, problem: `generation ${String(header.generation)} in a file of generation ${generation}` };
  const body = text.slice(newline + 1, -1);
  if (header.bytes !== Buffer.byteLength(body) || header.crc32 !== hex(body)) return { ok: false, problem: 'checksum does not match (damaged)' };
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch {
    return { ok: false, problem: 'state is not JSON' };
  }
  const checked = parseSession(raw);
  if (!checked.ok) return { ok: false, problem: checked.problem };
  return { ok: true, state: checked.state, after: typeof header.after === 'number' ? header.after : 0 };
}

// --- Journals ----------------------------------------------------------------------------------

export function encodeJournalHeader(generation: number, after: number): string {
  const body = JSON.stringify({ n: 0, generation, after });
  return `${hex(body)} ${body}\n`;
}

export function encodeChange(n: number, change: SessionChange): string {
  const body = JSON.stringify({ n, change });
  return `${hex(body)} ${body}\n`;
}

export interface DecodedJournal {
  /** Changes of the journal's good lines, in order. */
  changes: SessionChange[];
  /** From its header: how many changes of the journal before it the generation's snapshot contains. */
  after: number | null;
  /** A line that is wrong (not a crash's cut-short last line): the changes stop before it. */
  problem: string | null;
}

export function decodeJournal(text: string, generation: number): DecodedJournal {
  const lines = text.split('\n');
  // The last piece has no newline: empty, or a line a crash cut short (never acknowledged).
  lines.pop();
  const changes: SessionChange[] = [];
  let after: number | null = null;
  for (const [index, line] of lines.entries()) {
    const at = `line ${index + 1}`;
    const body = line.slice(9);
    if (line[8] !== ' ' || line.slice(0, 8) !== hex(body)) return { changes, after, problem: `${at}: checksum does not match (damaged)` };
    let entry: { n?: unknown; generation?: unknown; after?: unknown; change?: unknown };
    try {
      entry = JSON.parse(body) as typeof entry;
    } catch {
      return { changes, after, problem: `${at}: not JSON` };
    }
    if (index === 0) {
      if (entry.n !== 0 || entry.generation !== generation || typeof entry.after !== 'number') return { changes, after, problem: `${at}: not the header of generation ${generation}` };
      after = entry.after;
      continue;
    }
    if (entry.n !== index) return { changes, after, problem: `${at}: change ${String(entry.n)} where ${index} was expected` };
    const parsed = SessionChangeSchema.safeParse(entry.change);
    if (!parsed.success) return { changes, after, problem: `${at}: ${parsed.error.issues[0]?.message ?? 'not a change'}` };
    changes.push(parsed.data);
  }
  return { changes, after, problem: null };
}
