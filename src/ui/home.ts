// The home screen: the levels (shipped and imported), with their difficulty, duration and
// progress on this device, to play or to print; opening a level file; language and sound.
import { normalizeJoinCode } from '../core/joinCode';
import { displayText, type Lang } from '../core/text';
import { t } from '../i18n';
import { facilitatorUrl, goToLevel } from '../router';
import { removeImportedLevel } from '../state/catalog';
import { readSummary } from '../state/saveSummary';
import { store, type AppState, type CatalogEntry } from '../state/store';
import { h } from './dom';
import { svgIcon, UI_ICONS } from './icon';
import { chooseLevelFile } from './importLevel';
import { printCards } from './printCards';
import { settingsSwitches } from './switches';

function difficultyDots(value: number): HTMLElement {
  return h(
    'span',
    { class: 'difficulty', attrs: { role: 'img', 'aria-label': t('home.difficulty', { value }) } },
    Array.from({ length: 5 }, (_, i) => h('span', { class: i < value ? 'dot dot-on' : 'dot', attrs: { 'aria-hidden': 'true' } })),
  );
}

function levelItem(entry: CatalogEntry, lang: Lang): HTMLElement {
  const hasErrors = entry.issues.some((issue) => issue.severity === 'error');
  const summary = hasErrors ? null : readSummary(entry.id);
  const title = displayText(entry.title, lang);
  const meta = h('p', { class: 'level-meta' }, [
    entry.difficulty !== null ? difficultyDots(entry.difficulty) : null,
    entry.durationMinutes !== null ? h('span', { text: t('home.duration', { minutes: entry.durationMinutes }) }) : null,
    entry.cardCount > 0 ? h('span', { text: t('home.cards', { count: entry.cardCount }) }) : null,
    entry.batchCount > 0 ? h('span', { text: t('home.batches', { count: entry.batchCount }) }) : null,
    entry.source === 'imported' ? h('span', { class: 'tag', text: t('home.imported') }) : null,
    hasErrors ? h('span', { class: 'tag tag-error', text: t('home.invalid') }) : null,
  ]);
  const progress = summary
    ? h('p', { class: 'level-progress' }, [
        summary.complete
          ? h('span', { class: 'tag tag-done', text: t('home.completed') })
          : h('span', { text: t('home.inProgress', { placed: t('home.placedCards', { count: summary.placed }), links: t('home.drawnLinks', { count: summary.links }) }) }),
        summary.percent !== null && !summary.complete ? h('span', { text: t('home.lastScore', { percent: summary.percent }) }) : null,
      ])
    : null;
  const action = hasErrors ? t('home.showErrors') : summary ? (summary.complete ? t('home.replay') : t('home.resume')) : t('home.play');
  return h('li', { class: 'level-card', attrs: { 'data-level-id': entry.id } }, [
    h('h3', { class: 'level-title', text: title }),
    entry.description ? h('p', { class: 'level-description', text: displayText(entry.description, lang) }) : null,
    meta,
    progress,
    h('div', { class: 'level-actions' }, [
      h('button', {
        class: hasErrors ? 'button' : 'button button-primary',
        text: action,
        attrs: { type: 'button', 'data-action': 'open-level', 'data-level-id': entry.id, 'aria-label': `${action} : ${title}` },
        on: { click: () => goToLevel(entry.id) },
      }),
      hasErrors
        ? null
        : h('button', {
            class: 'button button-quiet',
            attrs: { type: 'button', 'data-action': 'print-cards', 'data-level-id': entry.id, 'aria-label': t('print.cardsOf', { title }), title: t('print.cardsOf', { title }) },
            on: { click: (event) => void printCards(entry, event.currentTarget as HTMLButtonElement) },
          }, [svgIcon(UI_ICONS.print, 16), t('print.cardsShort')]),
      entry.source === 'imported'
        ? h('button', {
            class: 'button button-quiet',
            attrs: { type: 'button', 'data-action': 'remove-level', 'data-level-id': entry.id },
            on: {
              click: () => {
                if (window.confirm(t('home.removeConfirm', { title }))) removeImportedLevel(entry.id);
              },
            },
          }, [svgIcon(UI_ICONS.remove, 16), t('home.remove')])
        : null,
    ]),
  ]);
}

/** "Join a session": the code the facilitator shows, checked here, then the table's page (?code=). */
function joinForm(): { element: HTMLElement; render: () => void } {
  const title = h('h2', { class: 'section-title', attrs: { id: 'join-heading' } });
  const help = h('p');
  const label = h('label', { attrs: { for: 'join-code' } });
  const input = h('input', { class: 'text-input join-code-input', attrs: { id: 'join-code', type: 'text', maxlength: 12, autocomplete: 'off', autocapitalize: 'characters', spellcheck: 'false', 'data-join-code': true, 'aria-describedby': 'join-error' } });
  const error = h('p', { class: 'form-error', attrs: { id: 'join-error', role: 'alert', 'data-join-error': true } });
  const submit = h('button', { class: 'button button-primary', attrs: { type: 'submit', 'data-action': 'join-session' } });
  const form = h('form', { class: 'join-form' }, [h('div', { class: 'field' }, [label, input]), error, submit]);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const checked = normalizeJoinCode(input.value);
    if (!checked.ok) {
      error.textContent = t({ empty: 'home.joinCodeEmpty', length: 'home.joinCodeLength', characters: 'home.joinCodeCharacters' }[checked.problem]);
      input.focus();
      return;
    }
    const url = new URL(window.location.href);
    url.search = '';
    url.searchParams.set('code', checked.code);
    url.searchParams.set('lang', store.getState().lang);
    window.location.assign(url.toString());
  });
  const element = h('section', { class: 'import-section', attrs: { 'aria-labelledby': 'join-heading' } }, [title, help, form]);
  return {
    element,
    render: () => {
      title.textContent = t('home.joinTitle');
      help.textContent = t('home.joinHelp');
      label.textContent = t('home.joinCode');
      submit.textContent = t('home.joinButton');
    },
  };
}

export function mountHome(parent: HTMLElement): () => void {
  const join = joinForm();
  const switches = settingsSwitches();
  const list = h('ul', { class: 'level-list', attrs: { 'data-level-list': true } });
  const heading = h('h2', { class: 'section-title' });
  const title = h('h1', { class: 'app-title' });
  const tagline = h('p', { class: 'tagline' });
  const importTitle = h('h2', { class: 'section-title' });
  const importHelp = h('p');
  const importButton = h('button', { class: 'button', attrs: { type: 'button', 'data-action': 'import-level' }, on: { click: () => chooseLevelFile() } });
  const writeOwn = h('p', { class: 'fine-print' });
  const footerLink = h('a', { attrs: { href: '?page=accessibility', 'data-action': 'accessibility-statement-footer' } });
  const facilitatorTitle = h('h2', { class: 'section-title', attrs: { id: 'facilitator-heading' } });
  const facilitatorHelp = h('p');
  const facilitatorLink = h('a', { class: 'button button-primary', attrs: { href: facilitatorUrl(), 'data-action': 'open-facilitator' } });

  const screen = h('div', { class: 'home', attrs: { 'data-screen': 'menu' } }, [
    h('header', { class: 'home-header' }, [h('div', { class: 'brand' }, [title, tagline]), switches.element]),
    h('main', { class: 'home-main', attrs: { id: 'main' } }, [
      h('section', { attrs: { 'aria-labelledby': 'levels-heading' } }, [heading, list]),
      h('div', { class: 'home-columns' }, [
        join.element,
        h('section', { class: 'import-section', attrs: { 'aria-labelledby': 'facilitator-heading' } }, [facilitatorTitle, facilitatorHelp, facilitatorLink]),
        h('section', { class: 'import-section', attrs: { 'aria-labelledby': 'import-heading' } }, [importTitle, importHelp, importButton, writeOwn]),
      ]),
    ]),
    h('footer', { class: 'home-footer' }, [footerLink]),
  ]);
  heading.id = 'levels-heading';
  importTitle.id = 'import-heading';
  parent.append(screen);

  const render = (state: AppState) => {
    join.render();
    title.textContent = t('app.title');
    tagline.textContent = t('app.tagline');
    heading.textContent = t('home.levels');
    importTitle.textContent = t('home.importTitle');
    importHelp.textContent = t('home.importHelp');
    importButton.replaceChildren(svgIcon(UI_ICONS.import, 18), t('home.importButton'));
    writeOwn.textContent = t('home.writeYourOwn');
    facilitatorTitle.textContent = t('workshop.openFacilitator');
    facilitatorHelp.textContent = t('workshop.openFacilitatorHelp');
    facilitatorLink.replaceChildren(svgIcon(UI_ICONS.projector, 18), t('workshop.modeTitle'));
    facilitatorLink.href = `${facilitatorUrl()}&lang=${state.lang}`;
    footerLink.textContent = t('statement.footer');
    footerLink.href = `?page=accessibility&lang=${state.lang}`;
    // Keep focus on the same button when the list is rebuilt (e.g. after a language change).
    const focused = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const focusKey = focused && list.contains(focused) ? `${focused.dataset.action}|${focused.dataset.levelId}` : null;
    list.replaceChildren(...state.catalog.map((entry) => levelItem(entry, state.lang)));
    if (focusKey) {
      const [action, id] = focusKey.split('|');
      list.querySelector<HTMLElement>(`[data-action="${action}"][data-level-id="${CSS.escape(id ?? '')}"]`)?.focus();
    }
  };
  render(store.getState());
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.catalog !== previous.catalog || state.lang !== previous.lang) render(state);
  });
  return () => {
    unsubscribe();
    switches.destroy();
    screen.remove();
  };
}
