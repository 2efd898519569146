// The "print the cards" buttons (top bar and level list): the PDF code is imported only when one
// is pressed, so that the game's first download stays the same size for those who never print.
import type { Level } from '../core/level';
import { t } from '../i18n';
import { announce } from '../state/effects';
import { readImported } from '../state/imported';
import { getState, notify, type CatalogEntry } from '../state/store';

/** A level of the list as the game plays it: the shipped file, or the text kept for an imported one. */
async function levelOf(entry: CatalogEntry): Promise<Level> {
  const source = await import('../state/levelSource');
  const loaded =
    entry.source === 'shipped'
      ? await source.loadShippedLevel(entry.id)
      : await source.loadLevelText(readImported().find((imported) => imported.id === entry.id)?.text ?? '');
  if (!loaded.level) throw new Error(t('print.invalid'));
  return loaded.level;
}

/** Makes and downloads the PDF of a level (the one played, or one of the list). */
export async function printCards(target: Level | CatalogEntry, button: HTMLButtonElement): Promise<void> {
  if (button.getAttribute('aria-busy') === 'true') return; // already being made
  button.setAttribute('aria-busy', 'true');
  announce(t('print.busy'));
  try {
    const level = 'cardCount' in target ? await levelOf(target) : target;
    const { printLevel } = await import('../print/printLevel');
    const file = await printLevel(level, getState().lang);
    announce(t('print.ready', { file }));
  } catch (cause) {
    notify('error', 'print.failed', { detail: cause instanceof Error ? cause.message : String(cause) });
  } finally {
    button.removeAttribute('aria-busy');
  }
}
