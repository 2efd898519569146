// The single source of truth for what people see: settings, the screen, the level list, the
// game in progress and the transient state of the board's dialogs. Plain serializable data.
import { createStore } from 'zustand/vanilla';
import type { ContentIssue } from '../core/issues';
import type { Level } from '../core/level';
import type { Progress } from '../core/progress';
import type { TableSummary } from '../core/session';
import type { SessionSummary } from '../core/sessionSummary';
import type { TextValue } from '../core/schema';
import type { Lang } from '../core/text';
import type { Workshop } from '../core/workshop';

export type Screen = 'menu' | 'loading' | 'board' | 'error' | 'facilitator' | 'projector' | 'statement' | 'table';

/** Who this window is: a player, the facilitator's console, or the group's projected fresco. */
export type Role = 'player' | 'facilitator' | 'projector';

export interface Notice {
  id: number;
  tone: 'error' | 'info';
  /** i18n key and its parameters: the text follows the language when it changes. */
  key: string;
  params?: Record<string, unknown>;
}

export interface CatalogEntry {
  id: string;
  source: 'shipped' | 'imported';
  file: string;
  title: TextValue;
  description: TextValue | null;
  difficulty: number | null;
  durationMinutes: number | null;
  cardCount: number;
  batchCount: number;
  issues: ContentIssue[];
}

export interface Game {
  level: Level;
  source: 'shipped' | 'imported';
  progress: Progress;
}

/** A level that could not be opened, and why (the error screen). */
export interface LevelFailure {
  levelId: string;
  file: string;
  issues: ContentIssue[];
}

export type Panel = 'results' | 'hints' | 'complete' | 'text' | null;

/** State of the board's interface that is not part of the fresco and is never saved. */
export interface BoardUi {
  /** An arrow drawn and waiting for its verb, or an arrow being relabelled. */
  pendingLink: { from: string; to: string; relabel: string | null } | null;
  selectedLink: string | null;
  /** A card started as an arrow by a tap on its handle, waiting for the target card. */
  linkingFrom: string | null;
  /** A hand card chosen to be placed by a tap on the fresco (no dragging needed). */
  placingCard: string | null;
  /** The card whose back is shown in the reader. */
  readingCard: string | null;
  panel: Panel;
  /**
   * The menu of actions on a card, for the keyboard, a long press or a right click: a card on
   * the fresco (flip, move, draw an arrow, arrows) or in the hand (where to place it).
   */
  menu: { card: string; from: 'board' | 'hand' } | null;
}

/** The workshop session across tables this window takes part in (src/session, loaded on demand). */
export interface SessionView {
  code: string;
  role: 'facilitator' | 'table' | 'projector';
  connected: boolean;
  /** This window's table (a table's window). */
  table: { id: string; name: string } | null;
  joiningLocked: boolean;
  /** Every table, for the facilitator only. */
  tables: TableSummary[];
  tableCount: number;
  /** Across tables, once the correction is revealed (facilitator and projector). */
  summary: SessionSummary | null;
  /** The facilitator's aim for dealing, hints and the correction: every table, or one. */
  target: 'all' | string;
  /** The table whose fresco the facilitator has open (read-only), if any. */
  watching: string | null;
  /** A table's moves not yet acknowledged by the server (kept and sent again). */
  pending: number;
  /** A table's window: the facilitator removed this table from the session (it no longer connects). */
  removed?: boolean;
}

export interface AppState {
  lang: Lang;
  muted: boolean;
  /** Display settings: a dyslexia-friendly typeface, a high-contrast theme. */
  font: 'standard' | 'dyslexia';
  contrast: 'normal' | 'high';
  role: Role;
  screen: Screen;
  catalog: CatalogEntry[];
  notices: Notice[];
  failure: LevelFailure | null;
  game: Game | null;
  /** The facilitated workshop this window takes part in (its fresco is `game`). */
  workshop: Workshop | null;
  session: SessionView | null;
  ui: BoardUi;
}

export const idleUi: BoardUi = {
  pendingLink: null,
  selectedLink: null,
  linkingFrom: null,
  placingCard: null,
  readingCard: null,
  panel: null,
  menu: null,
};

export const store = createStore<AppState>()(() => ({
  lang: 'fr',
  muted: false,
  font: 'standard',
  contrast: 'normal',
  role: 'player',
  screen: 'menu',
  catalog: [],
  notices: [],
  failure: null,
  game: null,
  workshop: null,
  session: null,
  ui: idleUi,
}));

export const getState = store.getState;

export function setUi(patch: Partial<BoardUi>): void {
  store.setState((state) => ({ ui: { ...state.ui, ...patch } }));
}

let nextNoticeId = 1;

export function notify(tone: Notice['tone'], key: string, params?: Record<string, unknown>): void {
  const notice: Notice = { id: nextNoticeId++, tone, key, ...(params ? { params } : {}) };
  store.setState((state) => ({ notices: [...state.notices.filter((n) => n.key !== key), notice] }));
}

export function dismissNotice(id: number): void {
  store.setState((state) => ({ notices: state.notices.filter((notice) => notice.id !== id) }));
}

export function clearNotices(): void {
  store.setState({ notices: [] });
}
