// Settings kept on this device: language and sound.
import { isLang, type Lang } from '../core/text';
import { keys, readItem, writeItem } from './storage';

export type FontChoice = 'standard' | 'dyslexia';
export type ContrastChoice = 'normal' | 'high';

export interface Settings {
  lang: Lang | null;
  muted: boolean;
  font: FontChoice;
  contrast: ContrastChoice;
}

export function readSettings(): Settings {
  try {
    const raw = JSON.parse(readItem(keys.settings) ?? '{}') as Record<string, unknown>;
    return {
      lang: isLang(raw.lang) ? raw.lang : null,
      muted: raw.muted === true,
      font: raw.font === 'dyslexia' ? 'dyslexia' : 'standard',
      contrast: raw.contrast === 'high' ? 'high' : 'normal',
    };
  } catch {
    return { lang: null, muted: false, font: 'standard', contrast: 'normal' };
  }
}

export function writeSettings(settings: Settings): void {
  writeItem(keys.settings, JSON.stringify(settings));
}

/** The browser's preferred language among those the game speaks. */
export function browserLang(languages: readonly string[]): Lang | null {
  for (const tag of languages) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLang(base)) return base;
  }
  return null;
}
