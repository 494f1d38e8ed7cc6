import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, statSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { join, resolve } from 'node:path';

import Database from 'better-sqlite3';

import type { MessageDto } from '@hearth/contracts';

import type { AbuseResult, ConnectionPlan } from './load/protocol.js';
import { latencyHistogram, summarize, type LatencySummary } from './support/histogram.js';
import { LoadPool, type StepOutcome } from './support/load.js';
import { call, createAccounts, createGroupWith, inPool, type Account } from './support/seed.js';
import {
  MAX_CONNECTIONS_PER_USER,
  startBare,
  startHearth,
  type Probe,
  type ServerUnderTest,
} from './support/server.js';

/**
 * Sizes of a full run and of `--quick` (which only keeps the harness working: under 2 minutes). G (one abusive
 * account) runs only in a full run, or with `--only=G`.
 */
export const SIZES = {
  full: {
    workers: 2,
    stepMs: 10_000,
    fanOut: { groups: 40, members: 25, rates: [250, 500, 1000, 2000] },
    largeRoom: { connections: 500, accounts: 50, senders: 50, rates: [10, 25, 50] },
    ingest: { pairs: 200, accounts: 40, rates: [1000, 2000, 4000, 8000] },
    idle: { accounts: 50, perAccount: 100 },
    storm: { groups: 10, members: 25, rate: 500, durationMs: 10_000, dropAtMs: 4000, share: 0.2 },
    history: { messages: 1_000_000, pages: 2000 },
    sqliteMs: 3000,
    soak: { groups: 40, members: 25, rate: 1000, durationMs: 600_000, intervalMs: 60_000 },
    scaleOut: {
      fanOut: { groups: 40, members: 25, rate: 1000 },
      ingest: { pairs: 200, accounts: 40, rate: 2000 },
    },
    abuse: {
      groups: 10,
      members: 10,
      rate: 200,
      /** Each phase (without the abuser, then with it); the budgets are per minute, so one budget's worth. */
      phaseMs: 30_000,
      warmUpMs: 5000,
      /** Every connection an account may open (CHAT_MAX_CONNECTIONS_PER_USER of the server under test). */
      abuserConnections: MAX_CONNECTIONS_PER_USER,
      /** The abusive group's history, written into the database: `group:join { sinceSeq: 0 }` returns 500. */
      history: 1000,
      /** Each of those messages at the longest a message may be (MESSAGE_MAX_LENGTH): the worst case. */
      bodyChars: 4000,
      healthEveryMs: 100,
    },
  },
  quick: {
    workers: 2,
    stepMs: 2000,
    fanOut: { groups: 4, members: 10, rates: [100, 300] },
    largeRoom: { connections: 100, accounts: 10, senders: 10, rates: [10] },
    ingest: { pairs: 20, accounts: 10, rates: [500] },
    idle: { accounts: 10, perAccount: 50 },
    storm: { groups: 4, members: 10, rate: 300, durationMs: 4000, dropAtMs: 1500, share: 0.2 },
    history: { messages: 20_000, pages: 200 },
    sqliteMs: 500,
    soak: { groups: 4, members: 10, rate: 300, durationMs: 10_000, intervalMs: 2_500 },
    scaleOut: {
      fanOut: { groups: 4, members: 10, rate: 200 },
      ingest: { pairs: 20, accounts: 10, rate: 300 },
    },
  },
};
export type Sizes = Omit<(typeof SIZES)['full'], 'abuse'>;
export type AbuseSizes = (typeof SIZES)['full']['abuse'];

/** One step, with what the server's probe saw while it ran. */
export interface MeasuredStep extends StepOutcome {
  server: {
    cpuSecondsPer1000Deliveries: number | null;
    /** The same for the main thread alone (the event loop), without worker threads and GC helpers. */
    mainThreadCpuSecondsPer1000Deliveries: number | null;
    eventLoopDelayP99Ms: number;
    rssMb: number;
  };
}

/** Where `BENCH_PROFILE=1` puts the servers' CPU profiles. */
const PROFILES = 'bench/results/profiles';

export const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

async function measuredStep(
  server: ServerUnderTest,
  pool: LoadPool,
  options: Parameters<LoadPool['step']>[0],
): Promise<MeasuredStep> {
  const before = await server.probe({ reset: true });
  const profiling = !!process.env.BENCH_PROFILE;
  if (profiling) await server.profile('start');
  const outcome = await pool.step(options);
  if (profiling) {
    mkdirSync(PROFILES, { recursive: true });
    await server.profile(
      'stop',
      resolve(
        PROFILES,
        `${server.kind}-${Date.now()}-${options.rate}.${process.env.BENCH_PROFILE === 'heap' ? 'heapprofile' : 'cpuprofile'}`,
      ),
    );
  }
  const after = await server.probe();
  const work = outcome.delivered > 0 ? outcome.delivered : outcome.acked;
  return {
    ...outcome,
    server: {
      cpuSecondsPer1000Deliveries:
        work > 0 ? round3(((after.cpuSeconds - before.cpuSeconds) * 1000) / work) : null,
      mainThreadCpuSecondsPer1000Deliveries:
        work > 0 && after.mainThreadCpuSeconds !== null && before.mainThreadCpuSeconds !== null
          ? round3(((after.mainThreadCpuSeconds - before.mainThreadCpuSeconds) * 1000) / work)
          : null,
      eventLoopDelayP99Ms: round3(after.eventLoopDelayMs.p99),
      rssMb: mb(after.rssBytes),
    },
  };
}

export const round3 = (value: number) => Math.round(value * 1000) / 1000;

/** Connections for groups of accounts: `each` connections per (account, group). */
export function plansFor(groups: { groupId: string; accounts: Account[] }[], each = 1): ConnectionPlan[] {
  return groups.flatMap(({ groupId, accounts }) =>
    accounts.flatMap((account, a) =>
      Array.from({ length: each }, (_, c) => ({
        key: `${groupId.slice(0, 8)}-${a}-${c}`,
        groupId,
        token: account.token,
      })),
    ),
  );
}

/** The same connections against the bare server: no tokens, and any group id will do. */
const bare = (plans: ConnectionPlan[]) => plans.map(({ key, groupId }) => ({ key, groupId }));

/** Runs stepped load against Hearth and then the bare server, with the same connections and the same steps. */
async function steppedPair(
  sizes: Sizes,
  setup: (hearth: ServerUnderTest) => Promise<ConnectionPlan[]>,
  rates: number[],
  isSender: (plan: ConnectionPlan) => boolean,
) {
  const results: { hearth: MeasuredStep[]; bare: MeasuredStep[] } = { hearth: [], bare: [] };
  const hearth = await startHearth();
  let plans: ConnectionPlan[];
  try {
    plans = await setup(hearth);
    results.hearth = await stepped(sizes, hearth, plans, rates, isSender);
  } finally {
    await hearth.stop();
  }
  results.bare = await stepped(sizes, await startBare(), bare(plans), rates, isSender);
  return results;
}

async function stepped(
  sizes: Sizes,
  server: ServerUnderTest,
  plans: ConnectionPlan[],
  rates: number[],
  isSender: (plan: ConnectionPlan) => boolean,
): Promise<MeasuredStep[]> {
  const steps: MeasuredStep[] = [];
  try {
    const pool = await LoadPool.open(server.url, plans, { workers: sizes.workers });
    try {
      for (const rate of rates)
        steps.push(await measuredStep(server, pool, { rate, durationMs: sizes.stepMs, isSender }));
    } finally {
      await pool.close();
    }
  } finally {
    if (server.kind === 'bare') await server.stop();
  }
  return steps;
}

/** (A) Group fan-out: many groups of a circle's size, everyone sending, offered load stepped up. */
export function fanOut(sizes: Sizes) {
  const { groups, members, rates } = sizes.fanOut;
  return steppedPair(
    sizes,
    async (hearth) => {
      const accounts = await createAccounts(hearth.url, members);
      const ids = await inPool(Array.from({ length: groups }), 2, (_, g) =>
        createGroupWith(hearth.url, accounts[0], accounts, `Fan-out ${g}`),
      );
      return plansFor(ids.map((groupId) => ({ groupId, accounts })));
    },
    rates,
    () => true,
  );
}

/** (B) One large room: many connections in one group, a share of them sending. */
export function largeRoom(sizes: Sizes) {
  const { connections, accounts: count, senders, rates } = sizes.largeRoom;
  return steppedPair(
    sizes,
    async (hearth) => {
      const accounts = await createAccounts(hearth.url, count);
      const groupId = await createGroupWith(hearth.url, accounts[0], accounts, 'Large room');
      return plansFor([{ groupId, accounts }], Math.ceil(connections / count));
    },
    rates,
    (plan) => plan.key.endsWith('-0') && Number(plan.key.split('-')[1]) < senders,
  );
}

/** (C) Ingest-heavy: many one-to-one pairs, both sides sending: storage, not fan-out, is the work. */
export function ingest(sizes: Sizes) {
  const { pairs, accounts: count, rates } = sizes.ingest;
  return steppedPair(
    sizes,
    async (hearth) => {
      const accounts = await createAccounts(hearth.url, count);
      const groups = await inPool(Array.from({ length: pairs }), 2, async (_, p) => {
        const pair = [accounts[(2 * p) % count], accounts[(2 * p + 1) % count]];
        // The admin creates each group and is its facilitator; pairs without the admin leave the admin out.
        const groupId = await createGroupWith(hearth.url, accounts[0], pair, `Pair ${p}`);
        return { groupId, accounts: pair };
      });
      return plansFor(groups);
    },
    rates,
    () => true,
  );
}

/** One interval of a soak: the messages sent in it, and the server as the probe saw it at its end. */
export interface SoakInterval {
  e2e: LatencySummary;
  rssMb: number;
  heapUsedMb: number;
  eventLoopDelayP99Ms: number;
  /** The longest the event loop was held up in the interval: a stall, where the p99 hides it. */
  eventLoopDelayMaxMs: number;
  /** The SQLite write-ahead log's size (Hearth only). */
  walMb: number | null;
  /** Garbage collection in the interval: pauses, and the longest. */
  gc: Probe['gc'];
}

export interface SoakRun {
  step: MeasuredStep;
  intervals: SoakInterval[];
  eventLoopDelayMaxMs: number;
}

/**
 * (H) Soak: scenario A's shape at one rate for minutes, not seconds, against Hearth and then the bare server: the
 * whole run's latency and each minute's, the longest event-loop stall, memory and the WAL minute by minute. A
 * stall that comes every so often, or memory that creeps, only shows over a run this long.
 */
export async function soak(sizes: Sizes): Promise<{ hearth: SoakRun; bare: SoakRun }> {
  const { groups, members } = sizes.soak;
  const hearth = await startHearth();
  let plans: ConnectionPlan[];
  let hearthRun: SoakRun;
  try {
    const accounts = await createAccounts(hearth.url, members);
    const ids = await inPool(Array.from({ length: groups }), 2, (_, g) =>
      createGroupWith(hearth.url, accounts[0], accounts, `Soak ${g}`),
    );
    plans = plansFor(ids.map((groupId) => ({ groupId, accounts })));
    hearthRun = await soaked(sizes, hearth, plans);
  } finally {
    await hearth.stop();
  }
  const server = await startBare();
  try {
    return { hearth: hearthRun, bare: await soaked(sizes, server, bare(plans)) };
  } finally {
    await server.stop();
  }
}

async function soaked(sizes: Sizes, server: ServerUnderTest, plans: ConnectionPlan[]): Promise<SoakRun> {
  const { rate, durationMs, intervalMs } = sizes.soak;
  const pool = await LoadPool.open(server.url, plans, { workers: sizes.workers });
  try {
    const samples: Omit<SoakInterval, 'e2e'>[] = [];
    const sample = async () => {
      const probe = await server.probe({ reset: true });
      samples.push({
        rssMb: mb(probe.rssBytes),
        heapUsedMb: mb(probe.heapUsedBytes),
        eventLoopDelayP99Ms: round3(probe.eventLoopDelayMs.p99),
        eventLoopDelayMaxMs: round3(probe.eventLoopDelayMs.max),
        walMb: server.dataDir ? mb(walBytes(server.dataDir)) : null,
        gc: probe.gc,
      });
    };
    await server.probe({ reset: true });
    const sampler = setInterval(() => void sample(), intervalMs);
    let step: MeasuredStep;
    try {
      step = await measuredStep(server, pool, { rate, durationMs, isSender: () => true, intervalMs });
    } finally {
      clearInterval(sampler);
    }
    const intervals = (step.e2eByInterval ?? []).slice(0, samples.length).map((e2e, i) => ({
      e2e,
      ...samples[i],
    }));
    return {
      step: { ...step, e2eByInterval: undefined },
      intervals,
      eventLoopDelayMaxMs: Math.max(0, ...samples.map((s) => s.eventLoopDelayMaxMs)),
    };
  } finally {
    await pool.close();
  }
}

/** The write-ahead logs' size in a data directory. */
function walBytes(dataDir: string): number {
  return readdirSync(dataDir)
    .filter((name) => name.endsWith('-wal'))
    .reduce((sum, name) => sum + statSync(join(dataDir, name)).size, 0);
}

/** (D) Idle connections: resident memory per connection, Hearth and bare. */
export async function idle(sizes: Sizes) {
  const { accounts: count, perAccount } = sizes.idle;
  const result = {} as Record<'hearth' | 'bare', Awaited<ReturnType<typeof memoryPerConnection>>>;
  const hearth = await startHearth();
  let plans: ConnectionPlan[];
  try {
    const accounts = await createAccounts(hearth.url, count);
    const groups = await inPool(accounts, 2, async (account, i) => ({
      groupId: await createGroupWith(hearth.url, accounts[0], [account], `Idle ${i}`),
      accounts: [account],
    }));
    plans = plansFor(groups, perAccount);
    result.hearth = await memoryPerConnection(sizes, hearth, plans);
  } finally {
    await hearth.stop();
  }
  const server = await startBare();
  try {
    result.bare = await memoryPerConnection(sizes, server, bare(plans));
  } finally {
    await server.stop();
  }
  return result;
}

async function memoryPerConnection(sizes: Sizes, server: ServerUnderTest, plans: ConnectionPlan[]) {
  const before = await settledProbe(server);
  const pool = await LoadPool.open(server.url, plans, { workers: sizes.workers });
  const after = await settledProbe(server);
  await pool.close();
  return {
    connections: plans.length,
    rssBeforeMb: mb(before.rssBytes),
    rssAfterMb: mb(after.rssBytes),
    bytesPerConnection: Math.round((after.rssBytes - before.rssBytes) / plans.length),
    // The JavaScript heap alone, after garbage collection: steadier than RSS, which keeps freed pages.
    heapBytesPerConnection: Math.round((after.heapUsedBytes - before.heapUsedBytes) / plans.length),
  };
}

/** Memory after garbage collection, once it has stopped moving. */
async function settledProbe(server: ServerUnderTest): Promise<Probe> {
  await new Promise((wait) => setTimeout(wait, 1000));
  return server.probe({ gc: true });
}

/** (E) Reconnect storm: steady load; a share of the connections drops at once and catches up with sinceSeq. */
export async function storm(sizes: Sizes) {
  const { groups, members, rate, durationMs, dropAtMs, share } = sizes.storm;
  const hearth = await startHearth();
  const accounts = await createAccounts(hearth.url, members);
  const ids = await inPool(Array.from({ length: groups }), 2, (_, g) =>
    createGroupWith(hearth.url, accounts[0], accounts, `Storm ${g}`),
  );
  const pool = await LoadPool.open(hearth.url, plansFor(ids.map((groupId) => ({ groupId, accounts }))), {
    workers: sizes.workers,
  });
  try {
    return await measuredStep(hearth, pool, {
      rate,
      durationMs,
      isSender: () => true,
      drop: { atMs: dropAtMs, share },
    });
  } finally {
    await pool.close();
    await hearth.stop();
  }
}

/**
 * (F) History: pages of 50 from a group with many messages. The messages are written straight into Hearth's
 * SQLite file (sending a million through the chat would take longer than the rest of the run), then read back
 * through the API as a client scrolling back would.
 */
export async function history(sizes: Sizes): Promise<{
  messages: number;
  page: LatencySummary;
  latest: LatencySummary;
  floor: LatencySummary;
  /** The server's CPU time per request of the measured loop (pages, latest pages and floor requests together). */
  cpuMsPerRequest: number;
}> {
  const { messages, pages } = sizes.history;
  const hearth = await startHearth();
  // One keep-alive connection through node:http: fetch's own overhead would blur the server's tail (it put
  // about 4 ms on the p99 of a bare Node HTTP server answering `{}` on this machine).
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  try {
    const [admin] = await createAccounts(hearth.url, 1);
    const groupId = await createGroupWith(hearth.url, admin, [admin], 'History');
    const get = (path: string) =>
      new Promise<{ micros: number; body: string; status: number }>((done, fail) => {
        const started = performance.now();
        request(
          `${hearth.url}${path}`,
          { agent, headers: { authorization: `Bearer ${admin.token}` } },
          (response) => {
            let body = '';
            response.setEncoding('utf8');
            response.on('data', (chunk: string) => (body += chunk));
            response.on('end', () =>
              done({
                micros: Math.max(1, Math.round((performance.now() - started) * 1000)),
                body,
                status: response.statusCode ?? 0,
              }),
            );
          },
        )
          .on('error', fail)
          .end();
      });
    const card = JSON.parse((await get(`/api/groups/${groupId}`)).body) as { membership: { id: string } };
    agent.destroy();
    fill(join(hearth.dataDir!, 'hearth.db'), groupId, card.membership.id, admin.id, messages);
    const page = async (query: string) => {
      const { micros, body, status } = await get(`/api/groups/${groupId}/messages?${query}`);
      const count = status === 200 ? (JSON.parse(body) as unknown[]).length : 0;
      if (count !== 50) throw new Error(`history page: ${status}, ${count} messages`);
      return micros;
    };
    const paged = latencyHistogram();
    const latest = latencyHistogram();
    const floor = latencyHistogram();
    for (let i = 0; i < 200; i += 1) await page(`before=${51 + i}&limit=50`); // warm-up
    const profiling = !!process.env.BENCH_PROFILE;
    if (profiling) await hearth.profile('start');
    const before = await hearth.probe();
    for (let i = 0; i < pages; i += 1) {
      paged.recordValue(await page(`before=${51 + Math.floor(Math.random() * (messages - 50))}&limit=50`));
      if (i % 10 === 0) {
        latest.recordValue(await page('limit=50'));
        // What any request costs: no authentication, no query.
        floor.recordValue((await get('/api/instance')).micros);
      }
    }
    const after = await hearth.probe();
    if (profiling) {
      mkdirSync(PROFILES, { recursive: true });
      await hearth.profile('stop', resolve(PROFILES, `history-${Date.now()}.cpuprofile`));
    }
    const requests = paged.totalCount + latest.totalCount + floor.totalCount;
    return {
      messages,
      page: summarize(paged),
      latest: summarize(latest),
      floor: summarize(floor),
      cpuMsPerRequest: round3(((after.cpuSeconds - before.cpuSeconds) * 1000) / requests),
    };
  } finally {
    agent.destroy();
    await hearth.stop();
  }
}

function fill(
  file: string,
  groupId: string,
  membershipId: string,
  userId: string,
  count: number,
  body = (seq: number) => `Looking back on week ${seq % 52}: what stayed with me.`,
): void {
  const db = new Database(file);
  db.pragma('busy_timeout = 10000');
  const insert = db.prepare(
    `INSERT INTO messages (id, group_id, seq, status, author_membership_id, author_user_id, client_id, kind, body,
       reply_to_id, created_at, edited_at, deleted_at, removed_at, removed_by)
     VALUES (lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))),2) || '-a' || substr(lower(hex(randomblob(2))),2) || '-' || lower(hex(randomblob(6))),
       ?, ?, 'visible', ?, ?, NULL, 'text', ?, NULL, ?, NULL, NULL, NULL, NULL)`,
  );
  const start = Date.now() - count * 1000;
  const write = db.transaction((from: number, to: number) => {
    for (let seq = from; seq <= to; seq += 1) {
      const at = new Date(start + seq * 1000).toISOString().replace('T', ' ').slice(0, 23);
      insert.run(groupId, seq, membershipId, userId, body(seq), at);
    }
  });
  for (let from = 1; from <= count; from += 50_000) write(from, Math.min(count, from + 49_999));
  db.prepare(
    `INSERT INTO chat_rooms (group_id, last_seq, retention_days) VALUES (?, ?, NULL)
     ON CONFLICT (group_id) DO UPDATE SET last_seq = excluded.last_seq`,
  ).run(groupId, count);
  // As a long-lived database would be: the write-ahead log folded into the file, and the disk caught up, so
  // that the reads measured next do not share the machine with the fill's own write-back.
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  spawnSync('sync');
}

/** The storage limit, measured in its own process on a copy of a freshly migrated Hearth database. */
export async function sqliteBaseline(sizes: Sizes) {
  const hearth = await startHearth();
  const [admin] = await createAccounts(hearth.url, 1);
  const groupId = await createGroupWith(hearth.url, admin, [admin], 'Storage');
  const template = join(hearth.dataDir!, 'template.db');
  const source = new Database(join(hearth.dataDir!, 'hearth.db'));
  await source.backup(template);
  source.close();
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'bench/baselines/sqlite-inserts.ts', template, groupId, String(sizes.sqliteMs)],
    { encoding: 'utf8' },
  );
  await hearth.stop();
  if (run.status !== 0) throw new Error(`SQLite baseline failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim()) as {
    synchronous: string;
    perTransaction: number;
    rowsPerSecond: number;
  }[];
}

/** One phase of G: the normal groups' step, the server meanwhile, `/api/health`, and the abuser's answers. */
export interface AbusePhase {
  normal: MeasuredStep;
  /** The server's CPU time over the phase's wall time (100 = one core busy throughout). */
  cpuPercent: number;
  /** Answers other than 200 (by status or error) are counted in `failed`, not in the latencies. */
  health: LatencySummary & { failed: Record<string, number>; slowestPerSecond: number[] };
  abuse: (AbuseResult & { seconds: number }) | null;
}

/**
 * (G) One abusive account (issue 14, defect 5): normal groups exchange messages at a steady rate, measured
 * alone and then for as long again while one account, on every connection it may open, loops as fast as its acks
 * come back over `group:join { sinceSeq: 0 }` (500 long messages each), typing, reactions and read markers in
 * its own group. What the budgets must show: the normal groups' tail does not move. `serverEnv` is for exploring
 * other settings (e.g. CHAT_MAX_CONNECTIONS_PER_USER, with `abuserConnections` to match).
 */
export async function abusiveAccount(
  workers: number,
  sizes: AbuseSizes,
  serverEnv: Record<string, string> = {},
) {
  const { groups, members, rate, phaseMs, warmUpMs, abuserConnections, history: count, bodyChars } = sizes;
  const hearth = await startHearth(serverEnv);
  try {
    const accounts = await createAccounts(hearth.url, members + 1);
    const abuser = accounts.pop()!;
    const ids = await inPool(Array.from({ length: groups }), 2, (_, g) =>
      createGroupWith(hearth.url, accounts[0], accounts, `Steady ${g}`),
    );
    const abusiveGroup = await createGroupWith(hearth.url, accounts[0], [abuser], 'Abusive');
    const card = await call<{ membership: { id: string } }>(
      hearth.url,
      `/api/groups/${abusiveGroup}`,
      abuser.token,
    );
    const text = 'Writing it all down again so that it is here when I come back to it. ';
    const long = text.repeat(Math.ceil(bodyChars / text.length)).slice(0, bodyChars);
    fill(join(hearth.dataDir!, 'hearth.db'), abusiveGroup, card.membership.id, abuser.id, count, () => long);
    const [latest] = await call<MessageDto[]>(
      hearth.url,
      `/api/groups/${abusiveGroup}/messages?limit=1`,
      abuser.token,
    );
    if (latest?.seq !== count) throw new Error(`G: the abusive group's history ends at ${latest?.seq}`);

    const normal = await LoadPool.open(hearth.url, plansFor(ids.map((groupId) => ({ groupId, accounts }))), {
      workers,
    });
    // Its own process, connected but quiet until its phase: its client's work does not stall the measuring
    // workers' event loops (it still shares the machine's cores). Not joined: every join it makes is counted.
    const abusive = await LoadPool.open(
      hearth.url,
      Array.from({ length: abuserConnections }, (_, c) => ({
        key: `abuser-${c}`,
        groupId: abusiveGroup,
        token: abuser.token,
      })),
      { workers: 1, join: false },
    );
    try {
      await normal.step({ rate, durationMs: warmUpMs, isSender: () => true });
      const phase = async (withAbuse: boolean): Promise<AbusePhase> => {
        const before = await hearth.probe({ reset: true });
        const started = performance.now();
        const [health, outcome, abuse] = await Promise.all([
          sampleHealth(hearth.url, sizes.healthEveryMs, phaseMs),
          normal.step({ rate, durationMs: phaseMs, isSender: () => true }),
          withAbuse
            ? abusive.abuse({ durationMs: phaseMs, messageId: latest.id, seq: count })
            : Promise.resolve(null),
        ]);
        const seconds = (performance.now() - started) / 1000;
        const after = await hearth.probe();
        const cpu = after.cpuSeconds - before.cpuSeconds;
        return {
          normal: {
            ...outcome,
            server: {
              cpuSecondsPer1000Deliveries:
                outcome.delivered > 0 ? round3((cpu * 1000) / outcome.delivered) : null,
              mainThreadCpuSecondsPer1000Deliveries: null,
              eventLoopDelayP99Ms: round3(after.eventLoopDelayMs.p99),
              rssMb: mb(after.rssBytes),
            },
          },
          cpuPercent: Math.round((cpu / seconds) * 1000) / 10,
          health,
          abuse: abuse && { ...abuse, seconds: phaseMs / 1000 },
        };
      };
      const baseline = await phase(false);
      const abused = await phase(true);
      return {
        abuserConnections,
        historyMessages: count,
        bodyChars,
        rate,
        phaseSeconds: phaseMs / 1000,
        baseline,
        abuse: abused,
      };
    } finally {
      await abusive.close();
      await normal.close();
    }
  } finally {
    await hearth.stop();
  }
}

/**
 * `GET /api/health` every `everyMs` for `durationMs`, each timed from when it was due: a slow answer does not
 * delay the next one (up to 8 at once, over keep-alive connections), so a stalled server shows in full. Also the
 * slowest answer to the requests due in each second, to tell a burst from a steady cost.
 */
function sampleHealth(url: string, everyMs: number, durationMs: number) {
  const agent = new Agent({ keepAlive: true, maxSockets: 8 });
  const latency = latencyHistogram();
  const slowestPerSecond: number[] = Array.from({ length: Math.ceil(durationMs / 1000) }, () => 0);
  const pending: Promise<void>[] = [];
  const failed: Record<string, number> = {};
  const started = performance.now();
  const one = () =>
    new Promise<void>((finish) => {
      const due = performance.now();
      const second = Math.floor((due - started) / 1000);
      const fail = (why: string) => {
        failed[why] = (failed[why] ?? 0) + 1;
        finish();
      };
      request(`${url}/api/health`, { agent }, (response) => {
        response.resume();
        response.on('end', () => {
          const ms = performance.now() - due;
          slowestPerSecond[second] = Math.max(slowestPerSecond[second], Math.round(ms * 10) / 10);
          if (response.statusCode !== 200) return fail(String(response.statusCode));
          latency.recordValue(Math.max(1, Math.round(ms * 1000)));
          finish();
        });
      })
        .on('error', (error) => fail(error.message))
        .end();
    });
  return new Promise<LatencySummary & { failed: Record<string, number>; slowestPerSecond: number[] }>(
    (done) => {
      const timer = setInterval(() => {
        if (performance.now() - started < durationMs) return void pending.push(one());
        clearInterval(timer);
        void Promise.all(pending).then(() => {
          agent.destroy();
          done({ ...summarize(latency), failed, slowestPerSecond });
        });
      }, everyMs);
    },
  );
}
