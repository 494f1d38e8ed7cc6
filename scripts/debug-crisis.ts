import { explainCrisis } from '../libs/safety/src/crisis/frames.js';
import { loadCorpus } from '../libs/safety/src/crisis/evaluation.js';

const args = process.argv.slice(2);
const texts =
  args[0] === '--dev-misses'
    ? loadCorpus((process.env.PART as 'development') ?? 'development')
        .filter((l) => l.crisis === (args[1] !== 'fp'))
        .map((l) => l.text)
    : args;
for (const text of texts) {
  const e = explainCrisis(text);
  if (args[0] === '--dev-misses' && (e.finding !== null) === (args[1] !== 'fp')) continue;
  console.log(
    `${text}\n   ${e.matches.filter((m) => !m.startsWith('first_person')).join(' · ')} → ${e.finding ? e.finding.category + ' ' + e.finding.score.toFixed(2) : 'none'}`,
  );
}
