// The accessibility statement (déclaration d'accessibilité, required of French public services
// by the RGAA): what was tested, what is known not to be accessible, how to get help.
import { t, tObject, type StatementSection } from '../i18n';
import { store } from '../state/store';
import { h, present } from './dom';
import { svgIcon, UI_ICONS } from './icon';
import { settingsSwitches } from './switches';

export function mountStatement(parent: HTMLElement): () => void {
  const switches = settingsSwitches();
  const content = h('main', { class: 'statement', attrs: { id: 'main', 'data-screen': 'statement' } });
  const header = h('header', { class: 'home-header statement-header' }, [h('a', { class: 'button', attrs: { href: '?', 'data-action': 'back' } }), switches.element]);
  const screen = h('div', {}, [header, content]);
  parent.append(screen);
  const render = () => {
    const back = header.querySelector('a')!;
    back.replaceChildren(svgIcon(UI_ICONS.back, 18), t('statement.back'));
    back.setAttribute('href', `?lang=${store.getState().lang}`);
    content.replaceChildren(
      h('h1', { text: t('statement.title') }),
      ...tObject<string[]>('statement.intro').map((text) => h('p', { text })),
      ...tObject<StatementSection[]>('statement.sections').flatMap((section) =>
        present<HTMLElement>([
          h('h2', { text: section.title }),
          ...(section.paragraphs ?? []).map((text) => h('p', { text })),
          section.items ? h('ul', {}, section.items.map((text) => h('li', { text }))) : null,
        ]),
      ),
    );
  };
  render();
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.lang !== previous.lang) render();
  });
  return () => {
    unsubscribe();
    switches.destroy();
    screen.remove();
  };
}
