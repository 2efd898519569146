// What people do with the game, as operations on the store: open a level, play a move, check,
// change settings, import a level file. Rules come from src/core; this module applies them,
// saves, and emits effects (sounds, screen-reader sentences).
import { catalog as shippedCatalog } from 'virtual:levels';
import { cardToRead } from '../core/cardLink';
import { isGraphContradiction } from '../core/issues';
import type { Rejection } from '../core/fresco';
import { cardOf, relationOf, type Level } from '../core/level';
import { applyProgressAction, phaseOf, startProgress, type ProgressAction } from '../core/progress';
import { displayText, type Lang } from '../core/text';
import { setInterfaceLanguage, t } from '../i18n';
import { allows } from '../core/workshop';
import { announce, playSound } from './effects';
import { publishWorkshop } from './workshopState';
import { sessionRelay } from './sessionRelay';
import { readImported, writeImported, type ImportedLevel } from './imported';
import { refreshCatalog, showMenu } from './catalog';
import type { LoadedSave } from '../core/save';
import { loadSave, writeSave } from './saves';
import { getState, idleUi, notify, setUi, store, type CatalogEntry } from './store';

/** Larger level files are surely not levels (the full fresco is ~100 KB). */
export const MAX_IMPORT_BYTES = 1024 * 1024;

export function cardTitle(level: Level, id: string, lang: Lang): string {
  const card = cardOf(level, id);
  return card ? displayText(card.title, lang) : id;
}

export function relationLabel(level: Level, id: string, lang: Lang): string {
  const relation = relationOf(level, id);
  return relation ? displayText(relation.label, lang) : id;
}

/** An arrow read as a sentence: "Citoyens — élit — Président de la République". */
export function linkSentence(level: Level, link: { from: string; to: string; relation: string }, lang: Lang): string {
  return `${cardTitle(level, link.from, lang)} — ${relationLabel(level, link.relation, lang)} — ${cardTitle(level, link.to, lang)}`;
}

/** Opens a level by id; an unknown id shows the list with a message, a broken one its errors. */
export async function openLevel(id: string): Promise<void> {
  const entry = getState().catalog.find((candidate) => candidate.id === id);
  if (!entry) {
    showMenu();
    notify('error', 'errors.unknownLevel', { id });
    return;
  }
  if (entry.issues.some((issue) => issue.severity === 'error')) {
    store.setState({ screen: 'error', game: null, failure: { levelId: id, file: entry.file, issues: entry.issues }, ui: idleUi });
    return;
  }
  store.setState({ screen: 'loading', game: null, failure: null, ui: idleUi });
  try {
    const source = await import('./levelSource');
    const loaded =
      entry.source === 'shipped'
        ? await source.loadShippedLevel(id)
        : await source.loadLevelText(readImported().find((level) => level.id === id)?.text ?? '');
    if (getState().screen !== 'loading') return; // the player went elsewhere meanwhile
    if (!loaded.level) {
      store.setState({ screen: 'error', failure: { levelId: id, file: entry.file, issues: loaded.issues } });
      return;
    }
    const saved = await loadSave(loaded.level);
    if (getState().screen !== 'loading') return;
    startGame(loaded.level, entry.source, saved);
  } catch (cause) {
    showMenu();
    notify('error', 'errors.loadFailed', { id, detail: cause instanceof Error ? cause.message : String(cause) });
  }
}

/** Shows the back of a card of the level being played (a printed card's QR code), if it has it. */
export function readCard(levelId: string, cardId: string): void {
  const { game } = getState();
  if (game?.level.id !== levelId) return;
  const card = cardToRead(game.level, cardId);
  if (card) setUi({ readingCard: card, panel: null });
}

function startGame(level: Level, source: CatalogEntry['source'], saved: LoadedSave): void {
  const title = displayText(level.title, getState().lang);
  let progress = startProgress();
  if (saved.status === 'ok') {
    progress = saved.progress;
    if (saved.notes.some((note) => note.kind === 'level-changed')) notify('info', 'errors.saveMigrated', { title });
    if (saved.notes.some((note) => note.kind !== 'level-changed')) notify('info', 'errors.saveDropped');
  } else if (saved.status === 'set-aside') {
    const reason = { corrupted: 'errors.reasonCorrupted', 'newer-version': 'errors.reasonNewer', 'other-level': 'errors.reasonOther' }[saved.reason];
    notify('error', 'errors.saveSetAside', { title, reason: t(reason) });
  }
  store.setState({ screen: 'board', failure: null, game: { level, source, progress }, ui: idleUi });
}

function rejectionNotice(reason: Rejection | string): void {
  const known = ['duplicate-link', 'same-card', 'not-on-board', 'nothing-to-deal'];
  if (known.includes(reason)) notify('info', `rejected.${reason}`);
}

/** Applies a move of the fresco. Returns false when the rules refused it. */
export function play(action: ProgressAction): boolean {
  const { game, lang, workshop, role } = getState();
  if (!game) return false;
  const relay = sessionRelay();
  // The facilitator's window of a session sends deals and checks to the tables and plays nothing itself.
  if (relay?.intercept?.(action)) return true;
  if (!allows(workshop, role === 'facilitator' ? 'facilitator' : 'group', action)) {
    notify('info', workshop?.locked ? 'workshop.boardLocked' : 'workshop.facilitatorOnly');
    return false;
  }
  const before = game.progress;
  const result = applyProgressAction(game.level, before, action);
  if (result.rejected) {
    rejectionNotice(result.rejected);
    return false;
  }
  const progress = result.progress;
  store.setState({ game: { ...game, progress } });
  if (relay?.moved) relay.moved(action);
  else if (workshop) publishWorkshop();
  else if (!writeSave(game.level, progress)) notify('error', 'errors.saveFailed');

  const { level } = game;
  const board = progress.history.present;
  switch (action.type) {
    case 'place':
      playSound('drop');
      if (!(action.card in before.history.present.placed)) announce(t('announce.placed', { card: cardTitle(level, action.card, lang) }));
      break;
    case 'return':
      announce(t('announce.returned', { card: cardTitle(level, action.card, lang) }));
      break;
    case 'link':
      playSound('link');
      announce(t('announce.linked', { sentence: linkSentence(level, action, lang) }));
      break;
    case 'unlink':
      announce(t('announce.unlinked'));
      break;
    case 'deal':
      playSound('deal');
      announce(t('announce.dealt', { current: board.dealt, count: level.batches[board.dealt - 1]?.cards.length ?? 0 }));
      break;
    case 'check': {
      const score = progress.check?.score;
      if (score) {
        playSound(score.wrong === 0 && score.correct > 0 ? 'correct' : score.wrong > 0 ? 'wrong' : 'pick');
        announce(t('announce.checked', { percent: score.percent }));
      }
      setUi({ panel: phaseOf(progress) === 'complete' ? 'complete' : 'results' });
      break;
    }
    default:
      break;
  }
  return true;
}

export function check(): void {
  play({ type: 'check' });
}

/** Reads, validates and keeps a level file; opens it when it is valid. Returns its id, if kept. */
export async function importLevelFile(name: string, text: string): Promise<string | null> {
  if (!/\.json$/i.test(name)) {
    notify('error', 'home.importNotJson', { file: name });
    return null;
  }
  if (text.length > MAX_IMPORT_BYTES) {
    notify('error', 'home.importTooBig', { file: name, size: Math.round(text.length / 1024), max: MAX_IMPORT_BYTES / 1024 });
    return null;
  }
  const { loadLevelText } = await import('./levelSource');
  const { level, issues, raw } = await loadLevelText(text);
  const rawId = (raw as { id?: unknown } | null)?.id;
  const id = level?.id ?? (typeof rawId === 'string' ? rawId : name.replace(/\.json$/i, ''));
  if (!level) {
    store.setState({ screen: 'error', game: null, failure: { levelId: id, file: name, issues }, ui: idleUi });
    notify('error', 'home.importFailed', { file: name });
    return null;
  }
  if (shippedCatalog.some((entry) => entry.id === level.id)) {
    notify('error', 'home.importIdTaken', { id: level.id });
    return null;
  }
  const others = readImported().filter((entry) => entry.id !== level.id);
  const replaced = others.length !== readImported().length;
  const entry: ImportedLevel = {
    id: level.id,
    fileName: name,
    text,
    importedAt: new Date().toISOString(),
    title: level.title,
    description: level.description,
    difficulty: level.difficulty,
    durationMinutes: level.durationMinutes,
    cardCount: level.cards.length,
    batchCount: level.batches.length,
  };
  if (!writeImported([...others, entry])) notify('error', 'errors.saveFailed');
  refreshCatalog();
  notify('info', replaced ? 'home.imported_replaced' : 'home.imported_ok', { title: displayText(level.title, getState().lang) });
  // It plays with its own answers; its author is told where it says otherwise than the deck.
  const contradictions = issues.filter(isGraphContradiction).length;
  if (contradictions > 0) notify('info', 'home.importContradicts', { title: displayText(level.title, getState().lang), count: contradictions });
  return level.id;
}
