// Turns zod's structural issues into the plain content issues authors read.
import type { z } from 'zod';
import { error, type ContentIssue } from './issues';
import { suggest } from './suggest';

type ZodIssue = z.core.$ZodIssue;

/** `['solution', 'links', 3, 'to']` → `solution.links[3].to` */
export function jsonPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number' && !Number.isInteger(value)) return 'number';
  return typeof value;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let node: unknown = root;
  for (const part of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[part];
  }
  return node;
}

const EXPECTED_WORDS: Record<string, string> = {
  string: 'text (string)',
  number: 'number',
  int: 'whole number',
  boolean: 'true or false',
  array: 'list (array)',
  object: 'object',
  record: 'object',
};

/**
 * In a union (a card given by id or as an object; one relation id or a list), report the errors
 * of the branch the author evidently meant: the one whose issues go deepest, rather than
 * "expected string" for an object that has a typo three levels down.
 */
function bestUnionBranch(branches: ZodIssue[][]): ZodIssue[] {
  let best: ZodIssue[] = branches[0] ?? [];
  let bestScore = -1;
  for (const branch of branches) {
    const typeMismatchAtRoot = branch.some((issue) => issue.code === 'invalid_type' && issue.path.length === 0);
    const depth = Math.max(0, ...branch.map((issue) => issue.path.length));
    const score = typeMismatchAtRoot ? 0 : depth + 1;
    if (score > bestScore) {
      best = branch;
      bestScore = score;
    }
  }
  return best;
}

export function fromZodIssues(issues: readonly ZodIssue[], root: unknown, basePath: PropertyKey[] = []): ContentIssue[] {
  const out: ContentIssue[] = [];
  for (const issue of issues) {
    const path = [...basePath, ...issue.path];
    const where = jsonPath(path);
    const value = valueAt(root, path);
    if (value === undefined && issue.code !== 'invalid_union') {
      out.push(error(where, 'required'));
      continue;
    }
    switch (issue.code) {
      case 'invalid_type':
        out.push(error(where, 'type', { expected: EXPECTED_WORDS[issue.expected] ?? issue.expected, got: describeValue(value) }));
        break;
      case 'invalid_format':
        if (issue.format === 'regex') out.push(error(where, 'id-format', { value: String(value) }));
        else out.push(error(where, 'invalid', { detail: issue.message }));
        break;
      case 'invalid_value': {
        const allowed = issue.values.map(String);
        const key = path[path.length - 1];
        if (key === 'formatVersion') out.push(error(where, 'format-version', { value: String(value), supported: allowed.join(', ') }));
        else out.push(error(where, 'enum', { value: String(value), allowed: allowed.join(', '), suggestion: suggest(String(value), allowed) }));
        break;
      }
      case 'too_small':
        if (issue.origin === 'array') out.push(error(where, 'too-few', { min: Number(issue.minimum) }));
        else if (issue.origin === 'string') out.push(error(where, 'empty-text'));
        else out.push(error(where, 'below-min', { value: String(value), min: Number(issue.minimum) }));
        break;
      case 'too_big':
        out.push(error(where, 'above-max', { value: String(value), max: Number(issue.maximum) }));
        break;
      case 'invalid_union':
        out.push(...fromZodIssues(bestUnionBranch(issue.errors), root, path));
        break;
      case 'invalid_key':
        out.push(...fromZodIssues(issue.issues, root, path));
        break;
      default:
        out.push(error(where, 'invalid', { detail: issue.message }));
    }
  }
  return out;
}
