// The small tools every content validator shares: the result type, the structural pass (zod),
// and the near-miss key warnings. Apart from validate.ts so that the truth graph's validation
// (truthGraph.ts) uses the same ones without importing the level's.
import type { z } from 'zod';
import { warning, type ContentIssue } from './issues';
import { suggest } from './suggest';
import { fromZodIssues } from './zodIssues';

export interface Validated<T> {
  value: T | null;
  issues: ContentIssue[];
}

export function structural<T>(schema: z.ZodType<T>, raw: unknown): Validated<T> {
  const result = schema.safeParse(raw, { reportInput: true });
  if (result.success) return { value: result.data, issues: [] };
  return { value: null, issues: fromZodIssues(result.error.issues, raw) };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Unknown keys are allowed (the format grows by additive keys) but a near-miss is probably a typo. */
export function unknownKeys(node: unknown, known: readonly string[], path: string, out: ContentIssue[]): void {
  if (!isRecord(node)) return;
  for (const key of Object.keys(node)) {
    if (known.includes(key)) continue;
    const suggestion = suggest(key, known);
    if (suggestion) out.push(warning(path ? `${path}.${key}` : key, 'unknown-key', { key, suggestion }));
  }
}

export function eachRecord(list: unknown, path: string, visit: (item: unknown, itemPath: string) => void): void {
  if (Array.isArray(list)) list.forEach((item, i) => visit(item, `${path}[${i}]`));
}

export const asList = (relation: string | string[]): string[] => (Array.isArray(relation) ? relation : [relation]);

/** An arrow as authors read it in a message: `citoyens — elit — maire`. */
export const tripleText = (from: string, relation: string, to: string): string => `${from} — ${relation} — ${to}`;
