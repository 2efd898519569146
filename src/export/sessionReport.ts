// The report of a whole session, for every table at once: Markdown to read and print, CSV for a
// spreadsheet, JSON for other tools. Pure: built from what the server sends the facilitator.
import type { Board } from '../core/fresco';
import type { Level } from '../core/level';
import type { TableSummary } from '../core/session';
import type { SessionSummary } from '../core/sessionSummary';
import { displayText, type Lang } from '../core/text';
import type { Workshop } from '../core/workshop';

export interface SessionReportInput {
  code: string;
  createdAt: number;
  workshop: Workshop;
  tables: (TableSummary & { board: Board })[];
  summary: SessionSummary;
}

export interface SessionReportText {
  title: string;
  level: string;
  date: string;
  tables: string;
  mean: string;
  misconceptions: string;
  missed: string;
  notAsked: string;
  results: string;
  links: string;
  none: string;
  table: string;
  placed: string;
  arrows: string;
  score: string;
  correct: string;
  wrong: string;
  missing: string;
  connected: string;
  sentence: (link: { from: string; to: string; relation: string }) => string;
  tablesCount: (count: number) => string;
}

export function sessionMarkdown(level: Level, report: SessionReportInput, text: SessionReportText, lang: Lang): string {
  const lines: string[] = [];
  const cell = (value: string) => value.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  lines.push(`# ${text.title} — ${displayText(level.title, lang)}`, '');
  lines.push(`- ${text.level}: ${displayText(level.title, lang)} (${level.id})`);
  lines.push(`- ${text.date}: ${new Date(report.createdAt).toISOString().slice(0, 16).replace('T', ' ')}`);
  lines.push(`- Code: ${report.code}`);
  lines.push(`- ${text.tables}: ${report.tables.length}`);
  if (report.summary.meanPercent !== null) lines.push(`- ${text.mean}: ${report.summary.meanPercent} %`);
  lines.push('', `## ${text.results}`, '');
  lines.push(`| ${text.table} | ${text.placed} | ${text.arrows} | ${text.score} | ${text.correct} | ${text.wrong} | ${text.missing} |`, '|---|---|---|---|---|---|---|');
  for (const table of report.tables) {
    lines.push(`| ${cell(table.name)} | ${table.placed} | ${table.links} | ${table.score.percent} % | ${table.score.correct}/${table.score.total} | ${table.score.wrong} | ${table.score.missing} |`);
  }
  const counted = (title: string, items: SessionSummary['misconceptions']) => {
    lines.push('', `## ${title}`, '');
    if (items.length === 0) lines.push(text.none);
    for (const item of items) lines.push(`- ${text.sentence(item)} — ${text.tablesCount(item.tables)}`);
  };
  counted(text.misconceptions, report.summary.misconceptions);
  counted(text.missed, report.summary.missed);
  if (report.summary.notAsked?.length) counted(text.notAsked, report.summary.notAsked);
  for (const table of report.tables) {
    lines.push('', `## ${table.name}`, '', `${text.links}:`, '');
    if (table.board.links.length === 0) lines.push(text.none);
    for (const link of table.board.links) lines.push(`- ${text.sentence(link)}`);
  }
  return `${lines.join('\n')}\n`;
}

function csvCell(value: string | number): string {
  const textValue = String(value);
  // Quoted, and a leading formula character neutralised: a spreadsheet must not run a team name.
  const safe = /^[=+\-@]/.test(textValue) ? `'${textValue}` : textValue;
  return `"${safe.replace(/"/g, '""')}"`;
}

export function sessionCsv(report: SessionReportInput): string {
  const header = ['table', 'name', 'connected', 'placed', 'links', 'dealt', 'percent', 'correct', 'wrong', 'missing', 'total', 'last_move'];
  const rows = report.tables.map((table) => [
    table.id,
    table.name,
    table.connected ? 'yes' : 'no',
    table.placed,
    table.links,
    table.dealt,
    table.score.percent,
    table.score.correct,
    table.score.wrong,
    table.score.missing,
    table.score.total,
    table.lastMoveAt === null ? '' : new Date(table.lastMoveAt).toISOString(),
  ]);
  return `${[header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

export function sessionJson(level: Level, report: SessionReportInput): string {
  return JSON.stringify(
    {
      format: 'fresque-session-report',
      version: 1,
      code: report.code,
      level: { id: level.id, title: level.title },
      createdAt: new Date(report.createdAt).toISOString(),
      phase: report.workshop.phase,
      revealed: report.workshop.revealed.length,
      tables: report.tables.map((table) => ({ id: table.id, name: table.name, placed: table.placed, links: table.links, dealt: table.dealt, score: table.score, board: table.board })),
      summary: report.summary,
    },
    null,
    2,
  );
}
