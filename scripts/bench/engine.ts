// Engine benchmark: validating and checking a generated level of 500 cards and 2,000 links,
// in Node, with the same code the browser runs.
import { checkFresco } from '../../src/core/check';
import { layoutFresco } from '../../src/core/layout';
import { validateLevel } from '../../src/core/validate';
import { fullBoard, generatedLevelFile } from './generate';

export interface EngineFigures {
  validateMs: number;
  checkMs: number;
  totalMs: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

export function engineBench(runs = 15): EngineFigures {
  const file = generatedLevelFile('bench-500', 500, 2000, 5);
  const library = { decks: [], relations: ['elit', 'nomme', 'controle', 'vote', 'propose'].map((id) => ({ id, label: { fr: id } })) };
  const validate: number[] = [];
  const check: number[] = [];
  for (let i = 0; i < runs; i++) {
    const raw = JSON.parse(JSON.stringify(file)) as unknown;
    const t0 = performance.now();
    const { value, issues } = validateLevel(raw, library);
    const t1 = performance.now();
    if (!value) throw new Error(`generated level invalid: ${JSON.stringify(issues.slice(0, 3))}`);
    const board = fullBoard(value, 2000, 25);
    const t2 = performance.now();
    const result = checkFresco(value, board, layoutFresco(value));
    const t3 = performance.now();
    if (result.score.correct !== 2000) throw new Error(`unexpected score ${JSON.stringify(result.score)}`);
    validate.push(t1 - t0);
    check.push(t3 - t2);
  }
  const validateMs = median(validate);
  const checkMs = median(check);
  return { validateMs, checkMs, totalMs: validateMs + checkMs };
}
