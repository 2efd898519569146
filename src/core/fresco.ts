// The fresco a group builds: which batches are dealt, where cards lie, which arrows are drawn.
// A pure reducer over plain data; every board action of every input (mouse, keyboard, facilitator,
// network) goes through `applyBoardAction`.
import type { Level } from './level';

export interface Point {
  x: number;
  y: number;
}

export interface Link {
  id: string;
  from: string;
  to: string;
  relation: string;
}

export interface Board {
  /** Number of batches dealt so far (the first is dealt when the level starts). */
  dealt: number;
  /**
   * Cards on the fresco, by id, at their centre in world units. Key order is stacking order:
   * the card placed or moved last is on top.
   */
  placed: Record<string, Point>;
  links: Link[];
  nextLinkId: number;
}

export type BoardAction =
  | { type: 'deal' }
  | { type: 'place'; card: string; x: number; y: number }
  | { type: 'return'; card: string }
  | { type: 'link'; from: string; to: string; relation: string }
  | { type: 'relabel'; link: string; relation: string }
  | { type: 'unlink'; link: string }
  | { type: 'reset' };

export type Rejection =
  | 'nothing-to-deal'
  | 'not-dealt'
  | 'not-on-board'
  | 'same-card'
  | 'duplicate-link'
  | 'unknown-relation'
  | 'unknown-link'
  | 'bad-position';

export interface BoardResult {
  board: Board;
  /** Why the action changed nothing, when it was refused. */
  rejected: Rejection | null;
}

export function initialBoard(): Board {
  return { dealt: 1, placed: {}, links: [], nextLinkId: 1 };
}

/**
 * Whether a card is on the fresco. `placed` is a plain object keyed by ids that come from the
 * network and from files: only its own keys count, never what it inherits ("__proto__",
 * "constructor", "toString"…), so this is the one way to ask.
 */
export function isPlaced(board: Board, cardId: string): boolean {
  return Object.hasOwn(board.placed, cardId);
}

/** Where a card lies on the fresco, or null when it is not there (own keys only, as `isPlaced`). */
export function positionOf(board: Board, cardId: string): Point | null {
  return isPlaced(board, cardId) ? board.placed[cardId]! : null;
}

/** Cards dealt so far, in the level's order. */
export function dealtCards(level: Level, board: Board): string[] {
  return level.batches.slice(0, board.dealt).flatMap((batch) => batch.cards);
}

/** Cards dealt but not yet on the fresco: the hand. */
export function handCards(level: Level, board: Board): string[] {
  return dealtCards(level, board).filter((id) => !isPlaced(board, id));
}

export function isDealt(level: Level, board: Board, cardId: string): boolean {
  return level.batches.slice(0, board.dealt).some((batch) => batch.cards.includes(cardId));
}

export function linkSignature(link: { from: string; to: string; relation: string }): string {
  return `${link.from}>${link.to}:${link.relation}`;
}

const refuse = (board: Board, rejected: Rejection): BoardResult => ({ board, rejected });
const accept = (board: Board): BoardResult => ({ board, rejected: null });

export function applyBoardAction(level: Level, board: Board, action: BoardAction): BoardResult {
  switch (action.type) {
    case 'deal':
      if (board.dealt >= level.batches.length) return refuse(board, 'nothing-to-deal');
      return accept({ ...board, dealt: board.dealt + 1 });

    case 'place': {
      if (!isDealt(level, board, action.card)) return refuse(board, 'not-dealt');
      if (!Number.isFinite(action.x) || !Number.isFinite(action.y)) return refuse(board, 'bad-position');
      // Re-inserting the key puts the card on top of the stack.
      const { [action.card]: _previous, ...others } = board.placed;
      return accept({ ...board, placed: { ...others, [action.card]: { x: action.x, y: action.y } } });
    }

    case 'return': {
      if (!isPlaced(board, action.card)) return refuse(board, 'not-on-board');
      const { [action.card]: _removed, ...placed } = board.placed;
      // A card in the hand cannot carry arrows: they go with it.
      const links = board.links.filter((link) => link.from !== action.card && link.to !== action.card);
      return accept({ ...board, placed, links });
    }

    case 'link': {
      if (!isPlaced(board, action.from) || !isPlaced(board, action.to)) return refuse(board, 'not-on-board');
      if (action.from === action.to) return refuse(board, 'same-card');
      if (!level.relations.some((relation) => relation.id === action.relation)) return refuse(board, 'unknown-relation');
      const signature = linkSignature(action);
      if (board.links.some((link) => linkSignature(link) === signature)) return refuse(board, 'duplicate-link');
      const link: Link = { id: `l${board.nextLinkId}`, from: action.from, to: action.to, relation: action.relation };
      return accept({ ...board, links: [...board.links, link], nextLinkId: board.nextLinkId + 1 });
    }

    case 'relabel': {
      const target = board.links.find((link) => link.id === action.link);
      if (!target) return refuse(board, 'unknown-link');
      if (!level.relations.some((relation) => relation.id === action.relation)) return refuse(board, 'unknown-relation');
      if (target.relation === action.relation) return accept(board);
      const signature = linkSignature({ ...target, relation: action.relation });
      if (board.links.some((link) => link.id !== target.id && linkSignature(link) === signature)) {
        return refuse(board, 'duplicate-link');
      }
      return accept({
        ...board,
        links: board.links.map((link) => (link.id === target.id ? { ...link, relation: action.relation } : link)),
      });
    }

    case 'unlink':
      if (!board.links.some((link) => link.id === action.link)) return refuse(board, 'unknown-link');
      return accept({ ...board, links: board.links.filter((link) => link.id !== action.link) });

    case 'reset':
      return accept(initialBoard());
  }
}
