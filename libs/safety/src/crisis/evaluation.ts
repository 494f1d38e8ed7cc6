import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import type { CrisisCategory, CrisisTier, SafetyLanguage } from './assessment.js';
import { assessCrisis } from './assess.js';

/** One labelled sentence of the corpus (libs/safety/corpus/*.jsonl). */
export interface CorpusLine {
  text: string;
  crisis: boolean;
  category: CrisisCategory | null;
  tier: CrisisTier | null;
  kind: string;
  lang: SafetyLanguage;
}

/**
 * The corpus's parts: the development ones the grammar is written against, the held-out ones never read.
 * `chatter-held-out` is held out too, but only of ordinary chat (no crisis): it measures false alarms on what
 * members mostly write, apart from the held-out figures (whose everyday lines are the hard ones).
 */
export const CORPUS_PARTS = [
  'development',
  'development-2',
  'development-3',
  'development-4',
  'development-5',
  'development-6',
  'development-7',
  'development-8',
  'development-9',
  'development-10',
  'development-11',
  'development-12',
  'development-13',
  'development-14',
  'development-15',
  'development-16',
  'development-17',
  'development-18',
  'development-19',
  'development-20',
  'development-21',
  'development-22',
  'development-23',
  'development-24',
  'development-25',
  'development-26',
  'development-27',
  'development-28',
  'development-29',
  'development-30',
  'development-31',
  'development-32',
  'development-33',
  'development-34',
  'development-35',
  'development-36',
  'development-37',
  'development-38',
  'development-39',
  'development-40',
  'development-41',
  'development-42',
  'development-43',
  'development-44',
  'development-45',
  'development-46',
  'development-47',
  'development-48',
  'development-49',
  'development-50',
  'development-51',
  'development-52',
  'development-53',
  'development-54',
  'development-55',
  'development-56',
  'development-57',
  'development-58',
  'development-59',
  'development-60',
  'development-61',
  'held-out',
  'held-out-2',
  'held-out-3',
  'held-out-4',
  'held-out-5',
  'held-out-6',
  'held-out-7',
  'held-out-8',
  'held-out-9',
  'held-out-10',
  'held-out-11',
  'held-out-12',
  'held-out-13',
  'held-out-14',
  'held-out-15',
  'held-out-16',
  'held-out-17',
  'chatter-held-out',
] as const;
export const DEVELOPMENT_PARTS = CORPUS_PARTS.filter((part) => part.startsWith('development'));
export type CorpusPart = (typeof CORPUS_PARTS)[number];

export function loadCorpus(part: CorpusPart): CorpusLine[] {
  const file = fileURLToPath(new URL(`../../corpus/${part}.jsonl`, import.meta.url));
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as CorpusLine);
}

export interface Figures {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  trueNegatives: number;
  precision: number;
  recall: number;
}

export interface CorpusReport {
  overall: Figures;
  byLanguage: Record<string, Figures>;
  byTier: Record<string, { total: number; caught: number; recall: number; sameTier: number }>;
  /**
   * Per category: recall over the lines of that category, and precision over the alarms the detector gave that
   * category (a crisis of another category read as this one counts as right: the writer still gets help).
   */
  byCategory: Record<string, { total: number; caught: number; recall: number; precision: number }>;
  /** Recall per tier within each language (`byLanguageTier.es.urgent`): the targets hold in each language. */
  byLanguageTier: Record<string, Record<string, { total: number; caught: number; recall: number }>>;
  byKind: Record<string, { crisis: boolean; total: number; flagged: number }>;
  languageAgreement: number;
  misses: CorpusLine[];
  falseAlarms: CorpusLine[];
  wrongTier: CorpusLine[];
}

function figures(lines: { line: CorpusLine; flagged: boolean }[]): Figures {
  const tp = lines.filter((x) => x.line.crisis && x.flagged).length;
  const fp = lines.filter((x) => !x.line.crisis && x.flagged).length;
  const fn = lines.filter((x) => x.line.crisis && !x.flagged).length;
  const tn = lines.filter((x) => !x.line.crisis && !x.flagged).length;
  return {
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    trueNegatives: tn,
    precision: tp + fp === 0 ? 1 : tp / (tp + fp),
    recall: tp + fn === 0 ? 1 : tp / (tp + fn),
  };
}

/** How many of these crisis lines the detector caught. */
function recallOf(lines: { found: unknown }[]): { total: number; caught: number; recall: number } {
  const caught = lines.filter((r) => r.found).length;
  return { total: lines.length, caught, recall: lines.length ? caught / lines.length : 1 };
}

export function evaluateCorpus(corpus: CorpusLine[]): CorpusReport {
  const results = corpus.map((line) => ({ line, found: assessCrisis(line.text) }));
  const flagged = results.map((r) => ({ line: r.line, flagged: r.found !== null }));
  const byLanguage: Record<string, Figures> = {};
  for (const lang of ['en', 'es']) byLanguage[lang] = figures(flagged.filter((x) => x.line.lang === lang));
  const byTier: CorpusReport['byTier'] = {};
  for (const tier of ['urgent', 'concern']) {
    const ofTier = results.filter((r) => r.line.tier === tier);
    byTier[tier] = { ...recallOf(ofTier), sameTier: ofTier.filter((r) => r.found?.tier === tier).length };
  }
  const byCategory: CorpusReport['byCategory'] = {};
  for (const category of ['suicide', 'self_harm', 'harm_to_baby', 'harm_to_others']) {
    const given = results.filter((r) => r.found?.category === category);
    byCategory[category] = {
      ...recallOf(results.filter((r) => r.line.category === category)),
      precision: given.length ? given.filter((r) => r.line.crisis).length / given.length : 1,
    };
  }
  const byLanguageTier: CorpusReport['byLanguageTier'] = {};
  for (const lang of ['en', 'es']) {
    byLanguageTier[lang] = {};
    for (const tier of ['urgent', 'concern'])
      byLanguageTier[lang][tier] = recallOf(
        results.filter((r) => r.line.lang === lang && r.line.tier === tier),
      );
  }
  const byKind: CorpusReport['byKind'] = {};
  for (const r of results) {
    const entry = (byKind[r.line.kind] ??= { crisis: r.line.crisis, total: 0, flagged: 0 });
    entry.total++;
    if (r.found) entry.flagged++;
  }
  const caught = results.filter((r) => r.line.crisis && r.found);
  return {
    overall: figures(flagged),
    byLanguage,
    byTier,
    byCategory,
    byLanguageTier,
    byKind,
    languageAgreement: caught.length
      ? caught.filter((r) => r.found!.language === r.line.lang).length / caught.length
      : 1,
    misses: results.filter((r) => r.line.crisis && !r.found).map((r) => r.line),
    falseAlarms: results.filter((r) => !r.line.crisis && r.found).map((r) => r.line),
    wrongTier: caught.filter((r) => r.found!.tier !== r.line.tier).map((r) => r.line),
  };
}

const pct = (n: number) => n.toFixed(3);

export function formatReport(part: string, report: CorpusReport, options: { listMisses: boolean }): string {
  const lines: string[] = [];
  const o = report.overall;
  const total = o.truePositives + o.falsePositives + o.falseNegatives + o.trueNegatives;
  lines.push(`\n== ${part}: ${total} sentences ==`);
  lines.push(
    `overall   precision ${pct(o.precision)}  recall ${pct(o.recall)}  ` +
      `(TP ${o.truePositives}, FP ${o.falsePositives}, FN ${o.falseNegatives}, TN ${o.trueNegatives})`,
  );
  for (const [lang, f] of Object.entries(report.byLanguage))
    lines.push(
      `lang ${lang}   precision ${pct(f.precision)}  recall ${pct(f.recall)}  (TP ${f.truePositives}, FP ${f.falsePositives}, FN ${f.falseNegatives})`,
    );
  for (const [tier, t] of Object.entries(report.byTier))
    lines.push(
      `tier ${tier.padEnd(8)} recall ${pct(t.recall)} (${t.caught}/${t.total}), same tier ${t.sameTier}/${t.caught}`,
    );
  for (const tier of ['urgent', 'concern'])
    lines.push(
      `tier ${tier.padEnd(8)} by language: ` +
        Object.entries(report.byLanguageTier)
          .map(
            ([lang, tiers]) =>
              `${lang} ${pct(tiers[tier].recall)} (${tiers[tier].caught}/${tiers[tier].total})`,
          )
          .join(', '),
    );
  for (const [category, c] of Object.entries(report.byCategory))
    lines.push(
      `category ${category.padEnd(15)} precision ${pct(c.precision)}  recall ${pct(c.recall)} (${c.caught}/${c.total})`,
    );
  lines.push(`language of the resources right for ${pct(report.languageAgreement)} of the caught`);
  lines.push('by kind (crisis kinds: caught / total; everyday kinds: false alarms / total):');
  for (const [kind, k] of Object.entries(report.byKind).sort(
    (a, b) => Number(b[1].crisis) - Number(a[1].crisis),
  ))
    lines.push(`  ${k.crisis ? 'crisis ' : 'no     '} ${kind.padEnd(20)} ${k.flagged}/${k.total}`);
  if (options.listMisses) {
    lines.push('misses:');
    for (const m of report.misses) lines.push(`  [${m.tier} ${m.kind} ${m.lang}] ${m.text}`);
    lines.push('false alarms:');
    for (const m of report.falseAlarms) lines.push(`  [${m.kind} ${m.lang}] ${m.text}`);
    lines.push('wrong tier:');
    for (const m of report.wrongTier) lines.push(`  [${m.tier} ${m.kind}] ${m.text}`);
  }
  return lines.join('\n');
}

export interface DetectorCost {
  sentences: number;
  rounds: number;
  p50Micros: number;
  p99Micros: number;
  meanMicros: number;
}

/** What the detector costs per message, over every sentence given, read `rounds` times (after one warm-up). */
export function measureCost(texts: string[], rounds: number): DetectorCost {
  for (const text of texts) assessCrisis(text);
  const samples: number[] = [];
  for (let round = 0; round < rounds; round++)
    for (const text of texts) {
      const started = process.hrtime.bigint();
      assessCrisis(text);
      samples.push(Number(process.hrtime.bigint() - started) / 1000);
    }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))];
  return {
    sentences: texts.length,
    rounds,
    p50Micros: Math.round(at(0.5) * 10) / 10,
    p99Micros: Math.round(at(0.99) * 10) / 10,
    meanMicros: Math.round((samples.reduce((a, b) => a + b, 0) / samples.length) * 10) / 10,
  };
}
