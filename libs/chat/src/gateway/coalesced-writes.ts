import type { Socket as TcpSocket } from 'node:net';

/** What this needs of an engine.io connection: its current transport. */
interface EngineConnection {
  transport?: { name?: string; socket?: { _socket?: TcpSocket } };
}

/** engine.io's server tells of every flush: a connection handing what it has buffered to its transport. */
interface EngineServer {
  on(event: 'flush', listener: (connection: EngineConnection) => void): unknown;
}

/**
 * Frames written to one WebSocket connection in the same turn of the event loop leave it in one system call.
 *
 * Without this every frame is its own write: `ws` corks the TCP socket around a frame's header and payload and
 * uncorks it at once, and engine.io writes the frames it buffered meanwhile one after another. When a batch of
 * messages is stored together, its acks and broadcasts reach each connection as several frames in the same
 * turn, and the process made one `writev` per frame (docs/PERFORMANCE.md, issue 19). Here a connection's
 * first flush in a turn corks its TCP socket, and the socket is uncorked once the turn's synchronous work and
 * promise callbacks are done (`process.nextTick`), so that the turn's frames are written together, in the
 * order they were made. (engine.io sends a connection's first frame at once and buffers the rest until that
 * write is done; those are flushed together in a later turn, and coalesced there.) Nothing waits longer than
 * the turn that wrote it. Only WebSocket connections are held: a long-polling response is one body already.
 */
export class CoalescedWrites {
  private readonly corked = new Set<TcpSocket>();
  private scheduled = false;

  /** Holds the writes of every connection of `engine`. */
  attach(engine: EngineServer): void {
    engine.on('flush', (connection) => this.hold(connection));
  }

  /** Corks the connection's TCP socket until the end of this turn, if it is a WebSocket and not yet held. */
  hold(connection: EngineConnection): void {
    const transport = connection.transport;
    if (transport?.name !== 'websocket') return;
    const tcp = transport.socket?._socket;
    if (!tcp || tcp.destroyed || this.corked.has(tcp)) return;
    tcp.cork();
    this.corked.add(tcp);
    if (!this.scheduled) {
      this.scheduled = true;
      process.nextTick(this.release);
    }
  }

  /** Connections held now (for tests). */
  get holding(): number {
    return this.corked.size;
  }

  private readonly release = (): void => {
    this.scheduled = false;
    // A socket uncorked here may write, call back and be held again before this loop ends: take the set first.
    const held = [...this.corked];
    this.corked.clear();
    for (const tcp of held) tcp.uncork();
  };
}
