// Generated team names for the tables of a session ("Les Hérons bleus"): no accounts and no
// personal data, yet every table has a name the facilitator can call out. Pure: randomness is
// passed in. The table can change it.

interface Animal {
  fr: string;
  feminine: boolean;
  en: string;
}

const ANIMALS: Animal[] = [
  { fr: 'Hérons', feminine: false, en: 'Herons' },
  { fr: 'Loutres', feminine: true, en: 'Otters' },
  { fr: 'Renards', feminine: false, en: 'Foxes' },
  { fr: 'Chouettes', feminine: true, en: 'Owls' },
  { fr: 'Castors', feminine: false, en: 'Beavers' },
  { fr: 'Abeilles', feminine: true, en: 'Bees' },
  { fr: 'Lynx', feminine: false, en: 'Lynxes' },
  { fr: 'Tortues', feminine: true, en: 'Turtles' },
  { fr: 'Dauphins', feminine: false, en: 'Dolphins' },
  { fr: 'Hirondelles', feminine: true, en: 'Swallows' },
  { fr: 'Blaireaux', feminine: false, en: 'Badgers' },
  { fr: 'Baleines', feminine: true, en: 'Whales' },
  { fr: 'Faucons', feminine: false, en: 'Falcons' },
  { fr: 'Gazelles', feminine: true, en: 'Gazelles' },
  { fr: 'Ours', feminine: false, en: 'Bears' },
  { fr: 'Mouettes', feminine: true, en: 'Gulls' },
];

const COLOURS: { masculine: string; feminine: string; en: string }[] = [
  { masculine: 'bleus', feminine: 'bleues', en: 'Blue' },
  { masculine: 'verts', feminine: 'vertes', en: 'Green' },
  { masculine: 'rouges', feminine: 'rouges', en: 'Red' },
  { masculine: 'jaunes', feminine: 'jaunes', en: 'Yellow' },
  { masculine: 'violets', feminine: 'violettes', en: 'Purple' },
  { masculine: 'dorés', feminine: 'dorées', en: 'Golden' },
  { masculine: 'argentés', feminine: 'argentées', en: 'Silver' },
  { masculine: 'orange', feminine: 'orange', en: 'Orange' },
  { masculine: 'curieux', feminine: 'curieuses', en: 'Curious' },
  { masculine: 'malins', feminine: 'malignes', en: 'Clever' },
  { masculine: 'rapides', feminine: 'rapides', en: 'Swift' },
  { masculine: 'sages', feminine: 'sages', en: 'Wise' },
];

export const MAX_TEAM_NAME = 40;

export function teamName(lang: 'fr' | 'en', randomIndex: (n: number) => number): string {
  const animal = ANIMALS[randomIndex(ANIMALS.length)]!;
  const colour = COLOURS[randomIndex(COLOURS.length)]!;
  return lang === 'en' ? `The ${colour.en} ${animal.en}` : `Les ${animal.fr} ${animal.feminine ? colour.feminine : colour.masculine}`;
}

/** A name a table typed: trimmed, one line, bounded; null when nothing is left. */
export function cleanTeamName(input: string): string | null {
  const name = input.replace(/[\u0000-\u001f\u007f]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, MAX_TEAM_NAME);
  return name === '' ? null : name;
}
