// Development helper: when the board compiles its shader programs (at load, warm-up, first drag,
// first pan/zoom) and how long each link took, on the full fresco (against a server on :4199).
import { chromium } from '@playwright/test';
import { chromiumPath, CHROMIUM_ARGS } from '../../tests/e2e/browser';
import { dragFrames, openGenerated, panZoomFrames } from '../bench/browser';

const WATCH = `(() => {
  window.__links = [];
  window.__phase = 'load';
  for (const proto of [WebGLRenderingContext.prototype, WebGL2RenderingContext.prototype]) {
    const get = proto.getProgramParameter;
    proto.getProgramParameter = function (program, name) {
      const t = performance.now();
      const value = get.call(this, program, name);
      if (name === this.LINK_STATUS) {
        const shaders = this.getAttachedShaders(program) || [];
        const fragment = shaders.map((s) => this.getShaderSource(s)).find((src) => src && src.includes('gl_FragColor') || src && src.includes('fragColor')) || '';
        const count = (fragment.match(/#define TEXTURE_COUNT (\\d+)/) || [])[1];
        window.__links.push({ phase: window.__phase, at: Math.round(t), ms: Math.round(performance.now() - t), count, head: fragment.slice(0, 60).replace(/\\s+/g, ' ') });
      }
      return value;
    };
  }
})()`;
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
const { page, context } = await openGenerated(browser, 'http://localhost:4199', 150, 250, 150, WATCH);
const phase = (name: string) => page.evaluate((n) => ((window as any).__phase = n), name);
await phase('drag');
(globalThis as any).x = 0;
console.log('drag phase at', await page.evaluate(() => Math.round(performance.now())), 'ready at', await page.evaluate(() => performance.getEntriesByType('mark').map((m) => m.name + ':' + Math.round(m.startTime)).join(' ')));
await dragFrames(page);
await phase('pan');
await panZoomFrames(page);
await page.waitForTimeout(1000);
await phase('drag2');
await dragFrames(page);
console.log(JSON.stringify(await page.evaluate(() => (window as any).__links), null, 0).replace(/\},\{/g, '},\n{'));
console.log('maxTextures', await page.evaluate(() => { const c = document.createElement('canvas').getContext('webgl'); return c?.getParameter(c.MAX_TEXTURE_IMAGE_UNITS); }));
await context.close();
await browser.close();
