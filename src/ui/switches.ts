// The language and sound switches, on every screen.
import { LANGS, type Lang } from '../core/text';
import { t } from '../i18n';
import { setLang, setMuted } from '../state/game';
import { store, type AppState } from '../state/store';
import { h } from './dom';
import { svgIcon, UI_ICONS } from './icon';

const LANG_NAMES: Record<Lang, string> = { fr: 'Français', en: 'English' };

export function settingsSwitches(): { element: HTMLElement; destroy: () => void } {
  const langGroup = h('div', { class: 'segmented', attrs: { role: 'group' } });
  const langButtons = LANGS.map((lang) =>
    h('button', {
      class: 'segment',
      text: lang.toUpperCase(),
      attrs: { type: 'button', lang, 'data-action': `lang-${lang}`, title: LANG_NAMES[lang], 'aria-label': LANG_NAMES[lang] },
      on: { click: () => setLang(lang) },
    }),
  );
  langGroup.append(...langButtons);
  const sound = h('button', { class: 'icon-button', attrs: { type: 'button', 'data-action': 'toggle-sound' }, on: { click: () => setMuted(!store.getState().muted) } });
  const element = h('div', { class: 'switches' }, [langGroup, sound]);

  const render = (state: AppState) => {
    langGroup.setAttribute('aria-label', t('settings.language'));
    langButtons.forEach((button, i) => button.setAttribute('aria-pressed', String(LANGS[i] === state.lang)));
    sound.replaceChildren(svgIcon(state.muted ? UI_ICONS.soundOff : UI_ICONS.soundOn, 20));
    sound.setAttribute('aria-pressed', String(!state.muted));
    sound.setAttribute('aria-label', t('settings.sound'));
    sound.title = state.muted ? t('settings.soundOff') : t('settings.soundOn');
  };
  render(store.getState());
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.lang !== previous.lang || state.muted !== previous.muted) render(state);
  });
  return { element, destroy: unsubscribe };
}
