// The address a printed card's QR code holds, and how the game reads it back.
import { describe, expect, it } from 'vitest';
import { cardToRead, cardUrl } from '../../../src/core/cardLink';
import { testLevel } from '../fixtures';

describe('card address', () => {
  it('is the game address with the level and the card', () => {
    expect(cardUrl({ origin: 'https://fresque.example.org', pathname: '/jeu/' }, 'qui-elit-qui', 'maire')).toBe('https://fresque.example.org/jeu/?level=qui-elit-qui&card=maire');
    expect(cardUrl({ origin: 'http://localhost:4173', pathname: '/' }, 'la-loi', 'senat')).toBe('http://localhost:4173/?level=la-loi&card=senat');
  });

  it('reads back as the same level and card', () => {
    const url = new URL(cardUrl({ origin: 'https://example.org', pathname: '/index.html' }, 'test-level', 'conseil-de-quartier'));
    expect(url.pathname).toBe('/index.html');
    expect(url.searchParams.get('level')).toBe('test-level');
    expect(url.searchParams.get('card')).toBe('conseil-de-quartier');
    expect(cardToRead(testLevel(), url.searchParams.get('card'))).toBe('conseil-de-quartier');
  });

  it('shows only a card of the level, whether or not it is on the fresco', () => {
    const level = testLevel();
    expect(cardToRead(level, 'premier-ministre')).toBe('premier-ministre');
    expect(cardToRead(level, 'senat')).toBeNull(); // in the deck, not in this level
    expect(cardToRead(level, 'no-such-card')).toBeNull();
    expect(cardToRead(level, '')).toBeNull();
    expect(cardToRead(level, null)).toBeNull();
  });
});
