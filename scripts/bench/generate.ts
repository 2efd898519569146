// Generated content for the benchmarks: a level of many cards and links (inline cards, so that it
// needs no deck), and a saved game that places them all with many arrows.
import type { Board } from '../../src/core/fresco';
import { makeSave } from '../../src/core/save';
import { startProgress } from '../../src/core/progress';
import type { Level } from '../../src/core/level';

const KINDS = ['institution', 'mechanism', 'actor', 'principle'] as const;
const RELATIONS = ['elit', 'nomme', 'controle', 'vote', 'propose'];

export interface Dealing {
  /** The cards of the first batch, the only one dealt when the level starts. */
  firstBatch: string[];
  /** Cards beyond `cards`, in no link: they make batches still to deal. */
  extraCards: number;
  /** Size of the batches after the first. */
  batchSize: number;
}

/**
 * A level of `cards` cards linked by `links` links, in `batches` even batches; or, with `dealing`,
 * a first batch of chosen cards and the rest (with the extra cards) in batches of a given size.
 */
export function generatedLevelFile(id: string, cards: number, links: number, batches = 5, dealing?: Dealing): Record<string, unknown> {
  const linked = Array.from({ length: cards }, (_, i) => `carte-${i + 1}`);
  const ids = [...linked, ...Array.from({ length: dealing?.extraCards ?? 0 }, (_, i) => `carte-${cards + i + 1}`)];
  const solution: { from: string; to: string; relation: string }[] = [];
  const seen = new Set<string>();
  // A deterministic spread of links: each card to a few others further on.
  for (let step = 1; solution.length < links; step++) {
    for (let i = 0; i < cards && solution.length < links; i++) {
      const from = linked[i]!;
      const to = linked[(i * 7 + step * 13) % cards]!;
      if (from === to || seen.has(`${from}>${to}`)) continue;
      seen.add(`${from}>${to}`);
      solution.push({ from, to, relation: RELATIONS[(i + step) % RELATIONS.length]! });
    }
  }
  const perBatch = Math.ceil(ids.length / batches);
  const rest = ids.filter((cardId) => !dealing?.firstBatch.includes(cardId));
  const dealt = dealing
    ? [dealing.firstBatch, ...Array.from({ length: Math.ceil(rest.length / dealing.batchSize) }, (_, b) => rest.slice(b * dealing.batchSize, (b + 1) * dealing.batchSize))]
    : Array.from({ length: batches }, (_, b) => ids.slice(b * perBatch, (b + 1) * perBatch));
  return {
    formatVersion: 1,
    id,
    title: { fr: `Banc d’essai : ${cards} cartes`, en: `Benchmark: ${cards} cards` },
    description: { fr: 'Niveau généré pour mesurer les performances.' },
    difficulty: 5,
    durationMinutes: 120,
    cards: ids.map((cardId, i) => ({
      id: cardId,
      kind: KINDS[i % KINDS.length],
      title: { fr: `Carte numéro ${i + 1}`, en: `Card number ${i + 1}` },
      summary: { fr: 'Une carte générée pour mesurer le tracé de la fresque.' },
      explanation: { fr: 'Cette carte sert aux mesures de performance du jeu.' },
      source: 'Banc d’essai',
      icon: 'landmark',
    })),
    relations: RELATIONS,
    batches: dealt.filter((batch) => batch.length > 0).map((batch) => ({ cards: batch })),
    solution: { links: solution },
    misconceptions: [{ from: ids[0], to: ids[1], relation: 'propose', explanation: { fr: 'Exemple.' } }].filter(
      (m) => !solution.some((l) => l.from === m.from && l.to === m.to && l.relation === m.relation),
    ),
  };
}

/** Every card placed on a grid, and the first `arrows` links of the solution drawn. */
export function fullBoard(level: Level, arrows: number, columns = 15): Board {
  const placed: Board['placed'] = {};
  level.cards.forEach((card, i) => {
    placed[card.id] = { x: 180 + (i % columns) * 300, y: 140 + Math.floor(i / columns) * 210 };
  });
  const links = level.links.slice(0, arrows).map((link, i) => ({ id: `l${i + 1}`, from: link.from, to: link.to, relation: link.relations[0]! }));
  return { dealt: level.batches.length, placed, links, nextLinkId: links.length + 1 };
}

export function saveText(level: Level, board: Board): string {
  const progress = startProgress();
  return JSON.stringify(makeSave(level, { ...progress, history: { past: [], present: board, future: [] } }, new Date()));
}
