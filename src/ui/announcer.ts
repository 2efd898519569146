// A live region that reads out what happens on the board (card placed, arrow drawn, check
// result) to screen-reader users.
import { onEffect } from '../state/effects';
import { h } from './dom';

export function mountAnnouncer(parent: HTMLElement): () => void {
  const region = h('div', { class: 'visually-hidden', attrs: { 'aria-live': 'polite', 'data-announcer': true } });
  parent.append(region);
  const off = onEffect((effect) => {
    if (effect.type !== 'announce') return;
    // Replacing the text (rather than appending) makes screen readers read each message once.
    region.textContent = '';
    window.setTimeout(() => (region.textContent = effect.text), 30);
  });
  return () => {
    off();
    region.remove();
  };
}
