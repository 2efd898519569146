// Text made printable with the print font: typographic spaces it lacks become ones it has.
import { describe, expect, it } from 'vitest';
import { frenchTypography } from '../../../src/core/text';
import { printable } from '../../../src/print/text';

describe('printable text', () => {
  it('keeps French letters, apostrophes, guillemets and ellipses', () => {
    const text = 'Œuvre « élue » l’an passé… À bientôt — §\u00a03';
    expect(printable(text)).toBe(text);
  });

  it('replaces the narrow no-break spaces of French typography with no-break spaces', () => {
    const french = frenchTypography('Qui élit qui ? Le peuple ! Oui ; non');
    expect(french).toContain('\u202f');
    expect(printable(french)).toBe('Qui élit qui\u00a0? Le peuple\u00a0! Oui\u00a0; non');
  });

  it('replaces other spaces and hyphens the font may lack, and drops zero-width characters', () => {
    expect(printable('10\u2009000 ex\u2011ministre a\u200bb')).toBe('10 000 ex-ministre ab');
  });
});
