// The language and sound switches, on every screen.
import { LANGS, type Lang } from '../core/text';
import { t } from '../i18n';
import { setDisplay, setLang, setMuted } from '../state/preferences';
import { store, type AppState } from '../state/store';
import { h } from './dom';
import { svgIcon, UI_ICONS } from './icon';

const LANG_NAMES: Record<Lang, string> = { fr: 'Français', en: 'English' };
let instances = 0;

export function settingsSwitches(): { element: HTMLElement; destroy: () => void } {
  const langGroup = h('div', { class: 'segmented', attrs: { role: 'group' } });
  const langButtons = LANGS.map((lang) =>
    h('button', {
      class: 'segment',
      text: lang.toUpperCase(),
      attrs: { type: 'button', lang, 'data-action': `lang-${lang}`, title: LANG_NAMES[lang], 'aria-label': LANG_NAMES[lang] },
      on: { click: () => void setLang(lang) },
    }),
  );
  langGroup.append(...langButtons);
  const sound = h('button', { class: 'icon-button', attrs: { type: 'button', 'data-action': 'toggle-sound' }, on: { click: () => setMuted(!store.getState().muted) } });
  // Display settings behind one button: a dyslexia-friendly typeface, a high-contrast theme.
  const dyslexia = h('button', { class: 'toggle', attrs: { type: 'button', 'data-action': 'toggle-dyslexia-font' }, on: { click: () => void setDisplay({ font: store.getState().font === 'dyslexia' ? 'standard' : 'dyslexia' }) } });
  const contrast = h('button', { class: 'toggle', attrs: { type: 'button', 'data-action': 'toggle-contrast' }, on: { click: () => void setDisplay({ contrast: store.getState().contrast === 'high' ? 'normal' : 'high' }) } });
  const statement = h('a', { class: 'settings-link', attrs: { href: '?page=accessibility', 'data-action': 'accessibility-statement' } });
  const popover = h('div', { class: 'settings-popover', attrs: { id: `display-settings-${++instances}`, hidden: true } }, [dyslexia, contrast, statement]);
  const display = h('button', { class: 'icon-button', attrs: { type: 'button', 'data-action': 'open-settings', 'aria-expanded': 'false', 'aria-controls': popover.id } }, [svgIcon(UI_ICONS.display, 20)]);
  const toggle = (open: boolean) => {
    popover.hidden = !open;
    display.setAttribute('aria-expanded', String(open));
  };
  display.addEventListener('click', () => toggle(popover.hidden === true));
  popover.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      toggle(false);
      display.focus();
    }
  });
  const element = h('div', { class: 'switches' }, [langGroup, sound, h('div', { class: 'settings' }, [display, popover])]);

  const render = (state: AppState) => {
    langGroup.setAttribute('aria-label', t('settings.language'));
    langButtons.forEach((button, i) => button.setAttribute('aria-pressed', String(LANGS[i] === state.lang)));
    sound.replaceChildren(svgIcon(state.muted ? UI_ICONS.soundOff : UI_ICONS.soundOn, 20));
    sound.setAttribute('aria-pressed', String(!state.muted));
    sound.setAttribute('aria-label', t('settings.sound'));
    sound.title = state.muted ? t('settings.soundOff') : t('settings.soundOn');
    display.setAttribute('aria-label', t('settings.display'));
    display.title = t('settings.display');
    dyslexia.textContent = t('settings.dyslexiaFont');
    dyslexia.setAttribute('aria-pressed', String(state.font === 'dyslexia'));
    contrast.textContent = t('settings.highContrast');
    contrast.setAttribute('aria-pressed', String(state.contrast === 'high'));
    statement.textContent = t('statement.link');
    statement.setAttribute('href', `?page=accessibility&lang=${state.lang}`);
  };
  render(store.getState());
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.lang !== previous.lang || state.muted !== previous.muted || state.font !== previous.font || state.contrast !== previous.contrast) render(state);
  });
  return { element, destroy: unsubscribe };
}
