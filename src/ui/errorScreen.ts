// A level that cannot be played: its problems listed (file, JSON path, plain words), and the way
// back to the other levels, which stay playable.
import { describeIssue } from '../core/issues';
import { t } from '../i18n';
import { goToMenu } from '../router';
import { store, type AppState } from '../state/store';
import { h, present } from './dom';
import { svgIcon, UI_ICONS } from './icon';
import { settingsSwitches } from './switches';

export function mountErrorScreen(parent: HTMLElement): () => void {
  const switches = settingsSwitches();
  const content = h('div', { class: 'error-content' });
  const screen = h('div', { class: 'error-screen', attrs: { 'data-screen': 'error' } }, [
    h('header', { class: 'home-header' }, [h('div'), switches.element]),
    h('main', { attrs: { id: 'main' } }, [content]),
  ]);
  parent.append(screen);
  const render = (state: AppState) => {
    const failure = state.failure;
    if (!failure) return;
    const errors = failure.issues.filter((issue) => issue.severity === 'error');
    const warnings = failure.issues.filter((issue) => issue.severity === 'warning');
    content.replaceChildren(
      ...present<HTMLElement>([
      h('h1', { text: t('errors.title') }),
      h('p', { text: t('errors.intro', { file: failure.file }) }),
      h('ul', { class: 'issue-list', attrs: { 'data-level-errors': true } }, errors.map((issue) => h('li', { text: describeIssue(issue, state.lang) }))),
      warnings.length > 0 ? h('p', { text: t('errors.warnings') }) : null,
      warnings.length > 0 ? h('ul', { class: 'issue-list issue-warnings' }, warnings.map((issue) => h('li', { text: describeIssue(issue, state.lang) }))) : null,
      h('button', { class: 'button button-primary', attrs: { type: 'button', 'data-action': 'back' }, on: { click: () => goToMenu() } }, [svgIcon(UI_ICONS.back, 18), t('errors.back')]),
      ]),
    );
  };
  render(store.getState());
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.failure !== previous.failure || state.lang !== previous.lang) render(state);
  });
  return () => {
    unsubscribe();
    switches.destroy();
    screen.remove();
  };
}
