// A small library and level used by the unit tests, independent of the shipped content.
import type { ContentLibrary } from '../../src/core/validate';
import { validateLevel } from '../../src/core/validate';
import type { Level } from '../../src/core/level';

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
