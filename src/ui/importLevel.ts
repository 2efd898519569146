// Opening a level file written by someone else: with a file chooser, or by dropping the file
// anywhere on the page. The file is read here; checking and keeping it is the game's job.
import { t } from '../i18n';
import { goToLevel } from '../router';
import { MAX_IMPORT_BYTES } from '../state/imported';
import { loadGame } from '../state/lazyGame';
import { notify } from '../state/store';
import { h } from './dom';

async function importFile(file: File): Promise<void> {
  // Its size is known before it is read: a file too large is never read (a 30 MB file read whole
  // took the page from 28 to 578 MB before it was refused).
  if (file.size > MAX_IMPORT_BYTES) {
    notify('error', 'home.importTooBig', { file: file.name, size: Math.round(file.size / 1024), max: MAX_IMPORT_BYTES / 1024 });
    return;
  }
  const text = await file.text();
  const { importLevelFile } = await loadGame();
  const id = await importLevelFile(file.name, text);
  if (id) goToLevel(id);
}

export function chooseLevelFile(): void {
  const input = h('input', { attrs: { type: 'file', accept: '.json,application/json', hidden: true, 'data-level-file-input': true } });
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    input.remove();
    if (file) void importFile(file);
  });
  document.body.append(input);
  input.click();
}

/** Dropping a .json file on the page opens it as a level. */
export function listenForDroppedLevels(root: HTMLElement): () => void {
  const overlay = h('div', { class: 'drop-overlay', attrs: { 'aria-hidden': 'true' } });
  let depth = 0;
  const hasFiles = (event: DragEvent) => [...(event.dataTransfer?.types ?? [])].includes('Files');
  const onEnter = (event: DragEvent) => {
    if (!hasFiles(event)) return;
    depth++;
    overlay.textContent = t('home.dropHere');
    if (!overlay.isConnected) root.append(overlay);
  };
  const onLeave = () => {
    depth = Math.max(0, depth - 1);
    if (depth === 0) overlay.remove();
  };
  const onOver = (event: DragEvent) => {
    if (hasFiles(event)) event.preventDefault();
  };
  const onDrop = (event: DragEvent) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    depth = 0;
    overlay.remove();
    const file = event.dataTransfer?.files[0];
    if (file) void importFile(file);
  };
  window.addEventListener('dragenter', onEnter);
  window.addEventListener('dragleave', onLeave);
  window.addEventListener('dragover', onOver);
  window.addEventListener('drop', onDrop);
  return () => {
    window.removeEventListener('dragenter', onEnter);
    window.removeEventListener('dragleave', onLeave);
    window.removeEventListener('dragover', onOver);
    window.removeEventListener('drop', onDrop);
    overlay.remove();
  };
}
