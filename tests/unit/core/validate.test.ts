import { describe, expect, it } from 'vitest';
import { describeIssue, formatIssue, type ContentIssue } from '../../../src/core/issues';
import { parseJson, validateDeckFile, validateDeckSet, validateLevel, validateRelationsFile } from '../../../src/core/validate';
import { levelFile, library } from '../fixtures';

type Mutable = Record<string, any>;

function issuesOf(mutate: (level: Mutable) => void): ContentIssue[] {
  const file = levelFile() as Mutable;
  mutate(file);
  return validateLevel(file, library).issues;
}

function lines(issues: ContentIssue[]): string[] {
  return issues.map((issue) => describeIssue(issue, 'en'));
}

describe('validateLevel: a good level', () => {
  it('resolves deck cards, inline cards, shared and inline relations', () => {
    const { value, issues } = validateLevel(levelFile(), library);
    expect(issues).toEqual([]);
    expect(value?.cards.map((card) => card.id)).toEqual([
      'citoyens',
      'president-republique',
      'assemblee-nationale',
      'premier-ministre',
      'conseil-de-quartier',
    ]);
    expect(value?.cards[1]?.source).toBe('Constitution, art. 6');
    expect(value?.relations.map((relation) => relation.id)).toEqual(['elit', 'nomme', 'controle', 'represente', 'anime']);
    expect(value?.links[1]?.relations).toEqual(['elit']);
    expect(value?.links[0]?.relations).toEqual(['elit']);
    expect(value?.links[4]?.optional).toBe(true);
    expect(value?.placements).toEqual({ citoyens: 'peuple', 'president-republique': 'executif', 'assemblee-nationale': 'parlement' });
  });

  it('deals all cards in one batch when the level has no batches', () => {
    const file = levelFile() as Mutable;
    delete file.batches;
    const { value } = validateLevel(file, library);
    expect(value?.batches).toEqual([{ title: null, cards: value?.cards.map((card) => card.id), keyMessage: null }]);
  });

  it('accepts a minimal level with only the required keys', () => {
    const { value, issues } = validateLevel(
      {
        formatVersion: 1,
        id: 'mini',
        title: { fr: 'Mini' },
        cards: ['citoyens', 'senat'],
        relations: ['elit'],
        solution: { links: [{ from: 'citoyens', to: 'senat', relation: 'elit' }] },
      },
      library,
    );
    expect(issues).toEqual([]);
    expect(value?.zones).toEqual([]);
    expect(value?.misconceptions).toEqual([]);
  });

  it('keeps unknown keys (the format grows by additive keys) and warns about near misses', () => {
    const issues = issuesOf((level) => {
      level.author = 'Association X';
      level.misconception = [];
    });
    expect(issues).toHaveLength(1);
    expect(issues[0]?.severity).toBe('warning');
    expect(lines(issues)).toEqual(['misconception: key "misconception" is not part of the format and is ignored (did you mean "misconceptions"?)']);
  });
});

describe('validateLevel: every rule of the format, with its message', () => {
  const cases: [string, (level: Mutable) => void, string][] = [
    ['formatVersion', (l) => (l.formatVersion = 2), 'formatVersion: formatVersion 2 is not supported: this game reads version 1'],
    ['missing title', (l) => delete l.title, 'title: required field is missing'],
    ['text without French', (l) => (l.title = { en: 'Only English' }), 'title.fr: required field is missing'],
    ['empty French text', (l) => (l.hints = [{ fr: '  ' }]), 'hints[0].fr: empty text'],
    ['id format', (l) => (l.id = 'Qui Elit'), 'id: invalid id "Qui Elit": use lowercase letters and digits separated by hyphens (e.g. "conseil-etat")'],
    ['wrong type', (l) => (l.cards = 'citoyens'), 'cards: expected list (array), got string'],
    ['difficulty range', (l) => (l.difficulty = 9), 'difficulty: value 9 is too large (maximum 5)'],
    ['duration integer', (l) => (l.durationMinutes = 12.5), 'durationMinutes: expected whole number, got number'],
    ['unknown kind', (l) => (l.cards[4].kind = 'mecanism'), 'cards[4].kind: unknown value "mecanism"; allowed: institution, mechanism, actor, principle (did you mean "mechanism"?)'],
    ['empty list', (l) => (l.solution.links = []), 'solution.links: needs at least 1 item(s)'],
    ['unknown deck', (l) => (l.deck = 'test-dek'), 'deck: unknown deck "test-dek" (did you mean "test-deck"?)'],
    ['unknown card', (l) => (l.cards[1] = 'president-republiqe'), 'cards[1]: unknown card "president-republiqe" (did you mean "president-republique"?)'],
    ['card listed twice', (l) => l.cards.push('citoyens'), 'cards[5]: card "citoyens" is listed twice (already at cards[0])'],
    ['inline card taking a deck id', (l) => (l.cards[4].id = 'senat'), 'cards[4].id: inline card "senat" has the id of a card of deck "test-deck"; pick another id or just list "senat"'],
    ['unknown relation', (l) => (l.relations[0] = 'elitt'), 'relations[0]: unknown relation "elitt" (did you mean "elit"?)'],
    ['relation used but not listed', (l) => (l.solution.links[2].relation = 'vote'), 'solution.links[2].relation: relation "vote" is not one of the level\'s relations ("relations")'],
    ['relation in a list', (l) => (l.solution.links[1].relation = ['elit', 'nome']), 'solution.links[1].relation[1]: unknown relation "nome" (did you mean "nomme"?)'],
    ['link to a card not in the level', (l) => (l.solution.links[0].to = 'senat'), 'solution.links[0].to: card "senat" is not one of the level\'s cards ("cards")'],
    ['link to a misspelt card', (l) => (l.solution.links[0].to = 'president-republiq'), 'solution.links[0].to: card "president-republiq" is not one of the level\'s cards ("cards") (did you mean "president-republique"?)'],
    ['self link', (l) => (l.solution.links[0].to = 'citoyens'), 'solution.links[0]: an arrow cannot link card "citoyens" to itself'],
    ['duplicate link', (l) => l.solution.links.push({ from: 'citoyens', to: 'president-republique', relation: 'nomme' }), 'solution.links[6]: this link repeats solution.links[0] (same cards, same direction); list the accepted relations in one link'],
    ['card in no batch', (l) => l.batches[1].cards.pop(), 'batches: card "conseil-de-quartier" is in no batch (every card must be in exactly one batch)'],
    ['card in two batches', (l) => l.batches[1].cards.push('citoyens'), 'batches[1].cards[3]: card "citoyens" is already in another batch (batches[0].cards[0])'],
    ['batch card not in level', (l) => l.batches[1].cards.push('senat'), 'batches[1].cards[3]: card "senat" is not one of the level\'s cards ("cards")'],
    ['duplicate zone', (l) => l.zones.push({ id: 'peuple', label: { fr: 'Encore' } }), 'zones[3].id: id "peuple" is already used (zones)'],
    ['placement in unknown zone', (l) => (l.solution.placements.citoyens = 'peuples'), 'solution.placements.citoyens: unknown zone "peuples" (did you mean "peuple"?)'],
    ['placement of unknown card', (l) => (l.solution.placements.senat = 'peuple'), 'solution.placements.senat: card "senat" is not one of the level\'s cards ("cards")'],
    ['placements without zones', (l) => delete l.zones, 'solution.placements: "placements" needs the level to have "zones"'],
    ['misconception equal to a solution link', (l) => (l.misconceptions[0] = { from: 'citoyens', to: 'president-republique', relation: 'elit', explanation: { fr: 'x' } }), 'misconceptions[0]: this misconception is also a solution link (solution.links[0])'],
    ['misconception without explanation', (l) => delete l.misconceptions[0].explanation, 'misconceptions[0].explanation: required field is missing'],
    ['image outside assets', (l) => (l.cards[4].image = '../secret.png'), 'cards[4].image: image "../secret.png": a relative path under assets/ is expected'],
    ['duplicate inline relation', (l) => l.relations.push({ id: 'anime', label: { fr: 'anime' } }), 'relations[5].id: id "anime" is already used (relations[4])'],
  ];

  it.each(cases)('%s', (_name, mutate, expected) => {
    const issues = issuesOf(mutate);
    expect(lines(issues.filter((issue) => issue.severity === 'error'))).toContain(expected);
    expect(validateLevel((() => { const f = levelFile() as Mutable; mutate(f); return f; })(), library).value).toBeNull();
  });

  it('warns about an icon outside the icon set without refusing the level', () => {
    const { value, issues } = validateLevel(
      (() => {
        const file = levelFile() as Mutable;
        file.cards[4].icon = 'landmarc';
        return file;
      })(),
      library,
    );
    expect(value).not.toBeNull();
    expect(lines(issues)).toEqual([
      'cards[4].icon: icon "landmarc" is not in the icon set; the card kind\'s pictogram is shown instead (did you mean "landmark"?)',
    ]);
  });

  it('reports a typo in cards only once, not at each of its mentions', () => {
    const issues = issuesOf((level) => (level.cards[0] = 'citoyen'));
    expect(lines(issues)).toEqual([
      'cards[0]: unknown card "citoyen" (did you mean "citoyens"?)',
    ]);
  });

  it('reads the messages in French too', () => {
    const issues = issuesOf((level) => (level.cards[1] = 'president-republiqe'));
    expect(describeIssue(issues[0]!, 'fr')).toBe('cards[1]: carte inconnue « president-republiqe » (vouliez-vous dire « president-republique » ?)');
  });

  it('formats a levels:check line with the file name', () => {
    const issues = issuesOf((level) => (level.solution.links[2].to = 'senatt'));
    expect(formatIssue('levels/la-loi.json', issues[0]!)).toBe(
      'levels/la-loi.json: solution.links[2].to: card "senatt" is not one of the level\'s cards ("cards")',
    );
  });

  it('does not crash on input that is not a level at all', () => {
    for (const raw of [null, 42, 'text', [], { formatVersion: 1 }]) {
      const { value, issues } = validateLevel(raw, library);
      expect(value).toBeNull();
      expect(issues.length).toBeGreaterThan(0);
    }
  });
});

describe('parseJson', () => {
  it('reports invalid JSON as an issue of the whole file', () => {
    const { value, issues } = parseJson('{ "id": ');
    expect(value).toBeNull();
    expect(issues[0]?.code).toBe('not-json');
    expect(describeIssue(issues[0]!)).toMatch(/^this file is not valid JSON: /);
  });
});

describe('relations and decks', () => {
  it('refuses duplicate relation ids', () => {
    const { issues } = validateRelationsFile({
      formatVersion: 1,
      relations: [
        { id: 'elit', label: { fr: 'élit' } },
        { id: 'elit', label: { fr: 'élit encore' } },
      ],
    });
    expect(lines(issues)).toEqual(['relations[1].id: id "elit" is already used (relations[0])']);
  });

  it('refuses a deck card without kind and duplicate card ids', () => {
    const { issues } = validateDeckFile({
      formatVersion: 1,
      id: 'd',
      title: { fr: 'D' },
      cards: [
        { id: 'a', kind: 'actor', title: { fr: 'A' } },
        { id: 'a', kind: 'actor', title: { fr: 'A bis' } },
        { id: 'b', title: { fr: 'B' } },
      ],
    });
    expect(lines(issues)).toEqual(['cards[2].kind: required field is missing']);
    const second = validateDeckFile({
      formatVersion: 1,
      id: 'd',
      title: { fr: 'D' },
      cards: [
        { id: 'a', kind: 'actor', title: { fr: 'A' } },
        { id: 'a', kind: 'actor', title: { fr: 'A bis' } },
      ],
    });
    expect(lines(second.issues)).toEqual(['cards[1].id: id "a" is already used (cards[0])']);
  });

  it('requires card ids to be unique across decks', () => {
    const other = { formatVersion: 1 as const, id: 'other', title: { fr: 'O' }, cards: [{ id: 'senat', kind: 'institution' as const, title: { fr: 'Sénat bis' } }] };
    const found = validateDeckSet([...library.decks, other]);
    expect(found.map((entry) => `${entry.deck}: ${describeIssue(entry.issue)}`)).toEqual([
      'other: cards[0].id: id "senat" is already used (deck "test-deck")',
    ]);
  });
});
