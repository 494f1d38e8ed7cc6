/**
 * `npm run eval:crisis`: the crisis detector against its corpus (libs/safety/corpus): precision and recall
 * overall, per language, tier and kind, with tier and language agreement, and its cost per message. `--misses`
 * lists the development parts' confusions; the held-out parts' sentences are never printed, only their figures.
 * `--part <name>` reads one part; `--cost-json` prints only the cost, as JSON (for `npm run bench`); `--alarms`
 * reads a JSON array of texts on its input and prints how many of them raise an alarm (`npm run bench` asks it
 * of the load's messages).
 */
import { readFileSync } from 'node:fs';

import { assessCrisis } from '../libs/safety/src/crisis/assess.js';
import {
  CORPUS_PARTS,
  evaluateCorpus,
  formatReport,
  loadCorpus,
  measureCost,
} from '../libs/safety/src/crisis/evaluation.js';

const args = process.argv.slice(2);
if (args.includes('--alarms')) {
  const given = JSON.parse(readFileSync(0, 'utf8')) as string[];
  console.log(given.filter((text) => assessCrisis(text) !== null).length);
  process.exit(0);
}
const texts = CORPUS_PARTS.flatMap((part) => loadCorpus(part).map((line) => line.text));
if (args.includes('--cost-json')) {
  console.log(JSON.stringify(measureCost(texts, 20)));
} else {
  const listMisses = args.includes('--misses');
  const only = args.includes('--part') ? args[args.indexOf('--part') + 1] : null;
  for (const part of CORPUS_PARTS) {
    if (only && only !== part) continue;
    const report = evaluateCorpus(loadCorpus(part));
    console.log(formatReport(part, report, { listMisses: listMisses && !part.includes('held-out') }));
  }
  // The figures the targets are read on: every held-out part together (and the development parts, which
  // the model was trained on, for comparison only).
  if (!only) {
    for (const [name, prefix] of [
      ['all development parts (trained on)', 'development'],
      ['all held-out parts (never tuned on)', 'held-out'],
    ]) {
      const lines = CORPUS_PARTS.filter((part) => part.startsWith(prefix)).flatMap((part) =>
        loadCorpus(part),
      );
      console.log(formatReport(name, evaluateCorpus(lines), { listMisses: false }));
    }
  }
  const cost = measureCost(texts, 20);
  console.log(
    `\ncost per message over ${cost.sentences} sentences × ${cost.rounds}: ` +
      `p50 ${cost.p50Micros} µs, p99 ${cost.p99Micros} µs, mean ${cost.meanMicros} µs`,
  );
}
