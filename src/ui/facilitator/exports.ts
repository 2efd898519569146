// The three things a facilitator takes away: the report (Markdown), its data (JSON) and the
// group's fresco as an image (PNG).
import { displayText } from '../../core/text';
import { t } from '../../i18n';
import { getState, notify } from '../../state/store';

function context() {
  const { game, workshop, lang } = getState();
  if (!game || !workshop) return null;
  const title = workshop.frescoName || displayText(game.level.title, lang);
  return { game, workshop, lang, title };
}

export async function exportReport(): Promise<void> {
  const c = context();
  if (!c) return;
  const [{ buildReport, reportMarkdown }, { downloadText, fileName }] = await Promise.all([import('../../export/report'), import('../../export/download')]);
  const report = buildReport(c.game.level, c.game.progress, c.workshop, c.lang, Date.now());
  downloadText(fileName(`${t('report.title')} ${c.title}`, new Date(c.workshop.startedAt), 'md'), reportMarkdown(report), 'text/markdown');
}

export async function exportData(): Promise<void> {
  const c = context();
  if (!c) return;
  const [{ buildReport }, { downloadText, fileName }] = await Promise.all([import('../../export/report'), import('../../export/download')]);
  const report = buildReport(c.game.level, c.game.progress, c.workshop, c.lang, Date.now());
  downloadText(fileName(`${t('report.title')} ${c.title}`, new Date(c.workshop.startedAt), 'json'), JSON.stringify(report, null, 2), 'application/json');
}

export async function exportImage(): Promise<void> {
  const c = context();
  if (!c) return;
  try {
    const [{ frescoPng }, { downloadBlob, fileName }] = await Promise.all([import('../../export/frescoImage'), import('../../export/download')]);
    const blob = await frescoPng({
      level: c.game.level,
      board: c.game.progress.history.present,
      notes: c.workshop.notes,
      title: c.workshop.frescoName || t('workshop.untitled'),
      lang: c.lang,
      date: new Date(c.workshop.startedAt),
    });
    downloadBlob(fileName(c.title, new Date(c.workshop.startedAt), 'png'), blob);
  } catch (cause) {
    notify('error', 'errors.loadFailed', { id: 'PNG', detail: cause instanceof Error ? cause.message : String(cause) });
  }
}
