import { frameExperiment } from '../bench/browser';
for (const [cards, arrows, placed] of [[150, 250, 150], [150, 0, 1]] as const) {
  const r = await frameExperiment('http://localhost:4199', cards, arrows, placed);
  console.log(cards, arrows, placed, "drag", JSON.stringify(r.drag), "pan", JSON.stringify(r.pan));
}
