// The level list: the shipped levels (listed at build time) and those imported on this device.
// Part of the home screen's code: no validation, no rules.
import { catalog as shippedCatalog } from 'virtual:levels';
import { readImported, writeImported } from './imported';
import { idleUi, store, type CatalogEntry } from './store';

export function buildCatalog(): CatalogEntry[] {
  // From the easiest and shortest to the whole fresco: the order a class goes through them.
  const shipped: CatalogEntry[] = shippedCatalog
    .map((entry): CatalogEntry => ({ ...entry, source: 'shipped' }))
    .sort((a, b) => (a.difficulty ?? 99) - (b.difficulty ?? 99) || (a.durationMinutes ?? 999) - (b.durationMinutes ?? 999));
  const imported: CatalogEntry[] = readImported().map((entry) => ({
    id: entry.id,
    source: 'imported',
    file: entry.fileName,
    title: entry.title,
    description: entry.description,
    difficulty: entry.difficulty,
    durationMinutes: entry.durationMinutes,
    cardCount: entry.cardCount,
    batchCount: entry.batchCount,
    issues: [],
  }));
  return [...shipped, ...imported];
}

export function refreshCatalog(): void {
  store.setState({ catalog: buildCatalog() });
}

export function showMenu(): void {
  store.setState({ screen: 'menu', game: null, failure: null, ui: idleUi });
  refreshCatalog();
}

export function removeImportedLevel(id: string): void {
  writeImported(readImported().filter((entry) => entry.id !== id));
  refreshCatalog();
}
