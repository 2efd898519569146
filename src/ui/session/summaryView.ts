// The summary across tables, after the reveal: the misconceptions most tables drew, the links
// most tables missed, the true arrows not asked by the level that tables drew, each table's result. On the projector and in the facilitator's dashboard.
import type { Level } from '../../core/level';
import type { SessionSummary } from '../../core/sessionSummary';
import type { Lang } from '../../core/text';
import { t } from '../../i18n';
import { linkSentence } from '../../state/game';
import { h } from '../dom';

export function summaryView(level: Level, summary: SessionSummary, lang: Lang): HTMLElement {
  const list = (title: string, items: { from: string; to: string; relation: string; tables: number }[], kind: string) =>
    h('section', { class: 'summary-part', attrs: { [`data-summary-${kind}`]: true } }, [
      h('h3', { text: title }),
      items.length === 0
        ? h('p', { text: t('session.nothingYet') })
        : h('ol', {}, items.map((item) => h('li', {}, [h('strong', { text: linkSentence(level, item, lang) }), h('span', { text: ` — ${t('session.tablesCount', { count: item.tables })}` })]))),
    ]);
  return h('div', { class: 'session-summary', attrs: { 'data-session-summary': true } }, [
    h('h2', { text: t('session.summaryTitle') }),
    summary.meanPercent === null ? null : h('p', { class: 'summary-mean', text: t('session.mean', { percent: summary.meanPercent }) }),
    list(t('session.commonMistakes'), summary.misconceptions, 'misconceptions'),
    list(t('session.oftenMissed'), summary.missed, 'missed'),
    // Only when some table drew one: most levels' tables will not (older servers do not send it).
    summary.notAsked?.length ? list(t('session.trueNotAsked'), summary.notAsked, 'not-asked') : null,
    h('section', { class: 'summary-part' }, [
      h('h3', { text: t('session.results') }),
      h(
        'ol',
        { class: 'summary-results' },
        [...summary.tables].sort((a, b) => b.score.percent - a.score.percent).map((table) => h('li', {}, [h('strong', { text: table.name }), h('span', { text: ` — ${t('report.scoreValue', { ...table.score })}` })])),
      ),
    ]),
  ]);
}
