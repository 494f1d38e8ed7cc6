/**
 * `npm run eval:crisis`: the crisis detector against its corpus (libs/safety/corpus): precision and recall
 * overall, per language, tier and kind, with tier and language agreement. `--misses` lists the development
 * part's confusions; the held-out part's sentences are never printed, only its figures.
 * `--part development` or `--part held-out` reads one part.
 */
import { assessCrisis } from '../libs/safety/src/crisis/assess.js';
import {
  evaluateCorpus,
  formatReport,
  loadCorpus,
  type CorpusPart,
} from '../libs/safety/src/crisis/evaluation.js';

const listMisses = process.argv.includes('--misses');
const only = process.argv.includes('--part') ? process.argv[process.argv.indexOf('--part') + 1] : null;
for (const part of ['development', 'development-2', 'held-out'] as CorpusPart[]) {
  if (only && only !== part) continue;
  const report = evaluateCorpus(loadCorpus(part));
  console.log(formatReport(part, report, { listMisses: listMisses && part !== 'held-out' }));
}

// The detector's cost per message, over every sentence of the corpus (the benchmark's figure for the hot path).
const texts = (['development', 'development-2', 'held-out'] as CorpusPart[]).flatMap((part) =>
  loadCorpus(part).map((line) => line.text),
);
const samples: number[] = [];
for (let round = 0; round < 20; round++)
  for (const text of texts) {
    const started = process.hrtime.bigint();
    assessCrisis(text);
    samples.push(Number(process.hrtime.bigint() - started) / 1000);
  }
samples.sort((a, b) => a - b);
const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))].toFixed(1);
console.log(`\ncost per message over ${texts.length} sentences × 20: p50 ${at(0.5)} µs, p99 ${at(0.99)} µs`);
