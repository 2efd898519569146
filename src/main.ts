// Wires the game together: settings and URL, the store, the interface, sounds, and the
// read-only window.fresque API. Nothing else happens here.
import './noEval';
import '@fontsource/atkinson-hyperlegible/400.css';
import '@fontsource/atkinson-hyperlegible/700.css';
import '@fontsource/atkinson-hyperlegible/400-italic.css';
import './styles/main.css';
import { startSounds } from './audio/sounds';
import { isLang, type Lang } from './core/text';
import { loadLanguage, setInterfaceLanguage } from './i18n';
import { consumeCard, consumeFresh, dropLevelFromUrl, listenToHistory, readUrl } from './router';
import { whenIdle } from './idle';
import { startOffline } from './offline';
import { snapshot } from './snapshot';
import { buildCatalog } from './state/catalog';
import { openCardSoon, openLevelSoon } from './state/lazyGame';
import { applyDisplay } from './state/preferences';
import { browserLang, readSettings } from './state/settings';
import { forgetSaves, storageAvailable } from './state/storage';
import { notify, store } from './state/store';
import { mountApp } from './ui/app';
import { applyPaperGrain } from './ui/paper';

declare global {
  interface Window {
    fresque: { snapshot: typeof snapshot };
  }
}

const request = readUrl();
if (request.fresh) {
  forgetSaves();
  consumeFresh();
}
if (request.card !== null) consumeCard();
const settings = readSettings();
const lang: Lang = isLang(request.lang) ? request.lang : (settings.lang ?? browserLang(navigator.languages ?? []) ?? 'fr');
/** The first screen, once its language is here. */
function start(): void {
  setInterfaceLanguage(lang);
  // Tests and scripts wait for this hook: it appears once the game has started.
  window.fresque = { snapshot };
  void applyDisplay(settings.font, settings.contrast);
  store.setState({ lang, muted: settings.muted, font: settings.font, contrast: settings.contrast, catalog: buildCatalog() });

  const root = document.getElementById('app');
  if (root) {
    // Decoration, made once the first screen is up and the page is idle (a few milliseconds, forty
    // on a slow laptop, and the whole page painted again): not in the middle of a board's loading,
    // which keeps a slow laptop busy for a second.
    whenIdle(() => applyPaperGrain(), 5000);
    if (request.lang !== null && !isLang(request.lang)) {
      notify('error', 'errors.unknownLang', { lang: request.lang, fallback: lang === 'fr' ? 'français' : 'English' });
    }
    if (!storageAvailable()) notify('error', 'errors.storageUnavailable');
    // The first screen is chosen before the interface is built: the home screen is not drawn
    // only to be replaced (a slow laptop opening a level's address saves a tenth of a second).
    route();
    mountApp(root);
    startSounds();
    startOffline();
    listenToHistory();
  }
}

/** The screen the address asks for. */
function route(): void {
  if (request.page === 'accessibility') store.setState({ screen: 'statement' });
  else if (request.view === 'projector') store.setState({ role: 'projector', screen: 'projector' });
  else if (request.code !== null) store.setState({ screen: 'table' });
  else if (request.mode === 'facilitator') store.setState({ role: 'facilitator', screen: 'facilitator' });
  else if (request.level !== null) {
    const { level, card } = request;
    if (store.getState().catalog.some((entry) => entry.id === level)) {
      void (card !== null ? openCardSoon(level, card) : openLevelSoon(level));
    } else {
      notify('error', 'errors.unknownLevel', { id: request.level });
      dropLevelFromUrl();
    }
  }
}

// English strings come over the network before the first screen (French is in the page). Not
// a top-level await: that would split the page's code into many small files.
void loadLanguage(lang)
  .catch(() => undefined)
  .then(start);
