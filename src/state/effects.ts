// What happened, for the senses: sounds to play and sentences for screen readers. The game
// emits; the sound bank and the live region listen. Nothing here changes the game.

export type Sound = 'pick' | 'drop' | 'link' | 'correct' | 'wrong' | 'deal' | 'timer';

export type Effect = { type: 'sound'; sound: Sound } | { type: 'announce'; text: string };

type Listener = (effect: Effect) => void;
const listeners = new Set<Listener>();

export function onEffect(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function playSound(sound: Sound): void {
  for (const listener of listeners) listener({ type: 'sound', sound });
}

export function announce(text: string): void {
  for (const listener of listeners) listener({ type: 'announce', text });
}
