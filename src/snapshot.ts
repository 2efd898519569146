// window.fresque.snapshot(): what is on screen as plain JSON, for tests and scripts
// (design/contract.md). Read-only: tests act through real input.
import { soundLog } from './audio/sounds';
import { currentBoard } from './boardHost';
import { notAskedCount, type Verdict } from './core/check';
import { dealtCards, linkSignature } from './core/fresco';
import { describeIssue } from './core/issues';
import type { Rect } from './core/layout';
import { layoutOf, phaseOf } from './core/progress';
import { zoneAt } from './core/layout';
import { t } from './i18n';
import { isRunning, remaining } from './core/workshop';
import { store } from './state/store';

export interface CardSnapshot {
  id: string;
  location: 'hand' | 'board' | 'undealt';
  zone: string | null;
  faceUp: boolean;
  rect: Rect;
  handle: { x: number; y: number } | null;
  title: string;
}

type VerdictStatus = Verdict['status'];

const NO_RECT: Rect = { x: 0, y: 0, width: 0, height: 0 };

function domRect(element: Element | null): Rect {
  if (!element) return NO_RECT;
  const r = element.getBoundingClientRect();
  return { x: r.left, y: r.top, width: r.width, height: r.height };
}

export function snapshot() {
  const state = store.getState();
  const { game, ui } = state;
  const board = currentBoard();
  board?.syncSize();
  const errors = [
    ...(state.screen === 'error' && state.failure
      ? state.failure.issues.filter((issue) => issue.severity === 'error').map((issue) => `${state.failure?.file}: ${describeIssue(issue, state.lang)}`)
      : []),
    ...state.notices.filter((notice) => notice.tone === 'error').map((notice) => t(notice.key, notice.params)),
  ];
  let cards: CardSnapshot[] = [];
  // `verdict` is what the last check said of the arrow (null before a check or for an arrow drawn since).
  let links: { id: string; from: string; to: string; relation: string | null; label?: { x: number; y: number } | null; verdict?: VerdictStatus | null }[] = [];
  if (game) {
    const present = game.progress.history.present;
    const dealt = new Set(dealtCards(game.level, present));
    const layout = layoutOf(game.level);
    cards = game.level.cards.map((card) => {
      const placed = present.placed[card.id];
      const location = placed ? 'board' : dealt.has(card.id) ? 'hand' : 'undealt';
      const rect =
        location === 'board'
          ? (board?.cardRect(card.id) ?? NO_RECT)
          : location === 'hand'
            ? domRect(document.querySelector(`.hand [data-card-id="${CSS.escape(card.id)}"]`))
            : NO_RECT;
      return {
        id: card.id,
        location,
        zone: placed ? zoneAt(layout, placed) : null,
        faceUp: !game.progress.faceDown.includes(card.id),
        rect,
        handle: location === 'board' ? (board?.handle(card.id) ?? null) : null,
        title: card.title.fr,
      };
    });
    const verdicts = game.progress.check?.verdicts;
    links = present.links.map((link) => ({
      id: link.id,
      from: link.from,
      to: link.to,
      relation: link.relation,
      label: board?.linkLabel(link.id) ?? null,
      verdict: verdicts?.[linkSignature(link)]?.status ?? null,
    }));
    if (ui.pendingLink && !ui.pendingLink.relabel) links.push({ id: 'pending', from: ui.pendingLink.from, to: ui.pendingLink.to, relation: null });
  }
  const check = game?.progress.check ?? null;
  const workshop = state.workshop;
  return {
    role: state.role,
    screen: state.screen,
    levelId: game?.level.id ?? state.failure?.levelId ?? null,
    lang: state.lang,
    phase: game ? phaseOf(game.progress) : state.screen,
    batch: game ? { dealt: game.progress.history.present.dealt, total: game.level.batches.length } : null,
    cards,
    links,
    board: { rect: board?.boardRect() ?? NO_RECT, zoom: board?.zoom() ?? null, world: board?.worldRect() ?? null },
    zones: board?.zoneRects() ?? [],
    // notAsked: arrows true in the deck that the level does not ask for (not in correct, wrong or total).
    score: check ? { ...check.score, notAsked: notAskedCount(check) } : null,
    placement: check?.placement ? { correct: check.placement.correct, total: check.placement.total } : null,
    hints: game ? { shown: game.progress.hintsShown, total: game.level.hints.length } : null,
    selectedLink: ui.selectedLink,
    levels: state.catalog.map((entry) => ({ id: entry.id, source: entry.source, valid: !entry.issues.some((issue) => issue.severity === 'error') })),
    sound: { muted: state.muted, played: [...soundLog] },
    workshop:
      workshop && game
        ? {
            phase: workshop.phase,
            batch: game.progress.history.present.dealt,
            locked: workshop.locked,
            timer: { remainingMs: Math.round(remaining(workshop.timer, Date.now())), running: isRunning(workshop.timer) },
            revealed: workshop.revealed.length,
            misconceptionsShown: workshop.misconceptionsShown,
            hint: workshop.hint,
            highlight: workshop.highlight,
            frescoName: workshop.frescoName,
            notes: workshop.notes.map((note) => ({ id: note.id, text: note.text, ...(board ? { at: board.worldToPage(note) } : {}) })),
            debriefIndex: workshop.debriefIndex,
          }
        : null,
    session: state.session
      ? {
          code: state.session.code,
          role: state.session.role,
          connected: state.session.connected,
          // Only the facilitator knows the other tables.
          tables: state.session.role === 'facilitator'
            ? state.session.tables.map((table) => ({ id: table.id, name: table.name, connected: table.connected, placed: table.placed, links: table.links, score: table.score.percent }))
            : [],
        }
      : null,
    errors,
  };
}

export type Snapshot = ReturnType<typeof snapshot>;
