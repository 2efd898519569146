// Facilitator mode (?mode=facilitator): the PIN first, then either the workshop in progress on
// this device (resumed after a reload) or the preparation of a new one.
import { readUrl } from '../../router';
import { listenToWorkshop, resumeWorkshop } from '../../state/workshopState';
import { store } from '../../state/store';
import { h } from '../dom';
import { mountConsole } from './console';
import { mountPinGate } from './pinGate';
import { mountSetup } from './setup';

/** Leaving facilitator mode goes back to the level list (the workshop stays on the device). */
function quit(): void {
  const url = new URL(window.location.href);
  url.search = '';
  url.searchParams.set('lang', store.getState().lang);
  window.location.assign(url.toString());
}

export function mountFacilitator(parent: HTMLElement): () => void {
  const root = h('div', { class: 'facilitator' });
  parent.append(root);
  let unmount: () => void = () => {};
  let shown: 'gate' | 'setup' | 'console' | null = null;
  let unlocked = false;

  const show = () => {
    const want = !unlocked ? 'gate' : store.getState().workshop ? 'console' : 'setup';
    if (want === shown) return;
    unmount();
    shown = want;
    if (want === 'gate') {
      unmount = mountPinGate(root, () => {
        unlocked = true;
        void resumeWorkshop().finally(show);
      });
    } else if (want === 'setup') unmount = mountSetup(root, readUrl().level);
    else unmount = mountConsole(root, quit);
  };
  listenToWorkshop();
  show();
  const unsubscribe = store.subscribe((state, previous) => {
    if (Boolean(state.workshop) !== Boolean(previous.workshop)) show();
  });
  return () => {
    unsubscribe();
    unmount();
    root.remove();
  };
}
