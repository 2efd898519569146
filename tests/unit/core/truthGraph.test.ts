// The deck's truth graph: its own rules, a level checked against it (errors for levels:check,
// warnings in the game), and the part of it a level plays with.
import { describe, expect, it } from 'vitest';
import { describeIssue, formatIssue, type ContentIssue } from '../../../src/core/issues';
import { validateGraphFile, validateGraphSet } from '../../../src/core/truthGraph';
import { validateLevel } from '../../../src/core/validate';
import { graphFile, levelFile, library, libraryWithGraph, testLevelWithGraph } from '../fixtures';

type Mutable = Record<string, any>;

function graphIssues(mutate: (graph: Mutable) => void): ContentIssue[] {
  const graph = graphFile() as Mutable;
  mutate(graph);
  return validateGraphFile(graph, library).issues;
}

const lines = (issues: ContentIssue[]) => issues.map((issue) => describeIssue(issue, 'en'));

describe('validateGraphFile: the graph file on its own', () => {
  it('accepts the fixture graph', () => {
    const { value, issues } = validateGraphFile(graphFile(), library);
    expect(issues).toEqual([]);
    expect(value?.links).toHaveLength(8);
  });

  it('requires a source for every true link', () => {
    const issues = graphIssues((graph) => delete graph.links[2].source);
    expect(lines(issues)).toEqual(['links[2].source: required field is missing']);
  });

  it('requires an explanation for every misconception', () => {
    const issues = graphIssues((graph) => delete graph.misconceptions[1].explanation);
    expect(lines(issues)).toEqual(['misconceptions[1].explanation: required field is missing']);
  });

  it('names a card that is not in the deck, with a suggestion', () => {
    const issues = graphIssues((graph) => (graph.links[0].to = 'president-republiqe'));
    expect(lines(issues)).toEqual(['links[0].to: card "president-republiqe" is not a card of deck "test-deck" (did you mean "president-republique"?)']);
  });

  it('names an unknown deck and an unknown relation', () => {
    expect(lines(graphIssues((graph) => (graph.deck = 'test-dek')))).toEqual(['deck: unknown deck "test-dek" (did you mean "test-deck"?)']);
    expect(lines(graphIssues((graph) => (graph.links[1].relation = ['elit', 'controles'])))).toEqual([
      'links[1].relation[1]: unknown relation "controles" (did you mean "controle"?)',
    ]);
  });

  it('refuses a triple that is both true and a misconception, naming the triple', () => {
    const issues = graphIssues((graph) => graph.misconceptions.push({ from: 'citoyens', to: 'assemblee-nationale', relation: 'controle', explanation: { fr: 'Non.' } }));
    expect(lines(issues)).toEqual([
      'misconceptions[3]: the arrow "citoyens — controle — assemblee-nationale" is both a true link (links[1]) and a misconception: it can only be one of them',
    ]);
  });

  it('refuses a triple given twice, even inside a list of relations', () => {
    const issues = graphIssues((graph) => graph.links.push({ from: 'citoyens', to: 'assemblee-nationale', relation: ['vote', 'elit'], source: 'Ailleurs' }));
    expect(lines(issues)).toEqual(['links[8]: the arrow "citoyens — elit — assemblee-nationale" is already given (links[1])']);
    const twice = graphIssues((graph) => graph.misconceptions.push({ ...graph.misconceptions[0] }));
    expect(twice.map((issue) => issue.code)).toEqual(['duplicate-triple']);
  });

  it('allows the same two cards twice with different relations (each its own source)', () => {
    const issues = graphIssues((graph) => graph.links.push({ from: 'citoyens', to: 'president-republique', relation: 'controle', source: 'Ailleurs' }));
    expect(issues).toEqual([]);
  });

  it('asks a nuanced link for the explanation that says its nuance, and refuses a card linked to itself', () => {
    expect(lines(graphIssues((graph) => delete graph.links[5].explanation))).toEqual([
      'links[5]: a nuanced link ("nuanced") needs an explanation ("explanation") that says the nuance',
    ]);
    expect(graphIssues((graph) => (graph.links[0].to = 'citoyens')).map((issue) => issue.code)).toContain('self-link');
  });

  it('warns of a near-miss key and is otherwise lenient about unknown keys', () => {
    const issues = graphIssues((graph) => {
      graph.links[0].sources = 'x';
      graph.note = 'Vérifié en décembre 2026.';
    });
    expect(issues).toEqual([{ severity: 'warning', path: 'links[0].sources', code: 'unknown-key', params: { key: 'sources', suggestion: 'source' } }]);
  });

  it('allows one graph per deck', () => {
    const set = validateGraphSet([
      { deck: 'test-deck', file: 'a.graph.json' },
      { deck: 'other', file: 'b.graph.json' },
      { deck: 'test-deck', file: 'c.graph.json' },
    ]);
    expect(set.map(({ index, issue }) => [index, describeIssue(issue)])).toEqual([[2, 'deck: deck "test-deck" already has a truth graph (a.graph.json)']]);
  });
});

function levelIssues(mutate: (level: Mutable) => void, graphContradictions?: 'error' | 'warning'): ContentIssue[] {
  const file = levelFile() as Mutable;
  mutate(file);
  return validateLevel(file, libraryWithGraph(), graphContradictions ? { graphContradictions } : {}).issues;
}

describe('a level against its deck’s truth graph', () => {
  it('agrees when its solution is a subset of the graph and its misconceptions are not true', () => {
    expect(validateLevel(levelFile(), libraryWithGraph(), { graphContradictions: 'error' }).issues).toEqual([]);
  });

  it('refuses, for levels:check, a solution link the graph does not hold, with file, path, triple and the fix', () => {
    const issues = levelIssues((level) => level.solution.links.push({ from: 'premier-ministre', to: 'president-republique', relation: 'nomme' }), 'error');
    expect(issues).toEqual([
      {
        severity: 'error',
        path: 'solution.links[6]',
        code: 'graph-link-missing',
        params: { triple: 'premier-ministre — nomme — president-republique', graph: 'levels/decks/test-deck.graph.json' },
      },
    ]);
    expect(formatIssue('levels/test-level.json', issues[0]!)).toBe(
      'levels/test-level.json: solution.links[6]: the arrow "premier-ministre — nomme — president-republique" is not in the deck\'s truth graph: add it to levels/decks/test-deck.graph.json with its source, or take it out of the solution',
    );
    expect(describeIssue(issues[0]!, 'fr')).toContain('n’est pas dans le graphe de vérité du paquet');
  });

  it('checks every relation a link accepts', () => {
    const issues = levelIssues((level) => (level.solution.links[2].relation = ['nomme', 'controle']), 'error');
    expect(issues.map((issue) => [issue.path, issue.params.triple])).toEqual([['solution.links[2]', 'president-republique — controle — premier-ministre']]);
  });

  it('refuses a solution link that is a misconception of the deck', () => {
    const issues = levelIssues((level) => {
      level.solution.links.push({ from: 'premier-ministre', to: 'assemblee-nationale', relation: 'elit' });
    }, 'error');
    expect(lines(issues)).toEqual([
      'solution.links[6]: the arrow "premier-ministre — elit — assemblee-nationale" is a misconception in the deck\'s truth graph (levels/decks/test-deck.graph.json): a solution link must be true; correct the graph or the level',
    ]);
  });

  it('lets a nuanced reading be an optional link only', () => {
    const link = { from: 'president-republique', to: 'citoyens', relation: 'represente' };
    expect(levelIssues((level) => level.solution.links.push({ ...link, optional: true }), 'error')).toEqual([]);
    expect(lines(levelIssues((level) => level.solution.links.push(link), 'error'))).toEqual([
      'solution.links[6]: the arrow "president-republique — represente — citoyens" is a nuanced reading in levels/decks/test-deck.graph.json: a level may only use it as an optional link (add "optional": true)',
    ]);
  });

  it('refuses a misconception that is true in the deck', () => {
    const issues = levelIssues((level) => level.misconceptions.push({ from: 'citoyens', to: 'assemblee-nationale', relation: 'controle', explanation: { fr: 'Faux ?' } }), 'error');
    expect(lines(issues)).toEqual([
      'misconceptions[2]: the arrow "citoyens — controle — assemblee-nationale" is true in the deck (levels/decks/test-deck.graph.json): make it a solution link or remove the misconception',
    ]);
  });

  it('exempts inline cards and relations the level defines itself (no graph can hold them)', () => {
    // The fixture already links an inline card with an inline relation; here two deck cards with an inline relation.
    const issues = levelIssues((level) => {
      level.relations.push({ id: 'nomme-sur-proposition', label: { fr: 'nomme sur proposition de' } });
      level.solution.links.push({ from: 'premier-ministre', to: 'president-republique', relation: 'nomme-sur-proposition' });
    }, 'error');
    expect(issues).toEqual([]);
  });

  it('reports contradictions as warnings in the game: a level from a file keeps working', () => {
    const { value, issues } = validateLevel(
      (() => {
        const file = levelFile() as Mutable;
        file.solution.links.push({ from: 'premier-ministre', to: 'assemblee-nationale', relation: 'elit' });
        file.misconceptions.push({ from: 'citoyens', to: 'assemblee-nationale', relation: 'controle', explanation: { fr: 'Faux ?' } });
        return file;
      })(),
      libraryWithGraph(),
    );
    expect(issues.map((issue) => [issue.severity, issue.code])).toEqual([
      ['warning', 'graph-link-is-misconception'],
      ['warning', 'graph-misconception-is-true'],
    ]);
    expect(value).not.toBeNull();
  });

  it('is not checked against any graph when the deck has none', () => {
    const file = levelFile() as Mutable;
    file.solution.links.push({ from: 'premier-ministre', to: 'president-republique', relation: 'nomme' });
    expect(validateLevel(file, library, { graphContradictions: 'error' }).issues).toEqual([]);
    expect(validateLevel(file, library).value?.truths).toEqual([]);
  });
});

describe('the part of the graph a level plays with', () => {
  const level = testLevelWithGraph();

  it('holds the true arrows between its cards, with its relations, that its solution does not accept', () => {
    expect(level.truths.map((truth) => `${truth.from}>${truth.to}:${truth.relations.join('|')}`)).toEqual([
      'citoyens>assemblee-nationale:controle',
      'president-republique>citoyens:represente',
    ]);
    expect(level.truths[1]).toMatchObject({ nuanced: true, source: 'Constitution, art. 3 et 5' });
    // Not there: the Senate's arrow (a card the level does not have), the citizens' "vote" (a relation it does not list).
    expect(level.truths.some((truth) => truth.from === 'senat' || truth.relations.includes('vote'))).toBe(false);
  });

  it('adds the deck’s misconceptions between its cards after its own, the level’s explanation winning', () => {
    expect(level.misconceptions.map((wrong) => [`${wrong.from}>${wrong.to}:${wrong.relations.join('|')}`, wrong.origin, wrong.explanation.fr])).toEqual([
      ['president-republique>assemblee-nationale:nomme', 'level', 'Les députés sont élus.'],
      ['citoyens>premier-ministre:elit', 'level', 'Le Premier ministre est nommé.'],
      ['premier-ministre>assemblee-nationale:elit', 'deck', 'Le Premier ministre ne choisit pas les députés.'],
    ]);
  });

  it('lets a level from a file keep its own word on a triple the graph says otherwise of', () => {
    const file = levelFile() as Mutable;
    file.solution.links.push({ from: 'premier-ministre', to: 'assemblee-nationale', relation: 'elit' });
    file.misconceptions.push({ from: 'citoyens', to: 'assemblee-nationale', relation: 'controle', explanation: { fr: 'Selon ce niveau.' } });
    const imported = validateLevel(file, libraryWithGraph()).value!;
    expect(imported.misconceptions.filter((wrong) => wrong.origin === 'deck')).toEqual([]);
    expect(imported.truths.map((truth) => `${truth.from}>${truth.to}`)).toEqual(['president-republique>citoyens']);
  });
});
