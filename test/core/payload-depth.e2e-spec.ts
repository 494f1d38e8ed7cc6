import { randomUUID } from 'node:crypto';

import { createTestApp, type TestApp } from '../support/app.js';
import { addActiveMember, createGroup, type GroupCard } from '../support/groups.js';
import { connect, type ClientSocket } from '../support/sockets.js';
import { createAccount, registerUser, type TestUser } from '../support/users.js';

/** JSON text nested `depth` objects deep, written by hand: JSON.stringify itself recurses. */
function nestedJson(depth: number): string {
  return `${'{"a":'.repeat(depth)}"x"${'}'.repeat(depth)}`;
}

const TOO_DEEP = {
  statusCode: 400,
  error: 'Bad Request',
  message: 'Validation failed',
  details: [{ field: '', message: 'The request is nested more than 32 levels deep' }],
};

describe('Payload depth: deeply nested JSON is refused, never a crash', () => {
  let t: TestApp;
  let member: TestUser;
  let group: GroupCard;

  beforeAll(async () => {
    t = await createTestApp({ captureLogs: true });
    const admin = await registerUser(t);
    const facilitator = await createAccount(t, admin, 'facilitator');
    member = await registerUser(t);
    group = await createGroup(t, facilitator);
    await addActiveMember(t, facilitator, group.id, member, 'Wren');
  });

  afterAll(async () => {
    await t.close();
  });

  /** Log lines at error level or above, or carrying a stack trace. */
  function errorLines(): string[] {
    return t.logs.filter((line) => {
      const { level, ...rest } = JSON.parse(line) as { level: number };
      return level >= 50 || JSON.stringify(rest).includes('"stack"');
    });
  }

  function post(path: string, body: string, auth?: string) {
    const request = t.request().post(path).set('Content-Type', 'application/json');
    return (auth ? request.set('Authorization', auth) : request).send(body);
  }

  it('answers 400 to a body nested 10,000 deep on an unauthenticated route, and logs no error', async () => {
    const response = await post('/api/auth/login', `{"email":${nestedJson(10_000)},"password":"x"}`);
    expect(response.status).toBe(400);
    expect(response.body).toEqual(TOO_DEEP);
    const whole = await post('/api/auth/login', nestedJson(10_000));
    expect(whole.status).toBe(400);
    expect(errorLines()).toEqual([]);
  });

  it('answers 400 on an authenticated route too', async () => {
    const response = await t
      .request()
      .patch('/api/me')
      .set('Authorization', member.auth)
      .set('Content-Type', 'application/json')
      .send(`{"displayName":${nestedJson(10_000)}}`);
    expect(response.status).toBe(400);
    expect(response.body).toEqual(TOO_DEEP);
    expect(errorLines()).toEqual([]);
  });

  it('accepts nesting up to the limit: the refusal is about depth, not shape', async () => {
    const response = await post('/api/auth/login', `{"email":${nestedJson(31)},"password":"x"}`);
    expect(response.status).toBe(400);
    expect(response.body.details).not.toEqual(TOO_DEEP.details);
  });

  describe('on the socket', () => {
    let socket: ClientSocket;

    beforeAll(async () => {
      socket = await connect(t, member);
      const joined = await socket.emitWithAck('group:join', { groupId: group.id });
      expect(joined.ok).toBe(true);
    });

    /**
     * The client library cannot encode such a payload (its encoder recurses), so the packet is written raw:
     * socket.io's EVENT packet `2/chat,<ack id>[event, payload]`, answered by an ACK packet `3/chat,<ack id>[…]`.
     */
    function emitRaw(event: string, payloadJson: string): Promise<unknown> {
      const id = 900_000 + Math.floor(Math.random() * 1000);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no ack')), 5000);
        const onPacket = (packet: { type: string; data?: unknown }) => {
          const prefix = `3/chat,${id}`;
          if (typeof packet.data !== 'string' || !packet.data.startsWith(prefix)) return;
          clearTimeout(timer);
          socket.io.engine.off('packet', onPacket);
          resolve((JSON.parse(packet.data.slice(prefix.length)) as unknown[])[0]);
        };
        socket.io.engine.on('packet', onPacket);
        socket.io.engine.write(
          `2/chat,${id}${JSON.stringify([event, '#payload#']).replace('"#payload#"', payloadJson)}`,
        );
      });
    }

    it('acks message:send nested thousands deep with VALIDATION, and keeps answering', async () => {
      // 5,000 levels stay under the 64 KiB frame limit.
      const ack = await emitRaw(
        'message:send',
        `{"groupId":"${group.id}","clientId":"${randomUUID()}","body":${nestedJson(5000)}}`,
      );
      expect(ack).toEqual({
        ok: false,
        error: { code: 'VALIDATION', message: 'Validation failed', details: TOO_DEEP.details },
      });
      expect(socket.connected).toBe(true);
      const next = await socket.emitWithAck('message:send', {
        groupId: group.id,
        clientId: randomUUID(),
        body: 'still here',
      });
      expect(next.ok).toBe(true);
      expect(errorLines()).toEqual([]);
    });
  });
});
