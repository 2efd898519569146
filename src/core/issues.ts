// Problems found in a content file (level, deck, relations, truth graph), as data: a JSON path, a code and
// its parameters. They read as plain sentences in French or English through `describeIssue`.
import type { Lang } from './text';

export type IssueParams = Record<string, string | number | undefined>;

export interface ContentIssue {
  severity: 'error' | 'warning';
  /** JSON path inside the file, e.g. `solution.links[3].to`; '' for the whole file. */
  path: string;
  code: IssueCode;
  params: IssueParams;
}

type Messages = Record<Lang, (p: IssueParams) => string>;

const didYouMean: Messages = {
  fr: (p) => (p.suggestion ? ` (vouliez-vous dire « ${p.suggestion} » ?)` : ''),
  en: (p) => (p.suggestion ? ` (did you mean "${p.suggestion}"?)` : ''),
};

const MESSAGES = {
  'not-json': {
    fr: (p) => `ce fichier n’est pas du JSON valide : ${p.detail}`,
    en: (p) => `this file is not valid JSON: ${p.detail}`,
  },
  'format-version': {
    fr: (p) => `formatVersion ${p.value} n’est pas pris en charge : ce jeu lit la version ${p.supported}`,
    en: (p) => `formatVersion ${p.value} is not supported: this game reads version ${p.supported}`,
  },
  required: {
    fr: () => `champ obligatoire manquant`,
    en: () => `required field is missing`,
  },
  type: {
    fr: (p) => `type attendu : ${p.expected}, trouvé : ${p.got}`,
    en: (p) => `expected ${p.expected}, got ${p.got}`,
  },
  'id-format': {
    fr: (p) => `identifiant invalide « ${p.value} » : lettres minuscules et chiffres séparés par des tirets (ex. « conseil-etat »)`,
    en: (p) => `invalid id "${p.value}": use lowercase letters and digits separated by hyphens (e.g. "conseil-etat")`,
  },
  'empty-text': {
    fr: () => `texte vide`,
    en: () => `empty text`,
  },
  enum: {
    fr: (p) => `valeur « ${p.value} » inconnue ; valeurs possibles : ${p.allowed}` + didYouMean.fr(p),
    en: (p) => `unknown value "${p.value}"; allowed: ${p.allowed}` + didYouMean.en(p),
  },
  'too-few': {
    fr: (p) => `il faut au moins ${p.min} élément(s)`,
    en: (p) => `needs at least ${p.min} item(s)`,
  },
  'below-min': {
    fr: (p) => `valeur ${p.value} trop petite (minimum ${p.min})`,
    en: (p) => `value ${p.value} is too small (minimum ${p.min})`,
  },
  'above-max': {
    fr: (p) => `valeur ${p.value} trop grande (maximum ${p.max})`,
    en: (p) => `value ${p.value} is too large (maximum ${p.max})`,
  },
  'unknown-deck': {
    fr: (p) => `paquet de cartes inconnu « ${p.id} »` + didYouMean.fr(p),
    en: (p) => `unknown deck "${p.id}"` + didYouMean.en(p),
  },
  'unknown-card': {
    fr: (p) => `carte inconnue « ${p.id} »` + didYouMean.fr(p),
    en: (p) => `unknown card "${p.id}"` + didYouMean.en(p),
  },
  'card-not-in-level': {
    fr: (p) => `la carte « ${p.id} » n’est pas dans les cartes du niveau (« cards »)` + didYouMean.fr(p),
    en: (p) => `card "${p.id}" is not one of the level's cards ("cards")` + didYouMean.en(p),
  },
  'unknown-relation': {
    fr: (p) => `relation inconnue « ${p.id} »` + didYouMean.fr(p),
    en: (p) => `unknown relation "${p.id}"` + didYouMean.en(p),
  },
  'relation-not-in-level': {
    fr: (p) => `la relation « ${p.id} » n’est pas dans les relations du niveau (« relations »)` + didYouMean.fr(p),
    en: (p) => `relation "${p.id}" is not one of the level's relations ("relations")` + didYouMean.en(p),
  },
  'unknown-zone': {
    fr: (p) => `zone inconnue « ${p.id} »` + didYouMean.fr(p),
    en: (p) => `unknown zone "${p.id}"` + didYouMean.en(p),
  },
  'duplicate-id': {
    fr: (p) => `l’identifiant « ${p.id} » est déjà utilisé (${p.first})`,
    en: (p) => `id "${p.id}" is already used (${p.first})`,
  },
  'duplicate-card': {
    fr: (p) => `la carte « ${p.id} » figure deux fois (déjà en ${p.first})`,
    en: (p) => `card "${p.id}" is listed twice (already at ${p.first})`,
  },
  'card-id-in-deck': {
    fr: (p) => `la carte intégrée « ${p.id} » porte l’identifiant d’une carte du paquet « ${p.deck} » ; choisissez un autre identifiant ou citez simplement « ${p.id} »`,
    en: (p) => `inline card "${p.id}" has the id of a card of deck "${p.deck}"; pick another id or just list "${p.id}"`,
  },
  'card-without-deck': {
    fr: (p) => `la carte « ${p.id} » est citée par son identifiant mais le niveau n’a pas de « deck »`,
    en: (p) => `card "${p.id}" is listed by id but the level has no "deck"`,
  },
  'card-not-in-batch': {
    fr: (p) => `la carte « ${p.id} » n’est dans aucun lot (chaque carte doit être dans exactement un lot)`,
    en: (p) => `card "${p.id}" is in no batch (every card must be in exactly one batch)`,
  },
  'card-in-two-batches': {
    fr: (p) => `la carte « ${p.id} » est déjà dans un autre lot (${p.first})`,
    en: (p) => `card "${p.id}" is already in another batch (${p.first})`,
  },
  'self-link': {
    fr: (p) => `une flèche ne peut pas relier la carte « ${p.id} » à elle-même`,
    en: (p) => `an arrow cannot link card "${p.id}" to itself`,
  },
  'duplicate-link': {
    fr: (p) => `ce lien répète ${p.first} (mêmes cartes, même sens) ; réunissez les relations acceptées dans une liste`,
    en: (p) => `this link repeats ${p.first} (same cards, same direction); list the accepted relations in one link`,
  },
  'misconception-is-solution': {
    fr: (p) => `cette idée fausse est aussi un lien de la solution (${p.first})`,
    en: (p) => `this misconception is also a solution link (${p.first})`,
  },
  'placements-without-zones': {
    fr: () => `« placements » demande des zones (« zones ») dans le niveau`,
    en: () => `"placements" needs the level to have "zones"`,
  },
  'bad-image-path': {
    fr: (p) => `image « ${p.value} » : un chemin relatif sous assets/ est attendu`,
    en: (p) => `image "${p.value}": a relative path under assets/ is expected`,
  },
  'file-name': {
    fr: (p) => `le fichier s’appelle « ${p.file} » mais le niveau a pour id « ${p.id} » : le jeu utilise l’id (?level=${p.id})`,
    en: (p) => `the file is named "${p.file}" but the level's id is "${p.id}": the game uses the id (?level=${p.id})`,
  },
  'duplicate-level': {
    fr: (p) => `un autre niveau a déjà l’id « ${p.id} » (${p.first})`,
    en: (p) => `another level already has id "${p.id}" (${p.first})`,
  },
  'unknown-key': {
    fr: (p) => `clé « ${p.key} » inconnue du format, ignorée` + didYouMean.fr(p),
    en: (p) => `key "${p.key}" is not part of the format and is ignored` + didYouMean.en(p),
  },
  'unknown-icon': {
    fr: (p) => `icône « ${p.icon} » absente du jeu d’icônes ; le pictogramme du type de carte la remplace` + didYouMean.fr(p),
    en: (p) => `icon "${p.icon}" is not in the icon set; the card kind's pictogram is shown instead` + didYouMean.en(p),
  },
  'graph-card-not-in-deck': {
    fr: (p) => `la carte « ${p.id} » n’est pas une carte du paquet « ${p.deck} »` + didYouMean.fr(p),
    en: (p) => `card "${p.id}" is not a card of deck "${p.deck}"` + didYouMean.en(p),
  },
  'duplicate-triple': {
    fr: (p) => `la flèche « ${p.triple} » est déjà donnée (${p.first})`,
    en: (p) => `the arrow "${p.triple}" is already given (${p.first})`,
  },
  'graph-triple-both': {
    fr: (p) => `la flèche « ${p.triple} » est à la fois un lien vrai (${p.first}) et une idée fausse : elle ne peut être que l’un des deux`,
    en: (p) => `the arrow "${p.triple}" is both a true link (${p.first}) and a misconception: it can only be one of them`,
  },
  'nuanced-without-explanation': {
    fr: () => `un lien nuancé (« nuanced ») demande une explication (« explanation ») qui dit la nuance`,
    en: () => `a nuanced link ("nuanced") needs an explanation ("explanation") that says the nuance`,
  },
  'duplicate-graph': {
    fr: (p) => `le paquet « ${p.deck} » a déjà un graphe de vérité (${p.first})`,
    en: (p) => `deck "${p.deck}" already has a truth graph (${p.first})`,
  },
  'graph-file-name': {
    fr: (p) => `le fichier s’appelle « ${p.file} » mais le graphe est celui du paquet « ${p.deck} » : nommez-le « ${p.deck}.graph.json »`,
    en: (p) => `the file is named "${p.file}" but the graph is deck "${p.deck}"'s: name it "${p.deck}.graph.json"`,
  },
  'graph-link-missing': {
    fr: (p) => `la flèche « ${p.triple} » n’est pas dans le graphe de vérité du paquet : ajoutez-la à ${p.graph} avec sa source, ou retirez-la de la solution`,
    en: (p) => `the arrow "${p.triple}" is not in the deck's truth graph: add it to ${p.graph} with its source, or take it out of the solution`,
  },
  'graph-link-is-misconception': {
    fr: (p) => `la flèche « ${p.triple} » est une idée fausse du graphe de vérité (${p.graph}) : un lien de la solution doit être vrai ; corrigez le graphe ou le niveau`,
    en: (p) => `the arrow "${p.triple}" is a misconception in the deck's truth graph (${p.graph}): a solution link must be true; correct the graph or the level`,
  },
  'graph-required-nuanced': {
    fr: (p) => `la flèche « ${p.triple} » est une lecture nuancée dans ${p.graph} : un niveau ne peut la demander qu’en lien facultatif (ajoutez "optional": true)`,
    en: (p) => `the arrow "${p.triple}" is a nuanced reading in ${p.graph}: a level may only use it as an optional link (add "optional": true)`,
  },
  'graph-misconception-is-true': {
    fr: (p) => `la flèche « ${p.triple} » est vraie dans le paquet (${p.graph}) : faites-en un lien de la solution ou retirez cette idée fausse`,
    en: (p) => `the arrow "${p.triple}" is true in the deck (${p.graph}): make it a solution link or remove the misconception`,
  },
  'unknown-text-variant': {
    fr: (p) => `aucune carte du niveau n’a de variante de texte « ${p.id} » : les cartes gardent leurs textes habituels` + didYouMean.fr(p),
    en: (p) => `no card of the level has a text variant "${p.id}": the cards show their usual texts` + didYouMean.en(p),
  },
  invalid: {
    fr: (p) => `valeur invalide${p.detail ? ` : ${p.detail}` : ''}`,
    en: (p) => `invalid value${p.detail ? `: ${p.detail}` : ''}`,
  },
} satisfies Record<string, Messages>;

export type IssueCode = keyof typeof MESSAGES;

export function describeIssue(issue: ContentIssue, lang: Lang = 'en'): string {
  const message = MESSAGES[issue.code][lang](issue.params);
  return issue.path ? `${issue.path}: ${message}` : message;
}

/** One line per issue as `levels:check` prints them: `file: path: problem`. */
export function formatIssue(file: string, issue: ContentIssue, lang: Lang = 'en'): string {
  const prefix = issue.severity === 'warning' ? (lang === 'fr' ? 'avertissement, ' : 'warning, ') : '';
  return `${file}: ${prefix}${describeIssue(issue, lang)}`;
}

export function error(path: string, code: IssueCode, params: IssueParams = {}): ContentIssue {
  return { severity: 'error', path, code, params };
}

export function warning(path: string, code: IssueCode, params: IssueParams = {}): ContentIssue {
  return { severity: 'warning', path, code, params };
}

export function issue(severity: ContentIssue['severity'], path: string, code: IssueCode, params: IssueParams = {}): ContentIssue {
  return { severity, path, code, params };
}

const GRAPH_CONTRADICTIONS: ReadonlySet<IssueCode> = new Set(['graph-link-missing', 'graph-link-is-misconception', 'graph-required-nuanced', 'graph-misconception-is-true']);

/** A level saying otherwise than its deck's truth graph (an error for levels:check, a warning in the game). */
export function isGraphContradiction(issue: ContentIssue): boolean {
  return GRAPH_CONTRADICTIONS.has(issue.code);
}

export function hasErrors(issues: readonly ContentIssue[]): boolean {
  return issues.some((issue) => issue.severity === 'error');
}
