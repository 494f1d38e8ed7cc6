import { ABUSIVE_EVENTS } from './load/protocol.js';
import type { ScaleOutResult, ScaleOutRun } from './scale-out.js';
import type { AbusePhase, MeasuredStep, Sizes, SoakRun } from './scenarios.js';
import type { LatencySummary } from './support/histogram.js';

type Pair = { hearth: MeasuredStep[]; bare: MeasuredStep[] };
type Memory = Record<
  'hearth' | 'bare',
  {
    connections: number;
    rssBeforeMb: number;
    rssAfterMb: number;
    bytesPerConnection: number;
    heapBytesPerConnection: number;
  }
>;
type Storage = { synchronous: string; perTransaction: number; rowsPerSecond: number }[];

export interface BenchResults {
  mode: 'full' | 'quick';
  startedAt: string;
  durationSeconds?: number;
  machine: Record<string, string | number>;
  sizes: Sizes;
  /** Scenarios that could not run to the end, with why. */
  failures: Record<string, string>;
  scenarios: Partial<{
    S: Storage;
    A: Pair;
    B: Pair;
    C: Pair;
    D: Memory;
    E: MeasuredStep;
    F: {
      messages: number;
      page: LatencySummary;
      latest: LatencySummary;
      floor: LatencySummary;
      cpuMsPerRequest?: number;
    };
    /** The crisis detector alone, in process: microseconds per message over its corpus. */
    T: { sentences: number; rounds: number; p50Micros: number; p99Micros: number; meanMicros: number };
    /** Soak: one rate held for minutes, Hearth and bare. */
    H: { hearth: SoakRun; bare: SoakRun };
    /** Scale-out: one node on PostgreSQL, two on PostgreSQL and Redis. */
    N: ScaleOutResult;
    G: {
      abuserConnections: number;
      historyMessages: number;
      bodyChars: number;
      rate: number;
      phaseSeconds: number;
      baseline: AbusePhase;
      abuse: AbusePhase;
    };
  }>;
}

const fmt = (value: number | null | undefined, digits = 0) =>
  value === null || value === undefined || Number.isNaN(value)
    ? '–'
    : value.toLocaleString('en-US', { maximumFractionDigits: digits });
const ratio = (a: number, b: number) => (b > 0 ? (a / b).toFixed(2) : '–');
/** CPU per 1,000 deliveries of the whole process, with the event-loop thread's own in brackets. */
const cpuOf = (server: MeasuredStep['server'] | undefined) =>
  server?.mainThreadCpuSecondsPer1000Deliveries == null
    ? fmt(server?.cpuSecondsPer1000Deliveries, 3)
    : `${fmt(server.cpuSecondsPer1000Deliveries, 3)} (${fmt(server.mainThreadCpuSecondsPer1000Deliveries, 3)})`;
const table = (head: string[], rows: (string | number)[][]) =>
  [
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n');

/** The Markdown report, and what must fail the run: any loss or duplicate, any refused or unanswered send. */
export function renderReport(results: BenchResults): { markdown: string; problems: string[] } {
  const { scenarios: s } = results;
  const problems: string[] = Object.entries(results.failures).map(([name, why]) => `${name} failed: ${why}`);
  const check = (label: string, step: MeasuredStep) => {
    if (step.lost > 0) problems.push(`${label}: ${step.lost} deliveries lost`);
    if (step.duplicates > 0) problems.push(`${label}: ${step.duplicates} duplicates`);
    // A send whose ack a planned drop cut (scenario E) is no failure of the server; any other error is.
    const errors = Object.entries(step.ackErrors).filter(([code]) => code !== 'CUT_BY_PLANNED_DROP');
    if (errors.length > 0)
      problems.push(`${label}: sends refused or unanswered ${JSON.stringify(step.ackErrors)}`);
  };
  const out: string[] = [
    `# Hearth benchmark (${results.mode})`,
    '',
    `${results.startedAt}; ${results.machine.cpus} × ${results.machine.cpuModel}, ${results.machine.memoryGb} GiB, Node ${results.machine.node}, ${results.machine.os}; ${results.durationSeconds ?? '?'} s.`,
    '',
  ];
  const storageNormalSingle =
    s.S?.find((row) => row.synchronous === 'NORMAL' && row.perTransaction === 1)?.rowsPerSecond ?? 0;
  if (s.S) {
    out.push('## Storage limit: raw better-sqlite3 inserts into the messages table (WAL)', '');
    out.push(
      table(
        ['synchronous', 'rows per transaction', 'rows/s'],
        s.S.map((row) => [row.synchronous, row.perTransaction, fmt(row.rowsPerSecond)]),
      ),
      '',
    );
  }
  const stepped = (name: string, title: string, pair: Pair | undefined) => {
    if (!pair) return;
    out.push(`## ${name}. ${title}`, '');
    const rows = pair.hearth.map((h, i) => {
      const b = pair.bare[i];
      check(`${name} Hearth at ${h.offeredPerSecond}/s`, h);
      if (b) check(`${name} bare at ${b.offeredPerSecond}/s`, b);
      return [
        fmt(h.offeredPerSecond),
        fmt(h.ackedPerSecond),
        fmt(b?.deliveredPerSecond),
        fmt(h.deliveredPerSecond),
        b ? ratio(h.deliveredPerSecond, b.deliveredPerSecond) : '–',
        storageNormalSingle ? ratio(h.ackedPerSecond, storageNormalSingle) : '–',
        `${fmt(h.e2e.p50Ms, 1)} / ${fmt(h.e2e.p99Ms, 1)} / ${fmt(h.e2e.p999Ms, 1)}`,
        b ? `${fmt(b.e2e.p50Ms, 1)} / ${fmt(b.e2e.p99Ms, 1)}` : '–',
        `${fmt(h.ack.p50Ms, 1)} / ${fmt(h.ack.p99Ms, 1)}`,
        `${h.lost} / ${h.duplicates}`,
        `${cpuOf(h.server)} / ${cpuOf(b?.server)}`,
        `${fmt(h.server.eventLoopDelayP99Ms, 1)} / ${fmt(b?.server.eventLoopDelayP99Ms, 1)}`,
      ];
    });
    out.push(
      table(
        [
          'offered msg/s',
          'acked/s',
          'bare delivered/s',
          'Hearth delivered/s',
          'Hearth ÷ transport',
          'acked ÷ storage (NORMAL, single)',
          'Hearth e2e p50 / p99 / p99.9 ms',
          'bare e2e p50 / p99 ms',
          'ack p50 / p99 ms',
          'lost / dup',
          'CPU s per 1,000 deliveries, process (event-loop thread): Hearth / bare',
          'event-loop p99 ms (Hearth / bare)',
        ],
        rows,
      ),
      '',
    );
  };
  stepped('A', 'Group fan-out', s.A);
  stepped('B', 'One large room', s.B);
  stepped('C', 'Ingest-heavy pairs', s.C);
  if (s.D) {
    out.push('## D. Idle connections', '');
    out.push(
      table(
        [
          'server',
          'connections',
          'RSS before MB',
          'RSS after MB',
          'RSS bytes per connection',
          'heap bytes per connection',
        ],
        (['hearth', 'bare'] as const).map((kind) => [
          kind,
          s.D![kind].connections,
          s.D![kind].rssBeforeMb,
          s.D![kind].rssAfterMb,
          fmt(s.D![kind].bytesPerConnection),
          fmt(s.D![kind].heapBytesPerConnection),
        ]),
      ),
      '',
      `Hearth ÷ bare per connection: RSS ${ratio(s.D.hearth.bytesPerConnection, s.D.bare.bytesPerConnection)}, heap ${ratio(s.D.hearth.heapBytesPerConnection, s.D.bare.heapBytesPerConnection)}`,
      '',
    );
  }
  if (s.E) {
    const e = s.E;
    check('E', e);
    if (e.storm && (e.storm.missingSeqs > 0 || e.storm.rejoined < e.storm.dropped))
      problems.push(
        `E: ${e.storm.rejoined} of ${e.storm.dropped} rejoined, ${e.storm.missingSeqs} seqs missing after catch-up`,
      );
    out.push('## E. Reconnect storm', '');
    out.push(
      table(
        [
          'dropped',
          'rejoined',
          'seqs missing after catch-up',
          'catch-up p50 / p99 / max ms',
          'lost / dup',
          'acked/s',
          'e2e p99 ms',
        ],
        [
          [
            e.storm?.dropped ?? 0,
            e.storm?.rejoined ?? 0,
            e.storm?.missingSeqs ?? '–',
            e.storm
              ? `${fmt(e.storm.catchUp.p50Ms, 1)} / ${fmt(e.storm.catchUp.p99Ms, 1)} / ${fmt(e.storm.catchUp.maxMs, 1)}`
              : '–',
            `${e.lost} / ${e.duplicates}`,
            fmt(e.ackedPerSecond),
            fmt(e.e2e.p99Ms, 1),
          ],
        ],
      ),
      '',
    );
  }
  if (s.T) {
    out.push(
      `## T. Crisis detector: cost per message over its corpus (${fmt(s.T.sentences)} sentences × ${s.T.rounds})`,
      '',
      table(
        ['p50 µs', 'p99 µs', 'mean µs', 'CPU at 1,000 msg/s'],
        [
          [
            fmt(s.T.p50Micros, 1),
            fmt(s.T.p99Micros, 1),
            fmt(s.T.meanMicros, 1),
            `${fmt(s.T.meanMicros / 10, 1)} % of a core`,
          ],
        ],
      ),
      '',
    );
  }
  if (s.F) {
    out.push(
      `## F. History: pages of 50 from a group of ${fmt(s.F.messages)} messages (HTTP, one client)`,
      '',
    );
    out.push(
      table(
        ['page', 'requests', 'p50 ms', 'p99 ms', 'p99.9 ms', 'max ms'],
        [
          ['anywhere (before=random)', s.F.page],
          ['latest', s.F.latest],
          ['floor: GET /api/instance (no auth, no query)', s.F.floor],
        ].map(([label, l]) => {
          const latency = l as LatencySummary;
          return [
            label as string,
            latency.count,
            latency.p50Ms,
            latency.p99Ms,
            latency.p999Ms,
            latency.maxMs,
          ];
        }),
      ),
      '',
      `Page p99 ÷ floor p99: ${ratio(s.F.page.p99Ms, s.F.floor.p99Ms)}; server CPU per request of the loop: ${fmt(
        s.F.cpuMsPerRequest,
        3,
      )} ms.`,
      '',
    );
  }
  if (s.G) abuseSection(s.G, out, check);
  if (s.H) soakSection(s.H, results.sizes, out, check);
  if (s.N) scaleOutSection(s.N, out, check);
  out.push(
    problems.length
      ? `**Problems:** ${problems.join('; ')}`
      : 'No message lost, duplicated, refused or left unanswered.',
    '',
  );
  return { markdown: out.join('\n'), problems };
}

/** (G) The normal groups without and with one abusive account, and how the abuser's events were answered. */
function abuseSection(
  g: NonNullable<BenchResults['scenarios']['G']>,
  out: string[],
  check: (label: string, step: MeasuredStep) => void,
): void {
  check('G without the abuser', g.baseline.normal);
  check('G with the abuser', g.abuse.normal);
  const answered = (phase: AbusePhase) => {
    if (!phase.abuse) return { ok: '–', refused: '–', other: '–', mbPerSecond: '–' };
    const { events, seconds, bytesReceived } = phase.abuse;
    const total = (pick: (answers: (typeof events)[keyof typeof events]) => number) =>
      ABUSIVE_EVENTS.reduce((sum, event) => sum + pick(events[event]), 0);
    const others = total((answers) => Object.values(answers.other).reduce((sum, n) => sum + n, 0));
    return {
      ok: fmt(total((answers) => answers.ok) / seconds, 1),
      refused: fmt(total((answers) => answers.rateLimited) / seconds),
      other: fmt(others / seconds, 1),
      mbPerSecond: fmt(bytesReceived / 1024 / 1024 / seconds, 1),
    };
  };
  const row = (label: string, phase: AbusePhase) => {
    const { normal: n, health: h } = phase;
    const abuse = answered(phase);
    return [
      label,
      fmt(n.ackedPerSecond),
      `${fmt(n.e2e.p50Ms, 1)} / ${fmt(n.e2e.p99Ms, 1)} / ${fmt(n.e2e.p999Ms, 1)}`,
      `${fmt(n.ack.p50Ms, 1)} / ${fmt(n.ack.p99Ms, 1)}`,
      `${fmt(h.p50Ms, 1)} / ${fmt(h.p99Ms, 1)} / ${fmt(h.maxMs, 1)}${failures(h.failed)}`,
      fmt(phase.cpuPercent),
      fmt(n.server.eventLoopDelayP99Ms, 1),
      `${n.lost} / ${n.duplicates}`,
      abuse.ok,
      abuse.refused,
      abuse.other,
      abuse.mbPerSecond,
    ];
  };
  const failures = (failed: Record<string, number>) => {
    const list = Object.entries(failed).map(([why, count]) => `${count} × ${why}`);
    return list.length ? ` (not 200: ${list.join(', ')})` : '';
  };
  const times = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)} ×` : '–');
  const { baseline: before, abuse: during } = g;
  out.push(
    `## G. One abusive account: ${g.abuserConnections} connections against ${fmt(g.rate)} msg/s of normal groups`,
    '',
    `Each phase ${g.phaseSeconds} s. The abuser loops, on every connection, over \`group:join { sinceSeq: 0 }\` (its group holds ${fmt(g.historyMessages)} messages of ${fmt(g.bodyChars)} characters), \`typing\`, \`reaction:add\`/\`remove\` and \`read\`, as fast as the acks come back.`,
    '',
    table(
      [
        'phase',
        'acked/s',
        'e2e p50 / p99 / p99.9 ms',
        'ack p50 / p99 ms',
        '/api/health p50 / p99 / max ms',
        'server CPU % of a core',
        'event-loop p99 ms',
        'lost / dup',
        'abuser ok/s',
        'abuser refused/s',
        'abuser other/s',
        'abuser MB/s received',
      ],
      [
        row('without the abuser', before),
        row('with the abuser', during),
        [
          'with ÷ without',
          '',
          `– / ${times(during.normal.e2e.p99Ms, before.normal.e2e.p99Ms)} / ${times(during.normal.e2e.p999Ms, before.normal.e2e.p999Ms)}`,
          `– / ${times(during.normal.ack.p99Ms, before.normal.ack.p99Ms)}`,
          `– / ${times(during.health.p99Ms, before.health.p99Ms)} / –`,
          times(during.cpuPercent, before.cpuPercent),
          times(during.normal.server.eventLoopDelayP99Ms, before.normal.server.eventLoopDelayP99Ms),
          '',
          '',
          '',
          '',
          '',
        ],
      ],
    ),
    '',
  );
  if (during.abuse) {
    const a = during.abuse;
    out.push(
      table(
        ['abusive event', 'answered ok', 'refused RATE_LIMITED', 'other answers'],
        ABUSIVE_EVENTS.map((event) => [
          event,
          fmt(a.events[event].ok),
          fmt(a.events[event].rateLimited),
          Object.entries(a.events[event].other)
            .map(([code, count]) => `${code} ${fmt(count)}`)
            .join(', ') || '0',
        ]),
      ),
      '',
      `The abuser received ${fmt(a.caughtUpMessages)} messages in join acks, ${fmt(a.bytesReceived / 1024 / 1024, 1)} MB in all; its client used ${fmt(a.cpuSeconds, 1)} CPU s of the shared machine. The server closed its connections ${fmt(a.closedByServer ?? 0)} times for ignoring refusals, and refused ${fmt(a.refusedConnects ?? 0)} reconnections while the account was held off (it retried every 50 ms).`,
      '',
      `Slowest \`/api/health\` answer due in each second, ms: without the abuser ${before.health.slowestPerSecond.map((ms) => fmt(ms)).join(', ')}; with it ${during.health.slowestPerSecond.map((ms) => fmt(ms)).join(', ')}.`,
      '',
    );
  }
}

/** (H) The soak: the whole run against the targets of issue 19, then minute by minute. */
function soakSection(
  h: NonNullable<BenchResults['scenarios']['H']>,
  sizes: Sizes,
  out: string[],
  check: (label: string, step: MeasuredStep) => void,
): void {
  check('H Hearth', h.hearth.step);
  check('H bare', h.bare.step);
  const { rate, durationMs, intervalMs } = sizes.soak;
  out.push(`## H. Soak: ${fmt(durationMs / 60_000, 1)} minutes at ${fmt(rate)} msg/s`, '');
  const latency = (l: LatencySummary) =>
    `${fmt(l.p50Ms, 1)} / ${fmt(l.p99Ms, 1)} / ${fmt(l.p999Ms, 1)} / ${fmt(l.maxMs, 1)}`;
  /** Memory's drift: the last interval against the second (the first still warms up). */
  const drift = (run: SoakRun) => {
    const [second, last] = [run.intervals[1], run.intervals.at(-1)];
    return second && last
      ? `${fmt(second.rssMb)} → ${fmt(last.rssMb)} MB (${ratio(last.rssMb, second.rssMb)})`
      : '–';
  };
  const rows = (label: string, pick: (run: SoakRun) => string) => [label, pick(h.hearth), pick(h.bare)];
  out.push(
    table(
      ['whole run', 'Hearth', 'bare socket.io'],
      [
        rows(
          'delivered, lost / duplicated',
          (r) => `${fmt(r.step.delivered)}, ${r.step.lost} / ${r.step.duplicates}`,
        ),
        rows('e2e p50 / p99 / p99.9 / max ms', (r) => latency(r.step.e2e)),
        rows('the same after the first interval (warm)', (r) =>
          r.step.e2eAfterFirstInterval ? latency(r.step.e2eAfterFirstInterval) : '–',
        ),
        rows('ack p50 / p99 / p99.9 / max ms', (r) => latency(r.step.ack)),
        rows('longest event-loop stall ms', (r) => fmt(r.eventLoopDelayMaxMs, 1)),
        rows('CPU s per 1,000 deliveries, process (event-loop thread)', (r) => cpuOf(r.step.server)),
        rows('RSS, second interval → last', drift),
      ],
    ),
    '',
  );
  const targets = [
    `p99 ${fmt(h.hearth.step.e2e.p99Ms, 1)} ms ≤ 2 × bare's ${fmt(h.bare.step.e2e.p99Ms, 1)} ms: ${
      h.hearth.step.e2e.p99Ms <= 2 * h.bare.step.e2e.p99Ms ? 'met' : 'missed'
    }`,
    `p99.9 ${fmt(h.hearth.step.e2e.p999Ms, 1)} ms ≤ 50 ms: ${h.hearth.step.e2e.p999Ms <= 50 ? 'met' : 'missed'}`,
  ];
  out.push(`Targets (issue 19): ${targets.join('; ')}.`, '');
  out.push(
    table(
      [
        `interval (${fmt(intervalMs / 1000)} s)`,
        'Hearth e2e p50 / p99 / p99.9 / max ms',
        'bare e2e p99 / max ms',
        'Hearth event loop p99 / max ms',
        'bare event loop max ms',
        'Hearth RSS / heap MB',
        'bare RSS MB',
        'WAL MB',
        'Hearth GC young: n / longest ms',
        'Hearth GC full: n / longest ms',
      ],
      h.hearth.intervals.map((i, n) => {
        const b = h.bare.intervals[n];
        return [
          n + 1,
          latency(i.e2e),
          b ? `${fmt(b.e2e.p99Ms, 1)} / ${fmt(b.e2e.maxMs, 1)}` : '–',
          `${fmt(i.eventLoopDelayP99Ms, 1)} / ${fmt(i.eventLoopDelayMaxMs, 1)}`,
          fmt(b?.eventLoopDelayMaxMs, 1),
          `${fmt(i.rssMb)} / ${fmt(i.heapUsedMb)}`,
          fmt(b?.rssMb),
          fmt(i.walMb, 1),
          `${i.gc.young.count} / ${fmt(i.gc.young.maxMs, 1)}`,
          `${i.gc.full.count} / ${fmt(i.gc.full.maxMs, 1)}`,
        ];
      }),
    ),
    '',
  );
}

/** (N) One node against two, per shape: CPU per message is the figure to plan with (the nodes share 2 cores). */
function scaleOutSection(
  n: ScaleOutResult,
  out: string[],
  check: (label: string, step: MeasuredStep) => void,
): void {
  out.push('## N. Scale-out: one node on PostgreSQL, two on PostgreSQL and Redis', '');
  const rows: (string | number)[][] = [];
  for (const [shape, label] of [
    ['fanOut', 'A (groups of 25)'],
    ['ingest', 'C (pairs)'],
  ] as const) {
    const pair = n[shape];
    for (const run of [pair.oneNode, pair.twoNodes] as ScaleOutRun[]) {
      const name = `N ${label}, ${run.nodes} node${run.nodes > 1 ? 's' : ''}`;
      check(name, {
        ...run.step,
        server: {
          cpuSecondsPer1000Deliveries: null,
          mainThreadCpuSecondsPer1000Deliveries: null,
          eventLoopDelayP99Ms: 0,
          rssMb: 0,
        },
      });
      rows.push([
        label,
        run.nodes,
        fmt(run.step.offeredPerSecond),
        fmt(run.step.ackedPerSecond),
        fmt(run.step.deliveredPerSecond),
        `${run.step.lost} / ${run.step.duplicates}`,
        `${fmt(run.step.e2e.p50Ms, 1)} / ${fmt(run.step.e2e.p99Ms, 1)}`,
        fmt(run.cpuSecondsPer1000, 3),
        run.cpuSecondsPerNode.map((cpu) => fmt(cpu, 1)).join(' + '),
        run.nodes === 2 ? ratio(run.cpuSecondsPer1000, pair.oneNode.cpuSecondsPer1000) : '1',
      ]);
    }
  }
  out.push(
    table(
      [
        'shape',
        'nodes',
        'offered msg/s',
        'acked/s',
        'delivered/s',
        'lost / dup',
        'e2e p50 / p99 ms',
        'CPU s per 1,000 deliveries (all nodes)',
        'CPU s per node',
        'CPU per message, two ÷ one',
      ],
      rows,
    ),
    '',
  );
}
