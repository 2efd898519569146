// A card drawn in the DOM (hand tray, card reader): kind band with its pictogram and name, the
// card's icon, title and summary. Content is set as text.
import type { CardDef } from '../core/schema';
import { displayText, type Lang } from '../core/text';
import { t } from '../i18n';
import { h, present } from './dom';
import { cardIconNode } from './cardIcon';
import { KIND_ICONS, svgIcon } from './icon';

export function kindBand(card: CardDef): HTMLElement {
  return h('div', { class: 'kind-band' }, [svgIcon(KIND_ICONS[card.kind], 16), h('span', { text: t(`kinds.${card.kind}`) })]);
}

export function cardFront(card: CardDef, lang: Lang): HTMLElement[] {
  return present<HTMLElement>([
    kindBand(card),
    h('div', { class: 'card-head' }, [
      svgIcon(cardIconNode(card.icon, card.kind), 26),
      h('span', { class: 'card-title', text: displayText(card.title, lang) }),
    ]),
    card.summary ? h('p', { class: 'card-summary', text: displayText(card.summary, lang) }) : null,
  ]);
}
