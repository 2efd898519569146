// Localized content text: every text a person reads is { fr, en?, … } and falls back to French.

export type Lang = 'fr' | 'en';
export const LANGS: readonly Lang[] = ['fr', 'en'];

export type LocalizedText = { fr: string } & Partial<Record<string, string>>;

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

/** The text in `lang`, else French (the only required language). */
export function localize(text: LocalizedText, lang: Lang): string {
  const value = text[lang];
  return typeof value === 'string' && value.trim() !== '' ? value : text.fr;
}

const NBSP = '\u00a0';
const NNBSP = '\u202f';

/**
 * French typography for plain text written with a keyboard: narrow no-break spaces before
 * ; ! ? and a no-break space before : and inside « », typographic apostrophes.
 * Applied when French text is displayed so that authors need not type the special spaces.
 */
export function frenchTypography(text: string): string {
  return text
    .replace(/(\w)'(?=\w)/gu, '$1’')
    .replace(/[ \u00a0\u202f]*([;!?])(?=[\s;!?»)]|$)/gu, (_match, mark: string, offset: number, whole: string) =>
      // "?!" or "!!" stay together; a mark at the start of the text keeps no space. A mark
      // followed by a letter (a URL's "?id=") is not punctuation and is left alone.
      offset === 0 || /[;!?]/u.test(whole[offset - 1] ?? '') ? mark : NNBSP + mark,
    )
    .replace(/(\S)[ \u00a0\u202f]*:(?=\s|$)/gu, `$1${NBSP}:`)
    .replace(/«[ \u00a0\u202f]*/gu, `«${NBSP}`)
    .replace(/[ \u00a0\u202f]*»/gu, `${NBSP}»`);
}

/** Localized text ready to display: French typography applied when the text shown is French. */
export function displayText(text: LocalizedText, lang: Lang): string {
  const value = localize(text, lang);
  const shownInFrench = lang === 'fr' || value === text.fr;
  return shownInFrench ? frenchTypography(value) : value;
}
