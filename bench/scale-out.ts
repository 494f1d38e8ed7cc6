import { postgresAvailable, postgresEnv, type PostgresTarget } from '../test/support/postgres.js';
import { redisAvailable } from '../test/support/redis.js';
import type { ConnectionPlan } from './load/protocol.js';
import { plansFor, round3, type Sizes } from './scenarios.js';
import { LoadPool, type StepOutcome } from './support/load.js';
import { createAccounts, createGroupWith, inPool } from './support/seed.js';
import { startHearth, type ServerUnderTest } from './support/server.js';

/** One deployment carrying one shape of load: what was delivered, and the CPU every node spent on it. */
export interface ScaleOutRun {
  nodes: number;
  step: StepOutcome;
  /** CPU seconds of all nodes together per 1,000 deliveries (per 1,000 acked messages where nothing fans out). */
  cpuSecondsPer1000: number;
  /** Each node's share of that CPU. */
  cpuSecondsPerNode: number[];
}

export interface ScaleOutResult {
  /** Scenario A's shape (groups of a circle's size, everyone sending) and C's (one-to-one pairs). */
  fanOut: { oneNode: ScaleOutRun; twoNodes: ScaleOutRun };
  ingest: { oneNode: ScaleOutRun; twoNodes: ScaleOutRun };
}

/**
 * (N) Scale-out: one Hearth node on PostgreSQL against two nodes on PostgreSQL and Redis (the socket.io Redis
 * adapter carrying each message to the other node's sockets), in scenarios A's and C's shapes at one rate each.
 * The two nodes share this machine's two cores, so throughput says nothing; CPU per message does, and its ratio
 * is what a deployment plan can be built on (docs/DEPLOYMENT.md). Each deployment gets a new database.
 */
export async function scaleOut(sizes: Sizes): Promise<ScaleOutResult> {
  const postgres = await postgresAvailable();
  const redis = await redisAvailable();
  if (!postgres || !redis) throw new Error('scale-out needs PostgreSQL and Redis (see README: services)');
  const { fanOut, ingest } = sizes.scaleOut;
  const fanOutShape = async (url: string) => {
    const accounts = await createAccounts(url, fanOut.members);
    const ids = await inPool(Array.from({ length: fanOut.groups }), 2, (_, g) =>
      createGroupWith(url, accounts[0], accounts, `Scale-out ${g}`),
    );
    return plansFor(ids.map((groupId) => ({ groupId, accounts })));
  };
  const ingestShape = async (url: string) => {
    const accounts = await createAccounts(url, ingest.accounts);
    const pairs = await inPool(Array.from({ length: ingest.pairs }), 2, async (_, p) => {
      const pair = [accounts[(2 * p) % accounts.length], accounts[(2 * p + 1) % accounts.length]];
      return { groupId: await createGroupWith(url, accounts[0], pair, `Pair ${p}`), accounts: pair };
    });
    return plansFor(pairs);
  };
  const run = (nodes: 1 | 2, shape: (url: string) => Promise<ConnectionPlan[]>, rate: number) =>
    deployment(sizes, postgres, redis, nodes, shape, rate);
  return {
    fanOut: {
      oneNode: await run(1, fanOutShape, fanOut.rate),
      twoNodes: await run(2, fanOutShape, fanOut.rate),
    },
    ingest: {
      oneNode: await run(1, ingestShape, ingest.rate),
      twoNodes: await run(2, ingestShape, ingest.rate),
    },
  };
}

async function deployment(
  sizes: Sizes,
  postgres: PostgresTarget,
  redis: string,
  count: 1 | 2,
  shape: (url: string) => Promise<ConnectionPlan[]>,
  rate: number,
): Promise<ScaleOutRun> {
  const database = await postgres.createDatabase('hearth_bench');
  const env = {
    ...postgresEnv(postgres, database),
    // Its own keys and channels: other runs may share this Redis.
    ...(count === 2 ? { REDIS_URL: redis, REDIS_PREFIX: database } : {}),
  };
  const nodes: ServerUnderTest[] = [];
  try {
    // One after the other: both would run the migrations on an empty database at once otherwise.
    for (let i = 0; i < count; i += 1) nodes.push(await startHearth(env));
    // People sign up and groups are made through the first node; connections alternate between the nodes, so
    // every group has members on both and each message crosses Redis.
    const plans = (await shape(nodes[0].url)).map((plan, i) => ({ ...plan, url: nodes[i % count].url }));
    const pool = await LoadPool.open(nodes[0].url, plans, { workers: sizes.workers });
    try {
      const before = await Promise.all(nodes.map((node) => node.probe({ reset: true })));
      const step = await pool.step({ rate, durationMs: sizes.stepMs, isSender: () => true });
      const after = await Promise.all(nodes.map((node) => node.probe()));
      const work = step.delivered > 0 ? step.delivered : step.acked;
      const perNode = after.map((probe, i) => probe.cpuSeconds - before[i].cpuSeconds);
      return {
        nodes: count,
        step,
        cpuSecondsPer1000: round3((perNode.reduce((sum, cpu) => sum + cpu, 0) * 1000) / Math.max(1, work)),
        cpuSecondsPerNode: perNode.map(round3),
      };
    } finally {
      await pool.close();
    }
  } finally {
    await Promise.all(nodes.map((node) => node.stop()));
    await postgres.dropDatabase(database);
  }
}
