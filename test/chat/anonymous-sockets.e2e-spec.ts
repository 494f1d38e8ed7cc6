import { io, Manager } from 'socket.io-client';

import { createTestApp, type TestApp } from '../support/app.js';
import { connect, refusalOf, type ClientSocket } from '../support/sockets.js';
import { registerUser, type TestUser } from '../support/users.js';

/** A socket.io client on any namespace; resolves with what `connect_error` carried, or null once connected. */
function attempt(
  t: TestApp,
  namespace: string,
  token?: string,
): Promise<{ message: string; data?: unknown } | null> {
  const socket: ClientSocket = io(`${t.url}${namespace}`, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    auth: token ? { token } : {},
  });
  t.sockets.push(socket);
  return new Promise((resolve) => {
    socket.once('connect', () => resolve(null));
    socket.once('connect_error', (error: Error & { data?: unknown }) =>
      resolve({ message: error.message, data: error.data }),
    );
  });
}

/** Resolves when the engine.io connection under a client closes, rejects if it is still open after `ms`. */
function closedWithin(manager: Manager, ms: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`connection still open after ${ms} ms`)), ms);
    manager.once('close', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** An engine.io connection with no socket.io namespace on it (yet). */
async function openedManager(t: TestApp): Promise<Manager> {
  const manager = new Manager(t.url, { transports: ['websocket'], reconnection: false, autoConnect: false });
  t.sockets.push({ disconnect: () => manager.engine?.close() });
  await new Promise<void>((resolve, reject) => manager.open((error) => (error ? reject(error) : resolve())));
  return manager;
}

/** An engine.io polling handshake, as a bare HTTP request: the session id, or the refusal's status. */
async function pollingHandshake(t: TestApp): Promise<{ status: number; sid?: string }> {
  const response = await fetch(`${t.url}/socket.io/?EIO=4&transport=polling`);
  const body = await response.text();
  const sid = /"sid":"([^"]+)"/.exec(body)?.[1];
  return { status: response.status, sid };
}

describe('Anonymous sockets - namespaces, handshake budget, connect timeout', () => {
  let t: TestApp;
  let member: TestUser;

  afterEach(async () => {
    await t.close();
  });

  describe('Namespaces', () => {
    beforeEach(async () => {
      t = await createTestApp();
      member = await registerUser(t);
    });

    it('refuses the root namespace with NOT_FOUND, even with a valid token', async () => {
      expect(await attempt(t, '')).toMatchObject({ data: { code: 'NOT_FOUND' } });
      expect(await attempt(t, '/', member.tokens.accessToken)).toMatchObject({ data: { code: 'NOT_FOUND' } });
    });

    it('refuses any other namespace, and /chat without a token, as before', async () => {
      expect(await attempt(t, '/admin', member.tokens.accessToken)).toEqual({
        message: 'Invalid namespace',
        data: undefined,
      });
      expect(await refusalOf(t, null, { token: null })).toEqual({ code: 'UNAUTHORIZED' });
      expect(await refusalOf(t, member)).toBeNull();
    });
  });

  describe('The budget of handshakes without a valid token (CHAT_ANONYMOUS_HANDSHAKES)', () => {
    beforeEach(async () => {
      t = await createTestApp({
        env: { CHAT_ANONYMOUS_HANDSHAKES: '3', CHAT_MAX_CONNECTIONS_PER_USER: '100' },
      });
      member = await registerUser(t);
    });

    it('answers RATE_LIMITED past the budget and closes that connection, then refuses new ones at the door', async () => {
      expect(await refusalOf(t, null, { token: null })).toEqual({ code: 'UNAUTHORIZED' });
      expect(await attempt(t, '')).toMatchObject({ data: { code: 'NOT_FOUND' } });
      expect(await refusalOf(t, null, { token: 'not-a-jwt' })).toEqual({ code: 'UNAUTHORIZED' });

      const over = io(`${t.url}/chat`, { transports: ['websocket'], forceNew: true, reconnection: false });
      t.sockets.push(over);
      const closed = closedWithin(over.io, 2000);
      const refused = await new Promise<Error & { data?: { code: string } }>((resolve) =>
        over.once('connect_error', resolve),
      );
      expect(refused.data).toEqual({ code: 'RATE_LIMITED' });
      expect(refused.message).toMatch(/Too many connections without a valid token from this address/);
      await closed;

      // A valid token from the same address is still admitted, and does not spend the budget.
      for (let i = 0; i < 5; i++) expect(await refusalOf(t, member)).toBeNull();

      expect(await refusalOf(t, null, { token: null })).toEqual({ code: 'RATE_LIMITED' });
      expect(await refusalOf(t, null, { token: null })).toEqual({ code: 'RATE_LIMITED' });
      // Twice the budget: new connections are refused before any handshake, WebSocket and polling alike.
      expect(await attempt(t, '/chat')).toMatchObject({ message: 'websocket error' });
      expect(await pollingHandshake(t)).toEqual({ status: 403, sid: undefined });
    });

    it('counts another connect on the same connection', async () => {
      const socket: ClientSocket = io(`${t.url}/chat`, {
        transports: ['websocket'],
        forceNew: true,
        reconnection: false,
      });
      t.sockets.push(socket);
      const codes: unknown[] = [];
      for (let i = 0; i < 4; i++) {
        codes.push(
          await new Promise((resolve) => {
            socket.once('connect_error', (error: Error & { data?: { code: string } }) =>
              resolve(error.data?.code),
            );
            if (i > 0) socket.connect();
          }),
        );
      }
      expect(codes).toEqual(['UNAUTHORIZED', 'UNAUTHORIZED', 'UNAUTHORIZED', 'RATE_LIMITED']);
    });

    it('does not count connections that authenticate, one after another or all at once', async () => {
      for (let i = 0; i < 10; i++) await connect(t, member);
      const burst = await Promise.all(Array.from({ length: 6 }, () => refusalOf(t, member)));
      expect(burst).toEqual(Array(6).fill(null));
      for (let i = 0; i < 3; i++)
        expect(await refusalOf(t, null, { token: null })).toEqual({ code: 'UNAUTHORIZED' });
      expect(await refusalOf(t, null, { token: null })).toEqual({ code: 'RATE_LIMITED' });
    });

    it('is generous by default: the benchmark opens 100 authenticated connections at once from one address', async () => {
      const roomy = await createTestApp({ env: { CHAT_MAX_CONNECTIONS_PER_USER: '100' } });
      try {
        expect(roomy.config.chat.anonymousHandshakes).toBe(100);
        const user = await registerUser(roomy);
        const burst = await Promise.all(Array.from({ length: 100 }, () => refusalOf(roomy, user)));
        expect(burst.filter((refusal) => refusal !== null)).toEqual([]);
      } finally {
        await roomy.close();
      }
    });
  });

  describe('Connections that never authenticate (CHAT_CONNECT_TIMEOUT_MS)', () => {
    beforeEach(async () => {
      t = await createTestApp({ env: { CHAT_CONNECT_TIMEOUT_MS: '300' } });
      member = await registerUser(t);
    });

    it('closes an engine.io connection that connects no namespace', async () => {
      await closedWithin(await openedManager(t), 2000);
    });

    it('closes a polling session that connects no namespace', async () => {
      const { status, sid } = await pollingHandshake(t);
      expect(status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 600));
      const poll = (query = '') =>
        fetch(`${t.url}/socket.io/?EIO=4&transport=polling&sid=${sid}${query}`, {
          signal: AbortSignal.timeout(2000),
        });
      // The next poll carries engine.io's close packet; after it the session is gone.
      const closing = await poll();
      expect((await closing.text()).split('\x1e').at(-1)).toBe('1');
      const gone = await poll();
      expect(gone.status).toBe(400);
      expect(await gone.json()).toEqual({ code: 1, message: 'Session ID unknown' });
    });

    it('closes a connection whose connect was refused, and keeps an authenticated one', async () => {
      // socket.io-client closes a refused connection itself; a hostile client sends its connect by hand and stays.
      const manager = await openedManager(t);
      const answers: unknown[] = [];
      manager.engine.on('message', (data) => answers.push(data));
      const closed = closedWithin(manager, 2000);
      manager.engine.send('0/chat,{}');
      await closed;
      expect(answers).toEqual([expect.stringContaining('"code":"UNAUTHORIZED"')]);

      const socket = await connect(t, member);
      await new Promise((resolve) => setTimeout(resolve, 600));
      expect(socket.connected).toBe(true);
    });
  });
});
