// Short sound effects through howler, muted by the switch. Nothing is loaded or played before the
// first gesture on the page (browsers forbid it, and people expect silence until they act).
import type { Howl } from 'howler';
import correctMp3 from '../../assets/sounds/correct.mp3?url';
import correctWebm from '../../assets/sounds/correct.webm?url';
import dealMp3 from '../../assets/sounds/deal.mp3?url';
import dealWebm from '../../assets/sounds/deal.webm?url';
import dropMp3 from '../../assets/sounds/drop.mp3?url';
import dropWebm from '../../assets/sounds/drop.webm?url';
import linkMp3 from '../../assets/sounds/link.mp3?url';
import linkWebm from '../../assets/sounds/link.webm?url';
import pickMp3 from '../../assets/sounds/pick.mp3?url';
import pickWebm from '../../assets/sounds/pick.webm?url';
import timerMp3 from '../../assets/sounds/timer.mp3?url';
import timerWebm from '../../assets/sounds/timer.webm?url';
import wrongMp3 from '../../assets/sounds/wrong.mp3?url';
import wrongWebm from '../../assets/sounds/wrong.webm?url';
import { onEffect, type Sound } from '../state/effects';
import { store } from '../state/store';
import { whenIdle } from '../idle';

const SOURCES: Record<Sound, string[]> = {
  pick: [pickWebm, pickMp3],
  drop: [dropWebm, dropMp3],
  link: [linkWebm, linkMp3],
  correct: [correctWebm, correctMp3],
  wrong: [wrongWebm, wrongMp3],
  deal: [dealWebm, dealMp3],
  timer: [timerWebm, timerMp3],
};

/** Sounds played since the page opened, by name (read by the snapshot for tests). */
export const soundLog: Sound[] = [];

export function startSounds(): void {
  let bank: Partial<Record<Sound, Howl>> | null = null;
  let loading: Promise<void> | null = null;

  const load = () => {
    loading ??= import('howler').then(({ Howl }) => {
      bank = {};
      for (const [name, src] of Object.entries(SOURCES) as [Sound, string[]][]) {
        bank[name] = new Howl({ src, volume: 0.6, preload: true });
      }
    });
    return loading;
  };
  let gestured = false;
  const firstGesture = () => {
    gestured = true;
    window.removeEventListener('pointerdown', firstGesture, true);
    window.removeEventListener('keydown', firstGesture, true);
    // The first gesture often opens a level: let the board load first, then the sounds.
    whenIdle(() => void load(), 2000);
  };
  window.addEventListener('pointerdown', firstGesture, true);
  window.addEventListener('keydown', firstGesture, true);

  onEffect((effect) => {
    if (effect.type !== 'sound' || store.getState().muted || !gestured) return;
    soundLog.push(effect.sound);
    void load().then(() => bank?.[effect.sound]?.play());
  });
}
