// Preparing a workshop: the level (preselected by ?level=), the time of each phase (suggested
// from the level's duration, adjustable), and the button that starts it.
import { displayText } from '../../core/text';
import { MAX_PHASE_MINUTES, PHASES, suggestedPlan, type PhaseId } from '../../core/workshop';
import { t } from '../../i18n';
import { beginWorkshop } from '../../state/workshopState';
import { getState, type CatalogEntry } from '../../state/store';
import { h } from '../dom';

export function mountSetup(parent: HTMLElement, preselected: string | null): () => void {
  const { catalog, lang } = getState();
  const playable = catalog.filter((entry) => !entry.issues.some((issue) => issue.severity === 'error'));
  let chosen: CatalogEntry | undefined = playable.find((entry) => entry.id === preselected) ?? playable[0];
  let plan = suggestedPlan(chosen ?? { durationMinutes: null });

  const total = h('p', { class: 'plan-total', attrs: { 'aria-live': 'polite' } });
  const inputs = new Map<PhaseId, HTMLInputElement>();
  const planFields = PHASES.map((phase) => {
    const id = `plan-${phase}`;
    const input = h('input', { class: 'text-input plan-input', attrs: { id, type: 'number', min: 1, max: MAX_PHASE_MINUTES, step: 1, 'data-phase': phase } });
    input.addEventListener('input', () => {
      const value = Number(input.value);
      if (Number.isFinite(value) && value >= 1) plan = { ...plan, [phase]: Math.min(MAX_PHASE_MINUTES, Math.round(value)) };
      showTotal();
    });
    inputs.set(phase, input);
    return h('div', { class: 'field field-inline' }, [h('label', { text: t(`workshop.phases.${phase}`), attrs: { for: id } }), input]);
  });
  const showPlan = () => {
    for (const [phase, input] of inputs) input.value = String(plan[phase]);
    showTotal();
  };
  const showTotal = () => {
    total.textContent = t('workshop.planTotal', { minutes: PHASES.reduce((sum, phase) => sum + plan[phase], 0) });
  };

  const list = h(
    'fieldset',
    { class: 'level-choice' },
    [
      h('legend', { text: t('workshop.chooseLevel') }),
      ...playable.map((entry) => {
        const id = `choose-${entry.id}`;
        const radio = h('input', { attrs: { type: 'radio', name: 'level', id, value: entry.id, checked: entry === chosen, 'data-level-id': entry.id } });
        radio.addEventListener('change', () => {
          chosen = entry;
          plan = suggestedPlan(entry);
          showPlan();
        });
        return h('div', { class: 'choice' }, [
          radio,
          h('label', { attrs: { for: id } }, [
            h('strong', { text: displayText(entry.title, lang) }),
            h('span', { class: 'choice-meta', text: [entry.durationMinutes ? t('home.duration', { minutes: entry.durationMinutes }) : null, entry.difficulty ? t('home.difficulty', { value: entry.difficulty }) : null].filter(Boolean).join(' · ') }),
          ]),
        ]);
      }),
    ],
  );
  const start = h('button', {
    class: 'button button-primary button-large',
    text: t('workshop.start'),
    attrs: { type: 'button', 'data-action': 'start-workshop' },
    on: {
      click: () => {
        if (chosen) void beginWorkshop(chosen, plan);
      },
    },
  });
  const screen = h('div', { class: 'setup' }, [
    h('main', { attrs: { id: 'main' } }, [
      h('h1', { text: t('workshop.setupTitle') }),
      h('div', { class: 'setup-columns' }, [list, h('fieldset', { class: 'plan' }, [h('legend', { text: t('workshop.plan') }), ...planFields, total])]),
      start,
    ]),
  ]);
  parent.append(screen);
  showPlan();
  return () => screen.remove();
}
