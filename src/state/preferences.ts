// The player's preferences (language, sound, display), applied and remembered on this device.
import type { Lang } from '../core/text';
import { loadLanguage, setInterfaceLanguage } from '../i18n';
import { writeSettings } from './settings';
import { getState, store } from './store';

function saveSettings(): void {
  const { lang, muted, font, contrast } = getState();
  writeSettings({ lang, muted, font, contrast });
}

export async function setLang(lang: Lang): Promise<void> {
  await loadLanguage(lang).catch(() => undefined);
  setInterfaceLanguage(lang);
  store.setState({ lang });
  saveSettings();
}

export function setMuted(muted: boolean): void {
  store.setState({ muted });
  saveSettings();
}

/**
 * Applies the display settings to the page (CSS reads them on <html>, so does the board). The
 * dyslexia-friendly typeface is downloaded only by those who choose it; the promise resolves
 * once it can be drawn.
 */
export async function applyDisplay(font: 'standard' | 'dyslexia', contrast: 'normal' | 'high'): Promise<void> {
  document.documentElement.dataset.contrast = contrast;
  if (font === 'dyslexia') {
    await Promise.all([import('@fontsource/opendyslexic/400.css'), import('@fontsource/opendyslexic/700.css')]);
    await Promise.race([
      Promise.all([document.fonts.load('400 16px OpenDyslexic'), document.fonts.load('700 16px OpenDyslexic')]),
      new Promise((resolve) => setTimeout(resolve, 2500)),
    ]).catch(() => undefined);
  }
  document.documentElement.dataset.font = font;
}

export async function setDisplay(change: { font?: 'standard' | 'dyslexia'; contrast?: 'normal' | 'high' }): Promise<void> {
  const font = change.font ?? getState().font;
  const contrast = change.contrast ?? getState().contrast;
  await applyDisplay(font, contrast);
  store.setState({ font, contrast });
  saveSettings();
}
