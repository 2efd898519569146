// The Markdown reports show what people typed as text: a team name, the fresco's name, a note, a
// debrief answer is never HTML, an image, a link, emphasis or a broken table in the report. (The
// workshop report, which needs the game's state, is tried in tests/e2e/security.spec.ts.)
import { describe, expect, it } from 'vitest';
import { markdownBlock, markdownInline } from '../../../src/export/markdownText';
import { sessionMarkdown, type SessionReportInput, type SessionReportText } from '../../../src/export/sessionReport';
import { startProgress } from '../../../src/core/progress';
import { startWorkshop } from '../../../src/core/workshop';
import { testLevel } from '../fixtures';

const level = testLevel();
const HOSTILE = [
  '<img src=x onerror=alert(1)>',
  '<script>alert("x")</script>',
  '**gras** _penché_ `code` ~~barré~~',
  '[un lien](https://example.org) ![image](https://example.org/x.png)',
  'Les | Castors',
  '&lt;b&gt; &amp;',
  '# Titre',
  '- liste',
  '1. liste',
  '> citation',
  '---',
  '    code indenté',
  'Table #3 \\ fin',
];

/** No character Markdown reads as syntax is left bare in `text` (the escaped user text). */
function expectInert(text: string): void {
  expect(text).not.toMatch(/(?<!\\)[<>`*_[\]|~&#]/);
  for (const line of text.split('\n')) {
    expect(line).not.toMatch(/^\s*([-+=]|\d+[.)](\s|$))/);
    expect(line).not.toMatch(/^ {4}/);
  }
}

describe('user texts in Markdown', () => {
  it('are escaped on one line and on several', () => {
    for (const text of HOSTILE) expectInert(markdownInline(text));
    expectInert(markdownBlock(HOSTILE.join('\n')));
    expect(markdownInline('Les Hérons bleus')).toBe('Les Hérons bleus');
    expect(markdownInline('Les | Castors\nroux')).toBe('Les \\| Castors roux');
    expect(markdownBlock('première ligne\n\n- seconde')).toBe('première ligne\\\n\\- seconde');
  });

  it('the session report embeds no HTML, link or table break from a team name', () => {
    const boardOf = () => startProgress().history.present;
    const score = { correct: 0, wrong: 0, missing: 3, total: 3, percent: 0 };
    const tables = HOSTILE.map((name, index) => ({ id: `t${index}`, name, connected: true, placed: 0, links: 0, dealt: 1, locked: false, score, joinedAt: 0, lastMoveAt: null, lostMoves: 0, board: boardOf() }));
    const report: SessionReportInput = { code: 'ABCDEF', createdAt: 0, workshop: startWorkshop(level, { introduction: 1, reflection: 1, correction: 1, creative: 1, debrief: 1 }, 0), tables, summary: { tables: [], misconceptions: [], missed: [], notAsked: [], meanPercent: null } };
    const text = { title: 'Compte rendu', level: 'Niveau', date: 'Date', tables: 'tables', mean: 'Score moyen', misconceptions: 'Idées reçues', missed: 'Oubliés', notAsked: 'Vrai, mais pas demandé ici', results: 'Résultats', links: 'Flèches', none: 'Aucun', table: 'Table', placed: 'cartes', arrows: 'flèches', score: 'score', correct: '✓', wrong: '✗', missing: '○', connected: 'en ligne', sentence: () => 'phrase', tablesCount: (n: number) => `${n} tables` } satisfies SessionReportText;
    const markdown = sessionMarkdown(level, report, text, 'fr');
    expect(markdown).not.toMatch(/(?<!\\)</);
    const rows = markdown.split('\n').filter((line) => line.startsWith('| ') && line.includes(' % | '));
    expect(rows).toHaveLength(HOSTILE.length);
    // Every row keeps its seven cells: a name's "|" is no cell break.
    for (const row of rows) expect(row.split(/(?<!\\)\|/).length - 2).toBe(7);
    for (const name of HOSTILE) expect(markdown).toContain(`## ${markdownInline(name)}\n`);
  });
});
