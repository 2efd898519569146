// Colours and type of the fresco (design/look-and-feel.md): an Okabe-Ito palette that stays
// distinct for colour-blind players, always paired with a pictogram and a silhouette per kind.
import type { CardKind } from '../core/schema';

const STANDARD_FONT = '"Atkinson Hyperlegible", "Segoe UI", system-ui, sans-serif';
/** OpenDyslexic, for players who read more easily with it (a display setting). */
const DYSLEXIA_FONT = '"OpenDyslexic", "Atkinson Hyperlegible", sans-serif';

/** The typeface text is drawn with: the one chosen in the display settings (set on <html>). */
export function fontFamily(): string {
  return typeof document !== 'undefined' && document.documentElement.dataset.font === 'dyslexia' ? DYSLEXIA_FONT : STANDARD_FONT;
}

/** Whether the high-contrast theme is on (a display setting, set on <html>). */
export function highContrast(): boolean {
  return typeof document !== 'undefined' && document.documentElement.dataset.contrast === 'high';
}

export interface KindStyle {
  color: number;
  /** Text colour on the kind band, chosen for a contrast of at least 4.5:1. */
  bandText: string;
  bandTextColor: number;
}

export const KIND_STYLES: Record<CardKind, KindStyle> = {
  institution: { color: 0x0072b2, bandText: '#ffffff', bandTextColor: 0xffffff },
  mechanism: { color: 0xe69f00, bandText: '#1b1b1b', bandTextColor: 0x1b1b1b },
  actor: { color: 0x009e73, bandText: '#1b1b1b', bandTextColor: 0x1b1b1b },
  principle: { color: 0xcc79a7, bandText: '#1b1b1b', bandTextColor: 0x1b1b1b },
};

export const CARD_FACE = 0xfffdf7;
export const CARD_TEXT = '#1b1b1b';
export const CARD_MUTED_TEXT = '#3d3a35';
export const PAPER = 0xf4eee2;

export const ARROW = {
  neutral: 0x3d3d3d,
  correct: 0x1a7f37,
  wrong: 0xc62828,
  hint: 0x6b6b6b,
  selected: 0x005a9c,
  revealed: 0x0072b2,
  /** "True, not asked here": a calm slate violet, neither the green of right nor the red of wrong (and dotted, with ◇). */
  notAsked: 0x5b4a9e,
};

/** Soft tints for zones, in turn. */
export const ZONE_TINTS = [0xe7dcc4, 0xd6e3dc, 0xe4d7e3, 0xd8e0ec, 0xebe2cf, 0xdfe6d2];
export const ZONE_LABEL = '#5f5243';

export const TEXT_SIZES = {
  band: 12,
  title: 17,
  summary: 13,
  back: 12,
  label: 14,
  zone: 22,
};
