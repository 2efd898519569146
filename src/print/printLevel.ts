// The entry of the print code, loaded only when someone asks for the PDF (jsPDF and the fonts
// weigh more than the rest of the game): makes the level's PDF and saves it.
import type { Level } from '../core/level';
import { displayText, type Lang } from '../core/text';
import { downloadBlob, fileName } from '../export/download';
import { t } from '../i18n';
import { levelPdf } from './pdf';

/** Makes and downloads the PDF; returns the file's name. */
export async function printLevel(level: Level, lang: Lang): Promise<string> {
  const blob = await levelPdf({ level, lang, address: { origin: window.location.origin, pathname: window.location.pathname } });
  const name = fileName(`${displayText(level.title, lang)} ${t('print.fileSuffix')}`, new Date(), 'pdf');
  downloadBlob(name, blob);
  return name;
}
