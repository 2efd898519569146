// Development helper: a page of a context with the service worker on, that has visited `path` twice
// (files cached by the service worker, compiled code kept by the browser), as the benchmark's warm
// loads do.
import type { Browser, Page } from '@playwright/test';

export async function returnVisitPage(browser: Browser, path: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: 'http://localhost:4199', serviceWorkers: 'allow' });
  const page = await context.newPage();
  await page.goto(path);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 }).catch(() => undefined);
  await page.waitForTimeout(3000);
  await page.goto(path);
  await page.waitForTimeout(3000);
  return page;
}
