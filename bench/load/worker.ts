import { io, type Socket } from 'socket.io-client';

import type { ClientToServerEvents, MessageDto, ServerToClientEvents } from '@hearth/contracts';

import { encode, latencyHistogram, nowMicros } from '../support/histogram.js';
import { loadMessage, readLoadMessage } from './message.js';
import {
  ABUSIVE_EVENTS,
  type AbusePlan,
  type AbuseResult,
  type AbusiveEvent,
  type ConnectionPlan,
  type FromWorker,
  type StepPlan,
  type StepResult,
  type ToWorker,
} from './protocol.js';

/**
 * A load-generator process: opens its share of the connections, sends at the rate it is given, and measures
 * what arrives. It speaks the typed chat contract, so the bare socket.io baseline answers the same events.
 */

type ChatClient = Socket<ServerToClientEvents, ClientToServerEvents>;

interface Connection {
  plan: ConnectionPlan;
  socket: ChatClient;
  /**
   * Messages from others seen on this connection in the current step, by sender, and how. Seen live twice is a
   * duplicate; seen live and in a catch-up is the documented overlap that clients drop by id.
   */
  seen: { live: Seen; catchUp: Seen };
  /** Seqs seen on this connection (reconnect storm only). */
  seqs: Set<number>;
  /** The next message number this connection sends in the current step (0, 1, 2, …). */
  next: number;
  dropped: boolean;
}

/**
 * Which numbers of each sender's step a connection has seen, in constant memory while they arrive in order (as
 * they do): everything below `floor` has been seen, and `above` holds the few seen past a gap. A map of every id
 * seen would hold millions of strings over a ten-minute soak, and the load generator's own garbage collection
 * would then show up in the latencies it measures.
 */
class Seen {
  private readonly senders = new Map<string, { floor: number; above: Set<number> }>();

  has(sender: string, n: number): boolean {
    const window = this.senders.get(sender);
    return !!window && (n < window.floor || window.above.has(n));
  }

  add(sender: string, n: number): void {
    let window = this.senders.get(sender);
    if (!window) this.senders.set(sender, (window = { floor: 0, above: new Set() }));
    window.above.add(n);
    while (window.above.delete(window.floor)) window.floor += 1;
  }

  clear(): void {
    this.senders.clear();
  }
}

let url = '';
const connections: Connection[] = [];
let step = freshStep();
/** Steps so far: a message names its step, so a straggler from the last one is never counted in this one. */
let stepNumber = 0;
/** When the current step started (µs, comparable between processes) and how long its intervals are (0: none). */
let stepStartedMicros = 0;
let intervalMicros = 0;
/** Seqs are kept per connection only in a step that drops connections (they are where a rejoin catches up from). */
let storming = false;
let storm: { dropped: Connection[]; rejoined: number; catchUp: ReturnType<typeof latencyHistogram> } | null =
  null;
let outstanding = 0;
let lastArrival = 0;

function freshStep() {
  return {
    sent: 0,
    acked: 0,
    ackErrors: {} as Record<string, number>,
    delivered: 0,
    duplicates: 0,
    ackedPerGroup: {} as Record<string, number>,
    maxSeqPerGroup: {} as Record<string, number>,
    e2e: latencyHistogram(),
    ack: latencyHistogram(),
    /** End-to-end latency by the interval of the step the message was sent in (soak only). */
    e2eByInterval: [] as ReturnType<typeof latencyHistogram>[],
  };
}

const send = (message: FromWorker) => process.send?.(message);

process.on('message', (message: ToWorker) => {
  handle(message).catch((error: Error) => send({ type: 'error', message: error.message }));
});

async function handle(message: ToWorker): Promise<void> {
  switch (message.type) {
    case 'connect':
      url = message.url;
      await open(message.namespace, message.connections, message.join);
      return;
    case 'step':
      await run(message.plan);
      send({ type: 'stepped' });
      return;
    case 'collect':
      send({ type: 'result', result: await collect() });
      return;
    case 'abuse':
      send({ type: 'abused', result: await abuse(message.plan) });
      return;
    case 'close':
      for (const connection of connections) connection.socket.disconnect();
      process.exit(0);
  }
}

async function open(namespace: string, plans: ConnectionPlan[], join: boolean): Promise<void> {
  const errors: string[] = [];
  let failed = 0;
  // A few at a time: a thundering herd of handshakes measures the herd, not the server.
  const batch = 50;
  for (let i = 0; i < plans.length; i += batch) {
    const opened = await Promise.all(
      plans.slice(i, i + batch).map(async (plan) => {
        try {
          return await connectOne((plan.url ?? url) + namespace, plan, join);
        } catch (error) {
          failed += 1;
          if (errors.length < 5) errors.push((error as Error).message);
          return null;
        }
      }),
    );
    connections.push(...opened.filter((connection): connection is Connection => connection !== null));
  }
  send({ type: 'connected', opened: connections.length, failed, errors });
}

function connectOne(target: string, plan: ConnectionPlan, join: boolean): Promise<Connection> {
  const socket: ChatClient = io(target, {
    transports: ['websocket'],
    auth: plan.token ? { token: plan.token } : {},
    reconnection: false,
    forceNew: true,
  });
  const connection: Connection = {
    plan,
    socket,
    seen: { live: new Seen(), catchUp: new Seen() },
    seqs: new Set(),
    next: 0,
    dropped: false,
  };
  socket.on('message:new', (message) => receive(connection, message));
  return new Promise((resolve, reject) => {
    socket.once('connect_error', (error) => reject(error));
    socket.once('connect', () => {
      if (!join) return resolve(connection);
      socket
        .timeout(30_000)
        .emitWithAck('group:join', { groupId: plan.groupId })
        .then((ack) => (ack.ok ? resolve(connection) : reject(new Error(ack.error.code))), reject);
    });
  });
}

/** Counts a message from someone else once per connection; `live` ones also give an end-to-end latency. */
function receive(connection: Connection, message: MessageDto, live = true): void {
  const at = nowMicros();
  lastArrival = Date.now();
  if (storming && message.seq !== null) connection.seqs.add(message.seq);
  const sent = readLoadMessage(message.body ?? '');
  if (!sent || sent.key === connection.plan.key || sent.step !== stepNumber) return;
  const { key, n, sentAtMicros: sentAt } = sent;
  const { seen } = connection;
  if (seen.live.has(key, n)) {
    if (live) step.duplicates += 1;
    return;
  }
  if (seen.catchUp.has(key, n)) return;
  (live ? seen.live : seen.catchUp).add(key, n);
  step.delivered += 1;
  if (!live) return;
  step.e2e.recordValue(Math.max(1, at - sentAt));
  if (intervalMicros > 0) {
    const interval = Math.max(0, Math.floor((sentAt - stepStartedMicros) / intervalMicros));
    (step.e2eByInterval[interval] ??= latencyHistogram()).recordValue(Math.max(1, at - sentAt));
  }
}

/** The ack "error" of a send cut by a drop the benchmark made on purpose: reported, never a failure. */
const CUT_BY_PLANNED_DROP = 'CUT_BY_PLANNED_DROP';

function sendOne(connection: Connection): void {
  if (connection.dropped || !connection.socket.connected) return;
  const n = connection.next++;
  const sentAt = nowMicros();
  step.sent += 1;
  outstanding += 1;
  const body = loadMessage(connection.plan.key, stepNumber, n, sentAt);
  connection.socket
    .timeout(30_000)
    .emitWithAck('message:send', { groupId: connection.plan.groupId, clientId: crypto.randomUUID(), body })
    .then(
      (ack) => {
        if (ack.ok) {
          step.acked += 1;
          step.ack.recordValue(Math.max(1, nowMicros() - sentAt));
          const group = connection.plan.groupId;
          step.ackedPerGroup[group] = (step.ackedPerGroup[group] ?? 0) + 1;
          if (ack.message.seq !== null) {
            if (storming) connection.seqs.add(ack.message.seq);
            step.maxSeqPerGroup[group] = Math.max(step.maxSeqPerGroup[group] ?? 0, ack.message.seq);
          }
        } else {
          step.ackErrors[ack.error.code] = (step.ackErrors[ack.error.code] ?? 0) + 1;
        }
      },
      () => {
        // The storm's planned drop (scenario E) cuts the acks of sends still on their way: the client is told of
        // it at once, as a real one would be, and the message's fate is what the loss and duplicate counts check.
        const code = connection.dropped ? CUT_BY_PLANNED_DROP : 'TIMEOUT';
        step.ackErrors[code] = (step.ackErrors[code] ?? 0) + 1;
      },
    )
    .finally(() => (outstanding -= 1));
}

/** Sends at an even rate for the step's duration: every 5 ms, whatever is due, round-robin over the senders. */
async function run(plan: StepPlan): Promise<void> {
  step = freshStep();
  stepNumber += 1;
  stepStartedMicros = nowMicros();
  intervalMicros = (plan.intervalMs ?? 0) * 1000;
  storming = !!plan.drop;
  for (const connection of connections) {
    connection.seen.live.clear();
    connection.seen.catchUp.clear();
    connection.next = 0;
  }
  const senders = plan.senders.map((index) => connections[index]).filter(Boolean);
  const started = performance.now();
  let due = 0;
  let turn = 0;
  let dropDone = !plan.drop;
  await new Promise<void>((done) => {
    const timer = setInterval(() => {
      const elapsed = performance.now() - started;
      if (!dropDone && plan.drop && elapsed >= plan.drop.atMs) {
        dropDone = true;
        dropAndRejoin(plan.drop.share);
      }
      if (elapsed >= plan.durationMs) {
        clearInterval(timer);
        return done();
      }
      const target = Math.floor((elapsed / 1000) * plan.rate);
      for (; due < target && senders.length > 0; due += 1) sendOne(senders[turn++ % senders.length]);
    }, 5);
  });
}

/** Drops a share of the connections at once, then brings each back and catches up with sinceSeq. */
function dropAndRejoin(share: number): void {
  const chosen = connections.filter((_, i) => i % Math.round(1 / share) === 0);
  storm = { dropped: chosen, rejoined: 0, catchUp: latencyHistogram() };
  for (const connection of chosen) {
    connection.dropped = true;
    connection.socket.disconnect();
  }
  setTimeout(() => {
    for (const connection of chosen) void rejoin(connection);
  }, 200);
}

async function rejoin(connection: Connection): Promise<void> {
  const started = nowMicros();
  const sinceSeq = Math.max(0, ...connection.seqs);
  connection.socket.connect();
  await new Promise<void>((resolve) => connection.socket.once('connect', () => resolve()));
  const ack = await connection.socket
    .timeout(30_000)
    .emitWithAck('group:join', { groupId: connection.plan.groupId, sinceSeq });
  if (!ack.ok) return;
  for (const message of ack.missed) receive(connection, message, false);
  let after = ack.missed.at(-1)?.seq ?? sinceSeq;
  let more = ack.hasMore;
  while (more) {
    const response = await fetch(
      `${connection.plan.url ?? url}/api/groups/${connection.plan.groupId}/messages?after=${after}&limit=100`,
      {
        headers: { authorization: `Bearer ${connection.plan.token}` },
      },
    );
    const page = (await response.json()) as MessageDto[];
    for (const message of page) receive(connection, message, false);
    after = page.at(-1)?.seq ?? after;
    more = page.length === 100;
  }
  connection.dropped = false;
  storm!.rejoined += 1;
  storm!.catchUp.recordValue(Math.max(1, nowMicros() - started));
}

/** Waits for acks still on their way and for deliveries to stop, then reports the step. */
async function collect(): Promise<StepResult> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline && (outstanding > 0 || Date.now() - lastArrival < 500)) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const result: StepResult = {
    sent: step.sent,
    acked: step.acked,
    ackErrors: step.ackErrors,
    delivered: step.delivered,
    duplicates: step.duplicates,
    ackedPerGroup: step.ackedPerGroup,
    maxSeqPerGroup: step.maxSeqPerGroup,
    e2e: encode(step.e2e),
    ack: encode(step.ack),
  };
  if (intervalMicros > 0)
    result.e2eByInterval = Array.from(step.e2eByInterval, (histogram) =>
      encode(histogram ?? latencyHistogram()),
    );
  if (storm) {
    result.storm = {
      dropped: storm.dropped.length,
      rejoined: storm.rejoined,
      catchUp: encode(storm.catchUp),
      held: storm.dropped.map((connection) => ({
        groupId: connection.plan.groupId,
        seqs: [...connection.seqs],
      })),
    };
    storm = null;
  }
  return result;
}

/**
 * One abusive account (scenario G): each connection loops over the abusive events as fast as their acks come
 * back, for the plan's duration, and ignores `retryAfterMs` (and reopens a connection the server closes). Counts
 * how each event was answered and what came back.
 */
async function abuse(plan: AbusePlan): Promise<AbuseResult> {
  const events = Object.fromEntries(
    ABUSIVE_EVENTS.map((event) => [event, { ok: 0, rateLimited: 0, other: {} as Record<string, number> }]),
  ) as AbuseResult['events'];
  let caughtUpMessages = 0;
  let bytesReceived = 0;
  const count = (data: unknown) => {
    if (typeof data === 'string') bytesReceived += Buffer.byteLength(data);
    else if (data instanceof ArrayBuffer || ArrayBuffer.isView(data)) bytesReceived += data.byteLength;
  };
  const engines = connections.map((connection) => connection.socket.io.engine);
  for (const engine of engines) engine.on('data', count);
  const tally = (event: AbusiveEvent, ack: { ok: boolean; error?: { code: string } } | null) => {
    const answers = events[event];
    if (ack?.ok) answers.ok += 1;
    else if (ack?.error?.code === 'RATE_LIMITED') answers.rateLimited += 1;
    else {
      const code = ack?.error?.code ?? 'TIMEOUT';
      answers.other[code] = (answers.other[code] ?? 0) + 1;
    }
  };
  const cpuBefore = process.cpuUsage();
  const until = performance.now() + plan.durationMs;
  // Closed for ignoring refusals: a determined abuser opens the connection again straight away.
  let closedByServer = 0;
  let refusedConnects = 0;
  const reopeners = connections.map(({ socket }) => {
    const reopen = (reason: string) => {
      if (reason !== 'io server disconnect') return;
      closedByServer += 1;
      if (performance.now() < until) socket.connect();
    };
    // Refused while the account is held off: it keeps trying, every 50 ms.
    const retry = () => {
      refusedConnects += 1;
      if (performance.now() < until) setTimeout(() => socket.connect(), 50);
    };
    socket.on('disconnect', reopen);
    socket.on('connect_error', retry);
    return () => {
      socket.off('disconnect', reopen);
      socket.off('connect_error', retry);
    };
  });
  await Promise.all(
    connections.map(async ({ plan: { groupId }, socket }) => {
      const timed = () => socket.timeout(10_000);
      const emit = async (
        event: AbusiveEvent,
        ask: () => Promise<{ ok: boolean; error?: { code: string } }>,
      ) => {
        if (performance.now() >= until) return false;
        tally(event, await ask().catch(() => null));
        return true;
      };
      for (let round = 0; ; round += 1) {
        const on = round % 2 === 0;
        const going =
          (await emit('group:join', async () => {
            const ack = await timed().emitWithAck('group:join', { groupId, sinceSeq: 0 });
            if (ack.ok) caughtUpMessages += ack.missed.length;
            return ack;
          })) &&
          (await emit('typing', () => timed().emitWithAck('typing', { groupId, isTyping: on }))) &&
          (await emit(on ? 'reaction:add' : 'reaction:remove', () =>
            timed().emitWithAck(on ? 'reaction:add' : 'reaction:remove', {
              messageId: plan.messageId,
              emoji: '🌱',
            }),
          )) &&
          (await emit('read', () => timed().emitWithAck('read', { groupId, seq: plan.seq })));
        if (!going) break;
      }
    }),
  );
  const cpu = process.cpuUsage(cpuBefore);
  for (const engine of engines) engine.off('data', count);
  for (const off of reopeners) off();
  return {
    events,
    caughtUpMessages,
    bytesReceived,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    closedByServer,
    refusedConnects,
  };
}
