// Join codes of workshop sessions: short, read aloud and typed on tablets, so the alphabet has no
// 0/O, 1/I/L look-alikes. Pure: randomness is passed in.

export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const CODE_LENGTH = 6;

/** A new code from `randomIndex(n)`, which returns an integer in [0, n). */
export function makeJoinCode(randomIndex: (n: number) => number): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomIndex(CODE_ALPHABET.length)];
  return code;
}

export type CodeCheck = { ok: true; code: string } | { ok: false; problem: 'empty' | 'length' | 'characters' };

/** What a person typed, made a code: case, spaces and dashes do not matter. */
export function normalizeJoinCode(input: string): CodeCheck {
  const code = input.toUpperCase().replace(/[\s-]/g, '');
  if (code === '') return { ok: false, problem: 'empty' };
  if (code.length !== CODE_LENGTH) return { ok: false, problem: 'length' };
  if (![...code].every((char) => CODE_ALPHABET.includes(char))) return { ok: false, problem: 'characters' };
  return { ok: true, code };
}

export function isJoinCode(value: unknown): value is string {
  return typeof value === 'string' && normalizeJoinCode(value).ok && value === value.toUpperCase() && value.length === CODE_LENGTH;
}
