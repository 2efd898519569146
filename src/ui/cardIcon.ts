// Cards' icons: the project's icon set, bundled with the board and the print code, not with the
// level list.
import type { IconNode } from 'lucide';
import { isIconName } from '../core/icons';
import type { CardKind } from '../core/schema';
import { ICONS } from '../icons/iconSet';
import { KIND_ICONS } from './icon';

/** A card's own icon, or its kind's pictogram when it has none (or one outside the set). */
export function cardIconNode(icon: string | undefined, kind: CardKind): IconNode {
  return icon !== undefined && isIconName(icon) ? ICONS[icon] : KIND_ICONS[kind];
}
