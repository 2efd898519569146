// Unpacks a tar archive held in memory into a folder: the few kinds of entry the npm Chromium's
// archives hold (files, folders, long names), so that unpacking it needs nothing beyond Node.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, normalize, sep } from 'node:path';

const BLOCK = 512;

function text(header: Buffer, start: number, length: number): string {
  const bytes = header.subarray(start, start + length);
  const end = bytes.indexOf(0);
  return bytes.subarray(0, end === -1 ? bytes.length : end).toString('utf8');
}

function octal(header: Buffer, start: number, length: number, what: string, name: string): number {
  const digits = text(header, start, length).trim();
  if (!/^[0-7]*$/.test(digits)) throw new Error(`tar entry "${name}": its ${what} is not an octal number ("${digits}")`);
  return digits === '' ? 0 : Number.parseInt(digits, 8);
}

/** A pax extended header's `path=` record, if it has one. */
function paxPath(body: Buffer): string | undefined {
  let offset = 0;
  while (offset < body.length) {
    const space = body.indexOf(0x20, offset);
    if (space === -1) break;
    const length = Number.parseInt(body.subarray(offset, space).toString('ascii'), 10);
    if (!(length > 0)) break;
    const record = body.subarray(space + 1, offset + length - 1).toString('utf8');
    if (record.startsWith('path=')) return record.slice('path='.length);
    offset += length;
  }
  return undefined;
}

/** Where an entry goes under `into`; an absolute name or one that climbs out is refused. */
function target(into: string, name: string): string {
  const clean = normalize(name);
  if (isAbsolute(clean) || clean === '..' || clean.startsWith(`..${sep}`)) throw new Error(`tar entry "${name}" points outside the folder it is unpacked into`);
  return join(into, clean);
}

export function extractTar(archive: Buffer, into: string): void {
  let offset = 0;
  let nextName: string | undefined;
  while (offset + BLOCK <= archive.length) {
    const header = archive.subarray(offset, offset + BLOCK);
    // Two empty blocks end the archive.
    if (header.every((byte) => byte === 0)) return;
    const ustar = text(header, 257, 6).startsWith('ustar');
    const prefix = ustar ? text(header, 345, 155) : '';
    const name = nextName ?? (prefix ? `${prefix}/${text(header, 0, 100)}` : text(header, 0, 100));
    nextName = undefined;
    const size = octal(header, 124, 12, 'size', name);
    const mode = octal(header, 100, 8, 'mode', name);
    const type = String.fromCharCode(header[156] ?? 0);
    const body = archive.subarray(offset + BLOCK, offset + BLOCK + size);
    if (body.length < size) throw new Error(`tar entry "${name}" is cut short (${body.length} of ${size} bytes)`);
    offset += BLOCK + Math.ceil(size / BLOCK) * BLOCK;
    switch (type) {
      case '0':
      case '\0': {
        const path = target(into, name);
        mkdirSync(dirname(path), { recursive: true });
        // Read and execute bits only: nothing set-user-id, nothing writable by others.
        writeFileSync(path, body, { mode: mode & 0o755 });
        break;
      }
      case '5':
        mkdirSync(target(into, name), { recursive: true });
        break;
      case 'L':
        nextName = text(body, 0, body.length);
        break;
      case 'x':
        nextName = paxPath(body);
        break;
      case 'g':
        break;
      default:
        throw new Error(`tar entry "${name}" is of a kind this unpacker does not handle (type "${type}")`);
    }
  }
  throw new Error('the tar archive ends without its closing blocks');
}
