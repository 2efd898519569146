// The phase timer as people read it (mm:ss, "+mm:ss" once the time has run out), updated a few
// times a second from the workshop's data: the timer itself is a start time and a duration.
import { isRunning, remaining } from '../../core/workshop';
import { t } from '../../i18n';
import { playSound } from '../../state/effects';
import { getState } from '../../state/store';
import { h } from '../dom';

export function formatClock(ms: number): string {
  const over = ms < 0;
  const seconds = Math.ceil(Math.abs(ms) / 1000);
  const text = `${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
  return over ? `+${text}` : text;
}

/**
 * A live clock element. With `chime`, a gentle sound plays once when the running time reaches
 * zero (only one window chimes: the facilitator's).
 */
export function timerView(options: { chime: boolean; large?: boolean }): { element: HTMLElement; destroy: () => void } {
  const clock = h('span', { class: 'clock-digits', attrs: { 'data-timer': true } });
  const element = h('div', { class: options.large ? 'clock clock-large' : 'clock', attrs: { role: 'timer', 'aria-live': 'off' } }, [clock]);
  let chimedFor = '';
  const tick = () => {
    const workshop = getState().workshop;
    if (!workshop) return;
    const left = remaining(workshop.timer, Date.now());
    const text = formatClock(left);
    if (clock.textContent !== text) clock.textContent = text;
    element.classList.toggle('is-over', left < 0);
    element.classList.toggle('is-running', isRunning(workshop.timer));
    element.setAttribute('aria-label', `${t('workshop.timer')} ${text}${left < 0 ? ` (${t('workshop.timerOver')})` : ''}`);
    const key = `${workshop.phase}:${workshop.timer.durationMs}`;
    if (options.chime && left <= 0 && isRunning(workshop.timer) && chimedFor !== key) {
      chimedFor = key;
      playSound('timer');
    }
  };
  tick();
  const interval = window.setInterval(tick, 250);
  return { element, destroy: () => window.clearInterval(interval) };
}
