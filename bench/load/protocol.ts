/** Messages between the benchmark's coordinator and its load-generator processes (over Node's IPC channel). */

/** One client connection a worker opens. */
export interface ConnectionPlan {
  /** Unique across the run; senders put it in every message so receivers can tell loss from duplicates. */
  key: string;
  groupId: string;
  /** Access token for Hearth; absent against the bare socket.io server. */
  token?: string;
  /** The node this connection goes to, when there are several (scale-out); else the pool's one. */
  url?: string;
}

export interface StepPlan {
  /** Messages per second this worker sends, spread evenly over its senders. */
  rate: number;
  durationMs: number;
  /** Indexes (into this worker's connections) of the ones that send; every connection receives. */
  senders: number[];
  /** Reconnect storm: at this point of the step, drop this share of connections and bring them back. */
  drop?: { atMs: number; share: number };
  /** Soak: also report end-to-end latency per interval of this length, by when each message was sent. */
  intervalMs?: number;
}

/** The events an abusive account loops over (scenario G), in the order it sends them. */
export const ABUSIVE_EVENTS = ['group:join', 'typing', 'reaction:add', 'reaction:remove', 'read'] as const;
export type AbusiveEvent = (typeof ABUSIVE_EVENTS)[number];

/**
 * One abusive account (scenario G): every connection of this worker loops, each as fast as its acks come back,
 * over `group:join { sinceSeq: 0 }`, `typing` (true, then false), `reaction:add`/`reaction:remove` and `read`
 * in its group, ignoring `retryAfterMs`.
 */
export interface AbusePlan {
  durationMs: number;
  /** A message of the abusive group to react to. */
  messageId: string;
  /** The seq to mark read. */
  seq: number;
}

export interface AbuseResult {
  /** How each event was answered: ok, refused with RATE_LIMITED, or another code (TIMEOUT: unanswered). */
  events: Record<AbusiveEvent, { ok: number; rateLimited: number; other: Record<string, number> }>;
  /** Messages received in `group:join` acks (the catch-up), and everything received, in bytes of UTF-8. */
  caughtUpMessages: number;
  bytesReceived: number;
  /** The worker's own CPU time meanwhile: what the abuser's client cost the (shared) machine. */
  cpuSeconds: number;
  /** Times the server closed one of the abuser's connections (it reconnects at once, as a determined one would). */
  closedByServer: number;
  /** Reconnections refused while the account was held off (it retries every 50 ms). */
  refusedConnects: number;
}

export type ToWorker =
  | { type: 'connect'; url: string; namespace: string; connections: ConnectionPlan[]; join: boolean }
  | { type: 'step'; plan: StepPlan }
  | { type: 'abuse'; plan: AbusePlan }
  | { type: 'collect' }
  | { type: 'close' };

export interface StepResult {
  sent: number;
  acked: number;
  ackErrors: Record<string, number>;
  /** Deliveries of other senders' messages, counted once per receiving connection. */
  delivered: number;
  duplicates: number;
  /** Acked messages per group in this step: to work out how many deliveries were due. */
  ackedPerGroup: Record<string, number>;
  /** The highest seq acked per group in this step (the last message each group got). */
  maxSeqPerGroup: Record<string, number>;
  /** End-to-end and ack latency histograms, encoded. */
  e2e: string;
  ack: string;
  /** Soak only: end-to-end latency histograms per interval of the step, encoded. */
  e2eByInterval?: string[];
  /** Reconnect storm only: time to catch up, and the seqs each dropped connection holds at the end. */
  storm?: { dropped: number; rejoined: number; catchUp: string; held: { groupId: string; seqs: number[] }[] };
}

export type FromWorker =
  | { type: 'connected'; opened: number; failed: number; errors: string[] }
  | { type: 'stepped' }
  | { type: 'result'; result: StepResult }
  | { type: 'abused'; result: AbuseResult }
  | { type: 'error'; message: string };
