// Card text variants: a deck card may carry texts for an audience ("junior"); a level with that
// `textVariant` shows them, resolved when the level is loaded (board, print and exports alike).
import { describe, expect, it } from 'vitest';
import { DeckFile } from '../../../src/core/schema';
import type { ContentLibrary } from '../../../src/core/validate';
import { validateDeckFile, validateLevel } from '../../../src/core/validate';
import { levelFile, library } from '../fixtures';

type Mutable = Record<string, any>;

function libraryWithVariants(): ContentLibrary {
  const deck = structuredClone(library.decks[0]!) as Mutable;
  deck.cards[0].variants = { junior: { summary: { fr: 'Toi, moi, nous tous.', en: 'You, me, all of us.' }, explanation: { fr: 'Ceux qui votent.' } } };
  deck.cards[1].variants = { junior: { title: { fr: 'Président' } } };
  return { ...library, decks: [DeckFile.parse(deck)] };
}

describe('card text variants', () => {
  it('are part of the deck format', () => {
    const deck = structuredClone(library.decks[0]!) as Mutable;
    deck.cards[0].variants = { junior: { summary: { fr: 'Court.' } } };
    expect(validateDeckFile(deck).issues).toEqual([]);
    deck.cards[0].variants = { Junior: { summary: { fr: 'Court.' } } };
    expect(validateDeckFile(deck).issues.map((issue) => issue.code)).toEqual(['id-format']);
  });

  it('show in a level with that textVariant, each key where the card has it', () => {
    const file = levelFile() as Mutable;
    file.textVariant = 'junior';
    const { value, issues } = validateLevel(file, libraryWithVariants());
    expect(issues).toEqual([]);
    const [citoyens, president, assemblee] = value!.cards;
    expect(citoyens).toMatchObject({ title: { fr: 'Citoyens', en: 'Citizens' }, summary: { fr: 'Toi, moi, nous tous.' }, explanation: { fr: 'Ceux qui votent.' } });
    expect(president?.title).toEqual({ fr: 'Président' });
    expect(president?.source).toBe('Constitution, art. 6');
    expect(assemblee?.title).toEqual({ fr: 'Assemblée nationale' });
    expect(value!.textVariant).toBe('junior');
    // Resolved: the level carries the texts it shows, not every variant of the deck.
    expect(value!.cards.some((card) => 'variants' in card)).toBe(false);
  });

  it('do not show in a level without textVariant', () => {
    const { value } = validateLevel(levelFile(), libraryWithVariants());
    expect(value!.cards[0]?.summary).toBeUndefined();
    expect(value!.textVariant).toBeNull();
  });

  it('warn of a variant no card of the level has, with a suggestion, and the level plays with the usual texts', () => {
    const file = levelFile() as Mutable;
    file.textVariant = 'juniors';
    const { value, issues } = validateLevel(file, libraryWithVariants());
    expect(issues).toEqual([{ severity: 'warning', path: 'textVariant', code: 'unknown-text-variant', params: { id: 'juniors', suggestion: 'junior' } }]);
    expect(value!.cards[1]?.title).toEqual({ fr: 'Président de la République' });
  });

  it('warn of a near-miss key inside a variant', () => {
    const deck = structuredClone(library.decks[0]!) as Mutable;
    deck.cards[0].variants = { junior: { sumary: { fr: 'Court.' } } };
    expect(validateDeckFile(deck).issues).toEqual([
      { severity: 'warning', path: 'cards[0].variants.junior.sumary', code: 'unknown-key', params: { key: 'sumary', suggestion: 'summary' } },
    ]);
  });
});
