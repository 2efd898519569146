// Work that can wait: run when the page has nothing else to do (or after `timeout` ms at the latest),
// at once where the browser cannot tell.
export function whenIdle(task: () => void, timeout: number): void {
  if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(() => task(), { timeout });
  else task();
}
