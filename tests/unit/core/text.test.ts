import { describe, expect, it } from 'vitest';
import { displayText, frenchTypography, localize } from '../../../src/core/text';

describe('localized text', () => {
  it('falls back to French where a language is missing or empty', () => {
    expect(localize({ fr: 'Sénat', en: 'Senate' }, 'en')).toBe('Senate');
    expect(localize({ fr: 'Sénat' }, 'en')).toBe('Sénat');
    expect(localize({ fr: 'Sénat', en: ' ' }, 'en')).toBe('Sénat');
  });

  it('sets French punctuation with no-break spaces and apostrophes', () => {
    expect(frenchTypography("Qui élit qui ? C'est l'Assemblée : « vote » !")).toBe(
      'Qui élit qui\u202f? C’est l’Assemblée\u00a0: «\u00a0vote\u00a0»\u202f!',
    );
    expect(frenchTypography('Vraiment ?!')).toBe('Vraiment\u202f?!');
  });

  it('leaves addresses and times alone', () => {
    expect(frenchTypography('https://www.legifrance.gouv.fr/loda?id=1 à 14:30')).toBe('https://www.legifrance.gouv.fr/loda?id=1 à 14:30');
  });

  it('applies French typography only to French text', () => {
    expect(displayText({ fr: 'Qui ?', en: 'Who?' }, 'en')).toBe('Who?');
    expect(displayText({ fr: 'Qui ?' }, 'en')).toBe('Qui\u202f?');
  });
});
