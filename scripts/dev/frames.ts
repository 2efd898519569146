import { frameExperiment } from '../bench/browser';
for (const [cards, arrows, placed] of [[150, 250, 150], [150, 0, 1]] as const) {
  const r = await frameExperiment('http://localhost:4199', cards, arrows, placed);
  console.log(cards, arrows, placed, 'drag', r.drag.median.toFixed(0), r.drag.p95.toFixed(0), 'pan', r.pan.median.toFixed(0), r.pan.p95.toFixed(0));
}
