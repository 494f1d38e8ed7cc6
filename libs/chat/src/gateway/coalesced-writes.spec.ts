import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo, Socket as TcpSocket } from 'node:net';

import { Server, type Socket } from 'socket.io';
import { io as connect, type Socket as ClientSocket } from 'socket.io-client';

import { CoalescedWrites } from './coalesced-writes.js';

/** A real socket.io server and clients over TCP; counts the system-call-level writes of each server socket. */
describe('CoalescedWrites', () => {
  let http: HttpServer;
  let server: Server;
  let url: string;
  let writes: CoalescedWrites;
  const clients: ClientSocket[] = [];

  /** Starts the server, with the writes coalesced unless told otherwise. */
  async function serve(coalescing = true) {
    http = createServer();
    server = new Server(http, { perMessageDeflate: false });
    writes = new CoalescedWrites();
    if (coalescing) writes.attach(server.engine);
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  }

  afterEach(async () => {
    for (const client of clients.splice(0)) client.disconnect();
    await server.close();
  });

  /** Connects a client and answers the server's side of it, with a counter of the writes its TCP socket makes. */
  async function open(transports: ('websocket' | 'polling')[] = ['websocket']) {
    const arrived = new Promise<Socket>((resolve) => server.once('connection', resolve));
    const client = connect(url, { transports, forceNew: true });
    clients.push(client);
    const socket = await arrived;
    await new Promise<void>((resolve) => (client.connected ? resolve() : client.once('connect', resolve)));
    const counted = { writes: 0 };
    if (transports[0] === 'websocket') {
      const tcp = (socket.conn.transport as unknown as { socket: { _socket: TcpSocket } }).socket._socket;
      const tcpInternals = tcp as unknown as Record<'_write' | '_writev', (...args: unknown[]) => void>;
      for (const method of ['_write', '_writev'] as const) {
        const original = tcpInternals[method].bind(tcp);
        tcpInternals[method] = (...args: unknown[]) => {
          counted.writes += 1;
          original(...args);
        };
      }
    }
    return { client, socket, counted };
  }

  function collect(client: ClientSocket, count: number): Promise<number[]> {
    const got: number[] = [];
    return new Promise((resolve) =>
      client.on('n', (n: number) => {
        got.push(n);
        if (got.length === count) resolve(got);
      }),
    );
  }

  const upTo = (count: number) => Array.from({ length: count }, (_, i) => i);

  it('writes the frames one connection gets in a turn together, in order', async () => {
    await serve();
    const { client, socket, counted } = await open();
    const received = collect(client, 40);
    for (const n of upTo(40)) socket.emit('n', n);
    // Held for the rest of this turn, and only this connection.
    expect(writes.holding).toBe(1);
    expect(counted.writes).toBe(0);
    expect(await received).toEqual(upTo(40));
    expect(writes.holding).toBe(0);
    // The turn's first frame, then everything engine.io buffered behind it.
    expect(counted.writes).toBeLessThanOrEqual(2);
  });

  it('makes one write per frame without it (what the test above would see)', async () => {
    await serve(false);
    const { client, socket, counted } = await open();
    const received = collect(client, 40);
    for (const n of upTo(40)) socket.emit('n', n);
    expect(await received).toEqual(upTo(40));
    expect(counted.writes).toBeGreaterThanOrEqual(20);
  });

  it('coalesces a turn of broadcasts to a room for each connection in it', async () => {
    await serve();
    const members = [await open(), await open(), await open()];
    for (const { socket } of members) await socket.join('room');
    const received = members.map(({ client }) => collect(client, 25));
    for (const n of upTo(25)) server.to('room').emit('n', n);
    for (const got of await Promise.all(received)) expect(got).toEqual(upTo(25));
    for (const { counted } of members) expect(counted.writes).toBeLessThanOrEqual(2);
  });

  it('holds nothing beyond its turn: a frame sent alone arrives before the next is sent', async () => {
    await serve();
    const { client, socket } = await open();
    for (const n of upTo(5)) {
      const next = new Promise<number>((resolve) => client.once('n', resolve));
      socket.emit('n', n);
      expect(await next).toBe(n);
    }
  });

  it('leaves long-polling connections as they are', async () => {
    await serve();
    const { client, socket } = await open(['polling']);
    const received = collect(client, 10);
    for (const n of upTo(10)) socket.emit('n', n);
    expect(await received).toEqual(upTo(10));
  });

  it('lets a connection closed while held go without losing the others', async () => {
    await serve();
    const leaving = await open();
    const staying = await open();
    const received = collect(staying.client, 10);
    for (const n of upTo(10)) {
      leaving.socket.emit('n', n);
      staying.socket.emit('n', n);
    }
    leaving.socket.disconnect(true);
    expect(await received).toEqual(upTo(10));
  });
});
