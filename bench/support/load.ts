import { fork, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

import {
  ABUSIVE_EVENTS,
  type AbusePlan,
  type AbuseResult,
  type ConnectionPlan,
  type FromWorker,
  type StepResult,
  type ToWorker,
} from '../load/protocol.js';
import { merge, summarize, type LatencySummary } from './histogram.js';

export interface StepOutcome {
  offeredPerSecond: number;
  durationSeconds: number;
  sent: number;
  acked: number;
  ackErrors: Record<string, number>;
  ackedPerSecond: number;
  deliveredPerSecond: number;
  expectedDeliveries: number;
  delivered: number;
  lost: number;
  duplicates: number;
  e2e: LatencySummary;
  ack: LatencySummary;
  /** Soak only: end-to-end latency of the messages sent in each interval of the step. */
  e2eByInterval?: LatencySummary[];
  /** Soak only: the same for every message sent after the first interval (the start, when the server is cold). */
  e2eAfterFirstInterval?: LatencySummary;
  storm?: { dropped: number; rejoined: number; missingSeqs: number; catchUp: LatencySummary };
}

/** Load-generator processes, each holding a share of the connections. */
export class LoadPool {
  private constructor(
    private readonly workers: ChildProcess[],
    /** Each worker's connections, in the order it holds them. */
    private readonly shares: ConnectionPlan[][],
  ) {}

  /** Forks the workers and opens every connection (round-robin over the workers), joined to its group. */
  static async open(
    url: string,
    plans: ConnectionPlan[],
    options: { workers: number; join?: boolean },
  ): Promise<LoadPool> {
    const shares: ConnectionPlan[][] = Array.from({ length: options.workers }, () => []);
    plans.forEach((plan, i) => shares[i % options.workers].push(plan));
    const workers = shares.map(() =>
      fork(resolve('bench/load/worker.ts'), [], { execArgv: ['--import', 'tsx'], stdio: 'inherit' }),
    );
    const pool = new LoadPool(workers, shares);
    const opened = await pool.all((_, i) => ({
      type: 'connect',
      url,
      namespace: '/chat',
      connections: shares[i],
      join: options.join ?? true,
    }));
    const failed = opened.reduce((sum, reply) => sum + (reply.type === 'connected' ? reply.failed : 0), 0);
    if (failed > 0) {
      const errors = opened.flatMap((reply) => (reply.type === 'connected' ? reply.errors : []));
      await pool.close();
      throw new Error(`${failed} of ${plans.length} connections failed: ${errors.join('; ')}`);
    }
    return pool;
  }

  /**
   * Sends `rate` messages per second in total, spread over the senders, for `durationMs`; then waits for the
   * acks and deliveries still on their way and adds up what every worker saw.
   */
  async step(options: {
    rate: number;
    durationMs: number;
    isSender: (plan: ConnectionPlan) => boolean;
    drop?: { atMs: number; share: number };
    intervalMs?: number;
  }): Promise<StepOutcome> {
    const senders = this.shares.map((share) =>
      share.flatMap((plan, index) => (options.isSender(plan) ? [index] : [])),
    );
    const total = senders.reduce((sum, list) => sum + list.length, 0);
    const started = performance.now();
    await this.all((_, i) => ({
      type: 'step',
      plan: {
        rate: (options.rate * senders[i].length) / total,
        durationMs: options.durationMs,
        senders: senders[i],
        drop: options.drop,
        intervalMs: options.intervalMs,
      },
    }));
    const results = (await this.all(() => ({ type: 'collect' }))).map(
      (reply) => (reply as Extract<FromWorker, { type: 'result' }>).result,
    );
    const elapsed = (performance.now() - started) / 1000;
    return this.outcome(options.rate, options.durationMs / 1000, elapsed, results);
  }

  /** Every connection loops over the abusive events for the plan's duration (scenario G); the answers, added up. */
  async abuse(plan: AbusePlan): Promise<AbuseResult> {
    const results = (await this.all(() => ({ type: 'abuse', plan }))).map(
      (reply) => (reply as Extract<FromWorker, { type: 'abused' }>).result,
    );
    const events = Object.fromEntries(
      ABUSIVE_EVENTS.map((event) => {
        const other: Record<string, number> = {};
        for (const result of results)
          for (const [code, count] of Object.entries(result.events[event].other))
            other[code] = (other[code] ?? 0) + count;
        return [
          event,
          {
            ok: results.reduce((sum, result) => sum + result.events[event].ok, 0),
            rateLimited: results.reduce((sum, result) => sum + result.events[event].rateLimited, 0),
            other,
          },
        ];
      }),
    ) as AbuseResult['events'];
    const sum = (pick: (result: AbuseResult) => number) => results.reduce((total, r) => total + pick(r), 0);
    return {
      events,
      caughtUpMessages: sum((r) => r.caughtUpMessages),
      bytesReceived: sum((r) => r.bytesReceived),
      cpuSeconds: sum((r) => r.cpuSeconds),
      closedByServer: sum((r) => r.closedByServer),
      refusedConnects: sum((r) => r.refusedConnects),
    };
  }

  async close(): Promise<void> {
    await Promise.all(
      this.workers.map(
        (worker) =>
          new Promise<void>((done) => {
            if (worker.exitCode !== null) return done();
            worker.once('exit', () => done());
            worker.send({ type: 'close' } satisfies ToWorker);
          }),
      ),
    );
  }

  private outcome(rate: number, duration: number, elapsed: number, results: StepResult[]): StepOutcome {
    const sum = (pick: (result: StepResult) => number) => results.reduce((total, r) => total + pick(r), 0);
    const connectionsIn = new Map<string, number>();
    for (const plan of this.shares.flat())
      connectionsIn.set(plan.groupId, (connectionsIn.get(plan.groupId) ?? 0) + 1);
    const ackedPerGroup = new Map<string, number>();
    const lastSeq = new Map<string, number>();
    for (const result of results) {
      for (const [group, count] of Object.entries(result.ackedPerGroup))
        ackedPerGroup.set(group, (ackedPerGroup.get(group) ?? 0) + count);
      for (const [group, seq] of Object.entries(result.maxSeqPerGroup))
        lastSeq.set(group, Math.max(lastSeq.get(group) ?? 0, seq));
    }
    // Every acked message is due once on each other connection in its group.
    let expected = 0;
    for (const [group, count] of ackedPerGroup) expected += count * ((connectionsIn.get(group) ?? 1) - 1);
    const delivered = sum((r) => r.delivered);
    const ackErrors: Record<string, number> = {};
    for (const result of results)
      for (const [code, count] of Object.entries(result.ackErrors))
        ackErrors[code] = (ackErrors[code] ?? 0) + count;
    const outcome: StepOutcome = {
      offeredPerSecond: rate,
      durationSeconds: duration,
      sent: sum((r) => r.sent),
      acked: sum((r) => r.acked),
      ackErrors,
      // Over the time they took, the drain after the step included (less the quiet period that ends it): an
      // overloaded server that acks late is not credited with the offered rate.
      ackedPerSecond: Math.round(sum((r) => r.acked) / Math.max(duration, elapsed - 0.5)),
      deliveredPerSecond: Math.round(delivered / Math.max(duration, elapsed - 0.5)),
      expectedDeliveries: expected,
      delivered,
      lost: Math.max(0, expected - delivered),
      duplicates: sum((r) => r.duplicates),
      e2e: summarize(merge(results.map((r) => r.e2e))),
      ack: summarize(merge(results.map((r) => r.ack))),
    };
    const intervals = Math.max(0, ...results.map((r) => r.e2eByInterval?.length ?? 0));
    if (intervals > 0)
      outcome.e2eByInterval = Array.from({ length: intervals }, (_, i) =>
        summarize(merge(results.map((r) => r.e2eByInterval?.[i] ?? ''))),
      );
    if (intervals > 1)
      outcome.e2eAfterFirstInterval = summarize(
        merge(results.flatMap((r) => r.e2eByInterval?.slice(1) ?? [])),
      );
    const storms = results.flatMap((r) => (r.storm ? [r.storm] : []));
    if (storms.length > 0) {
      // A dropped connection must end up holding every seq from the first it had to its group's last.
      let missing = 0;
      for (const held of storms.flatMap((storm) => storm.held)) {
        const have = new Set(held.seqs);
        const first = Math.min(...held.seqs);
        for (let seq = first; seq <= (lastSeq.get(held.groupId) ?? 0); seq += 1)
          if (!have.has(seq)) missing += 1;
      }
      outcome.storm = {
        dropped: storms.reduce((total, storm) => total + storm.dropped, 0),
        rejoined: storms.reduce((total, storm) => total + storm.rejoined, 0),
        missingSeqs: missing,
        catchUp: summarize(merge(storms.map((storm) => storm.catchUp))),
      };
    }
    return outcome;
  }

  /** Sends each worker its message and waits for every reply. */
  private all(message: (worker: ChildProcess, index: number) => ToWorker): Promise<FromWorker[]> {
    return Promise.all(
      this.workers.map(
        (worker, i) =>
          new Promise<FromWorker>((done, fail) => {
            const onMessage = (reply: FromWorker) => {
              worker.off('message', onMessage);
              if (reply.type === 'error') fail(new Error(reply.message));
              else done(reply);
            };
            worker.on('message', onMessage);
            worker.send(message(worker, i));
          }),
      ),
    );
  }
}
