// `npm run levels:check [files…]`: validates levels (and the decks, truth graphs and relations they use).
// One line per problem naming file, JSON path and problem; exit code 1 on any error.
import { basename, dirname, resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { formatIssue, hasErrors } from '../src/core/issues';
import type { ContentLibrary } from '../src/core/validate';
import { checkLevelFile, loadContent, loadLibrary, RELATIONS_FILE, type CheckedFile } from './content';

const LEVELS_DIR = resolve(import.meta.dirname, '..', 'levels');
/** The shipped content must agree with its decks' truth graphs: a contradiction is an error here. */
const STRICT = { graphContradictions: 'error' } as const;

function report(files: CheckedFile[]): number {
  let errors = 0;
  let warnings = 0;
  for (const file of files) {
    for (const issue of file.issues) {
      console.log(formatIssue(file.file, issue));
      if (issue.severity === 'error') errors++;
      else warnings++;
    }
  }
  const levels = files.filter((file) => file.kind === 'level').length;
  const summary = `${files.length} file(s) checked (${levels} level(s)): ${errors} error(s), ${warnings} warning(s)`;
  if (errors > 0) console.error(summary);
  else console.log(summary);
  return errors;
}

/** A deck or the relations file is checked with the library it belongs to; anything else as a level. */
function checkOne(path: string, library: ContentLibrary): CheckedFile | undefined {
  if (basename(path) === RELATIONS_FILE) return loadLibrary(dirname(path)).files.find((file) => file.path === path);
  if (basename(dirname(path)) === 'decks') return loadLibrary(dirname(dirname(path))).files.find((file) => file.path === path);
  return checkLevelFile(path, library, STRICT);
}

function main(args: string[]): number {
  if (args.length === 0) return report(loadContent(LEVELS_DIR, STRICT).files) > 0 ? 1 : 0;
  const missing = args.filter((arg) => !existsSync(resolve(arg)));
  for (const arg of missing) console.error(`${arg}: no such file`);
  const { library } = loadLibrary(LEVELS_DIR);
  const checked = args.filter((arg) => !missing.includes(arg)).flatMap((arg) => checkOne(resolve(arg), library) ?? []);
  return report(checked) > 0 || missing.length > 0 ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
