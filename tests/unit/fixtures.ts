// A small library and level used by the unit tests, independent of the shipped content.
import type { ContentLibrary } from '../../src/core/validate';
import { validateLevel } from '../../src/core/validate';
import type { Level } from '../../src/core/level';
import type { GraphFileData } from '../../src/core/schema';

export const library: ContentLibrary = {
  relations: [
    { id: 'elit', label: { fr: 'élit', en: 'elects' } },
    { id: 'nomme', label: { fr: 'nomme', en: 'appoints' } },
    { id: 'controle', label: { fr: 'contrôle', en: 'scrutinises' } },
    { id: 'represente', label: { fr: 'représente', en: 'represents' } },
    { id: 'vote', label: { fr: 'vote', en: 'votes' } },
  ],
  decks: [
    {
      formatVersion: 1,
      id: 'test-deck',
      title: { fr: 'Paquet de test' },
      cards: [
        { id: 'citoyens', kind: 'actor', title: { fr: 'Citoyens', en: 'Citizens' }, icon: 'users' },
        { id: 'president-republique', kind: 'institution', title: { fr: 'Président de la République' }, source: 'Constitution, art. 6' },
        { id: 'assemblee-nationale', kind: 'institution', title: { fr: 'Assemblée nationale' } },
        { id: 'senat', kind: 'institution', title: { fr: 'Sénat' } },
        { id: 'premier-ministre', kind: 'institution', title: { fr: 'Premier ministre' } },
      ],
    },
  ],
};

/** A valid level exercising batches, zones, placements, optional links, misconceptions. */
export function levelFile(): Record<string, unknown> {
  return {
    formatVersion: 1,
    id: 'test-level',
    title: { fr: 'Niveau de test', en: 'Test level' },
    description: { fr: 'Pour les tests.' },
    difficulty: 2,
    durationMinutes: 20,
    deck: 'test-deck',
    cards: [
      'citoyens',
      'president-republique',
      'assemblee-nationale',
      'premier-ministre',
      { id: 'conseil-de-quartier', kind: 'mechanism', title: { fr: 'Conseil de quartier' }, summary: { fr: 'Un lieu de débat.' } },
    ],
    relations: ['elit', 'nomme', 'controle', 'represente', { id: 'anime', label: { fr: 'anime', en: 'runs' } }],
    batches: [
      { title: { fr: 'Lot 1' }, cards: ['citoyens', 'president-republique'] },
      { title: { fr: 'Lot 2' }, cards: ['assemblee-nationale', 'premier-ministre', 'conseil-de-quartier'] },
    ],
    zones: [
      { id: 'peuple', label: { fr: 'Le peuple', en: 'The people' } },
      { id: 'executif', label: { fr: 'Exécutif', en: 'Executive' } },
      { id: 'parlement', label: { fr: 'Parlement', en: 'Parliament' } },
    ],
    solution: {
      links: [
        { from: 'citoyens', to: 'president-republique', relation: 'elit', explanation: { fr: 'Depuis 1962.' }, source: 'Constitution, art. 6' },
        { from: 'citoyens', to: 'assemblee-nationale', relation: ['elit'] },
        { from: 'president-republique', to: 'premier-ministre', relation: 'nomme' },
        { from: 'assemblee-nationale', to: 'premier-ministre', relation: ['controle'] },
        { from: 'assemblee-nationale', to: 'citoyens', relation: 'represente', optional: true },
        { from: 'citoyens', to: 'conseil-de-quartier', relation: 'anime', optional: true },
      ],
      placements: { citoyens: 'peuple', 'president-republique': 'executif', 'assemblee-nationale': 'parlement' },
    },
    misconceptions: [
      { from: 'president-republique', to: 'assemblee-nationale', relation: 'nomme', explanation: { fr: 'Les députés sont élus.' } },
      { from: 'citoyens', to: 'premier-ministre', relation: 'elit', explanation: { fr: 'Le Premier ministre est nommé.' } },
    ],
    hints: [{ fr: 'Commencez par ceux qui votent.' }, { fr: 'Qui nomme le Premier ministre ?' }],
    debrief: [{ fr: 'Quel lien vous a surpris ?' }],
  };
}

export function testLevel(): Level {
  const { value, issues } = validateLevel(levelFile(), library);
  if (!value) throw new Error(`fixture level is invalid: ${JSON.stringify(issues)}`);
  return value;
}

/**
 * A truth graph for the test deck. Between the fixture level's cards it holds the level's
 * solution, true arrows the level does not ask for (a nuanced one among them), a misconception
 * the level also lists and one it does not; and arrows the level cannot play (a card it does
 * not have, a relation it does not list).
 */
export function graphFile(): Record<string, unknown> {
  return {
    formatVersion: 1,
    deck: 'test-deck',
    links: [
      { from: 'citoyens', to: 'president-republique', relation: 'elit', explanation: { fr: 'Au suffrage universel direct.' }, source: 'Constitution, art. 6' },
      {
        from: 'citoyens',
        to: 'assemblee-nationale',
        relation: ['elit', 'controle'],
        explanation: { fr: 'Les citoyens élisent les députés et peuvent ne pas les réélire.', en: 'Citizens elect the deputies and can vote them out.' },
        source: 'Constitution, art. 3 et 24',
      },
      { from: 'president-republique', to: 'premier-ministre', relation: 'nomme', source: 'Constitution, art. 8' },
      { from: 'assemblee-nationale', to: 'premier-ministre', relation: 'controle', source: 'Constitution, art. 49' },
      { from: 'assemblee-nationale', to: 'citoyens', relation: 'represente', source: 'Constitution, art. 3' },
      {
        from: 'president-republique',
        to: 'citoyens',
        relation: 'represente',
        nuanced: true,
        explanation: { fr: 'Lecture défendable : élu par tous, il ne représente pas la nation au sens de l’article 3.' },
        source: 'Constitution, art. 3 et 5',
      },
      { from: 'senat', to: 'premier-ministre', relation: 'controle', source: 'Constitution, art. 24' },
      { from: 'citoyens', to: 'premier-ministre', relation: 'vote', source: 'Un exemple hors du niveau' },
    ],
    misconceptions: [
      { from: 'president-republique', to: 'assemblee-nationale', relation: 'nomme', explanation: { fr: 'Explication du paquet.' } },
      { from: 'premier-ministre', to: 'assemblee-nationale', relation: 'elit', explanation: { fr: 'Le Premier ministre ne choisit pas les députés.' }, source: 'Constitution, art. 24' },
      { from: 'president-republique', to: 'senat', relation: 'nomme', explanation: { fr: 'Les sénateurs sont élus.' } },
    ],
  };
}

/** The test library with the test deck's truth graph. */
export function libraryWithGraph(graph: Record<string, unknown> = graphFile()): ContentLibrary {
  return { ...library, graphs: [graph as unknown as GraphFileData] };
}

export function testLevelWithGraph(): Level {
  const { value, issues } = validateLevel(levelFile(), libraryWithGraph(), { graphContradictions: 'error' });
  if (!value || issues.length > 0) throw new Error(`fixture level does not agree with the fixture graph: ${JSON.stringify(issues)}`);
  return value;
}
