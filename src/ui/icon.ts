// Icons as inline SVG elements, built from lucide's icon data (no HTML parsing).
import { ArrowLeft, BookOpen, Check, FileText, Type, Cog, FileUp, Info, Landmark, Layers, Lightbulb, Lock, LockOpen, Maximize, Pause, Pencil, Play, Presentation, Printer, Redo2, RotateCcw, Star, StickyNote, Trash, Undo2, UserRound, Volume2, VolumeX, X, ZoomIn, ZoomOut, type IconNode } from 'lucide';
import type { CardKind } from '../core/schema';

/** Icons of the interface itself (buttons), apart from the cards' icon set. */
export const UI_ICONS = {
  back: ArrowLeft,
  undo: Undo2,
  redo: Redo2,
  zoomIn: ZoomIn,
  zoomOut: ZoomOut,
  fit: Maximize,
  check: Check,
  hint: Lightbulb,
  soundOn: Volume2,
  soundOff: VolumeX,
  reset: RotateCcw,
  deal: Layers,
  import: FileUp,
  close: X,
  remove: Trash,
  relabel: Pencil,
  read: BookOpen,
  info: Info,
  play: Play,
  pause: Pause,
  lock: Lock,
  unlock: LockOpen,
  projector: Presentation,
  note: StickyNote,
  text: FileText,
  display: Type,
  print: Printer,
} satisfies Record<string, IconNode>;

/** Each kind of card has its pictogram, so that kinds are told apart without colour. */
export const KIND_ICONS: Record<CardKind, IconNode> = {
  institution: Landmark,
  mechanism: Cog,
  actor: UserRound,
  principle: Star,
};

const SVG_NS = 'http://www.w3.org/2000/svg';

export function svgIcon(node: IconNode, size = 20, label?: string): SVGSVGElement {
  const svg = document.createElementNS(SVG_NS, 'svg');
  for (const [name, value] of Object.entries({
    width: size,
    height: size,
    viewBox: '0 0 24 24',
    fill: 'none',
    stroke: 'currentColor',
    'stroke-width': 2,
    'stroke-linecap': 'round',
    'stroke-linejoin': 'round',
    class: 'icon',
  })) {
    svg.setAttribute(name, String(value));
  }
  if (label) {
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', label);
  } else svg.setAttribute('aria-hidden', 'true');
  for (const [tag, attrs] of node) {
    const child = document.createElementNS(SVG_NS, tag);
    for (const [name, value] of Object.entries(attrs)) if (value !== undefined) child.setAttribute(name, String(value));
    svg.append(child);
  }
  return svg;
}
