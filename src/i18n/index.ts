// Interface strings through i18next. Content text (cards, levels) does not go through here:
// it is localized data (see core/text.ts).
import i18next from 'i18next';
import { frenchTypography, type Lang } from '../core/text';
import { fr } from './fr';

const i18n = i18next.createInstance();
void i18n.init({
  lng: 'fr',
  fallbackLng: 'fr',
  initAsync: false,
  // French comes with the page; English is fetched when it is chosen (loadLanguage).
  resources: { fr: { translation: fr } },
  // Interface strings are inserted as text nodes, never as HTML: no escaping needed here.
  interpolation: { escapeValue: false },
  returnNull: false,
});

const loaded = new Set<Lang>(['fr']);

/** Fetches a language's interface strings (once); until then, and if it fails, French shows. */
export async function loadLanguage(lang: Lang): Promise<void> {
  if (loaded.has(lang)) return;
  const { en } = await import('./en');
  i18n.addResourceBundle('en', 'translation', en, true, true);
  loaded.add(lang);
}

export function setInterfaceLanguage(lang: Lang): void {
  void i18n.changeLanguage(lang);
  document.documentElement.lang = lang;
}

/** Strings of a part loaded on demand (workshop sessions), merged into the others. */
export function addStrings(strings: Record<Lang, Record<string, unknown>>): void {
  for (const [lang, bundle] of Object.entries(strings)) i18n.addResourceBundle(lang, 'translation', bundle, true, true);
}

/** An interface string in the current language (French typography applied to French). */
export function t(key: string, options?: Record<string, unknown>): string {
  const text = i18n.t(key, options) as string;
  return i18n.language === 'fr' ? frenchTypography(text) : text;
}

export interface StatementSection {
  title: string;
  paragraphs?: string[];
  items?: string[];
}

/** A structured block of interface text (the accessibility statement), French typography applied. */
export function tObject<T>(key: string): T {
  const value = i18n.t(key, { returnObjects: true }) as unknown;
  const typeset = (node: unknown): unknown => {
    if (typeof node === 'string') return i18n.language === 'fr' ? frenchTypography(node) : node;
    if (Array.isArray(node)) return node.map(typeset);
    if (node && typeof node === 'object') return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, typeset(v)]));
    return node;
  };
  return typeset(value) as T;
}
