import { createTestApp, type TestApp } from '../support/app.js';
import { addActiveMember, createGroup, type GroupCard } from '../support/groups.js';
import { collect, connect, disconnected, refusalOf, until } from '../support/sockets.js';
import { createAccount, registerUser, renew, signIn, type TestUser } from '../support/users.js';

describe('Chat connection - /chat namespace', () => {
  let t: TestApp;
  let admin: TestUser;
  let member: TestUser;

  beforeEach(async () => {
    t = await createTestApp({
      env: {
        CHAT_MAX_CONNECTIONS_PER_USER: '3',
        CHAT_SESSION_SWEEP_MS: '100',
        CORS_ORIGINS: 'https://app.example.org',
      },
    });
    admin = await registerUser(t, { displayName: 'Admin' });
    member = await registerUser(t);
  });

  afterEach(async () => {
    await t.close();
  });

  describe('The handshake', () => {
    it('accepts a valid access token', async () => {
      const socket = await connect(t, member);
      expect(socket.connected).toBe(true);
    });

    it('refuses no token, garbage, a forged token and a token of a revoked session', async () => {
      expect(await refusalOf(t, null, { token: null })).toEqual({ code: 'UNAUTHORIZED' });
      expect(await refusalOf(t, null, { token: 'not-a-jwt' })).toEqual({ code: 'UNAUTHORIZED' });
      expect(await refusalOf(t, null, { token: `${member.tokens.accessToken.slice(0, -4)}AAAA` })).toEqual({
        code: 'UNAUTHORIZED',
      });
      await t.request().post('/api/auth/logout').set('Authorization', member.auth).expect(204);
      expect(await refusalOf(t, member)).toEqual({ code: 'UNAUTHORIZED' });
    });

    it('refuses an expired token', async () => {
      t.clock.advance((t.config.auth.accessTokenTtlSeconds + 1) * 1000);
      expect(await refusalOf(t, member)).toEqual({ code: 'UNAUTHORIZED' });
    });

    it('refuses a browser origin outside the allowlist', async () => {
      expect(await refusalOf(t, member, { origin: 'https://evil.example.com' })).toEqual({
        code: 'FORBIDDEN_ORIGIN',
      });
      expect(await refusalOf(t, member, { origin: 'https://app.example.org' })).toBeNull();
    });

    it('admits the web client served by this API from its own origin', async () => {
      expect(await refusalOf(t, member, { origin: t.url })).toBeNull();
      expect(await refusalOf(t, member, { origin: t.url.replace('127.0.0.1', 'localhost') })).toEqual({
        code: 'FORBIDDEN_ORIGIN',
      });
      expect(await refusalOf(t, member, { origin: 'not a url' })).toEqual({ code: 'FORBIDDEN_ORIGIN' });
    });

    it('allows at most CHAT_MAX_CONNECTIONS_PER_USER connections per person', async () => {
      for (let i = 0; i < 3; i++) await connect(t, member);
      expect(await refusalOf(t, member)).toEqual({ code: 'TOO_MANY_CONNECTIONS' });
      expect(await refusalOf(t, admin)).toBeNull();
    });
  });

  describe('Sessions ending', () => {
    it('closes the sockets of a session at logout, and only those', async () => {
      const phone = await connect(t, member);
      const otherLogin = await signIn(t, member.email, member.password).expect(200);
      const laptop = await connect(t, null, { token: otherLogin.body.tokens.accessToken });
      const notices = collect(phone, 'notice');
      const closed = disconnected(phone);
      await t.request().post('/api/auth/logout').set('Authorization', member.auth).expect(204);
      await closed;
      expect(notices).toEqual([{ kind: 'session.ended', message: 'You were signed out.' }]);
      expect(laptop.connected).toBe(true);
    });

    it('closes every socket of an account when it is disabled', async () => {
      const a = await connect(t, member);
      const b = await connect(t, member);
      const closed = Promise.all([disconnected(a), disconnected(b)]);
      await t
        .request()
        .patch(`/api/admin/users/${member.id}`)
        .set('Authorization', admin.auth)
        .send({ disabled: true })
        .expect(200);
      await closed;
    });

    it('closes the sockets of a session revoked by refresh-token reuse', async () => {
      const socket = await connect(t, member);
      const closed = disconnected(socket);
      const stolen = member.tokens.refreshToken;
      const rotated = await t.request().post('/api/auth/refresh').send({ refreshToken: stolen }).expect(200);
      await t
        .request()
        .post('/api/auth/refresh')
        .send({ refreshToken: rotated.body.refreshToken })
        .expect(200);
      await t.request().post('/api/auth/refresh').send({ refreshToken: stolen }).expect(401);
      await closed;
    });

    it('disconnects a socket once its access token expires, unless it was refreshed in time', async () => {
      const lapsing = await connect(t, member);
      const kept = await connect(t, member);
      const notices = collect(lapsing, 'notice');

      t.clock.advance((t.config.auth.accessTokenTtlSeconds - 60) * 1000);
      await renew(t, member);
      const refreshed = await kept.emitWithAck('auth:refresh', { token: member.tokens.accessToken });
      expect(refreshed).toEqual({
        ok: true,
        expiresAt: member.tokens.accessTokenExpiresAt.replace(/\.\d+Z$/, '.000Z'),
      });

      t.clock.advance(120_000);
      await disconnected(lapsing);
      expect(notices.map((n) => n.kind)).toEqual(['auth.expired']);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(kept.connected).toBe(true);
    });

    it("refuses to refresh a socket with someone else's token", async () => {
      const socket = await connect(t, member);
      const ack = await socket.emitWithAck('auth:refresh', { token: admin.tokens.accessToken });
      expect(ack).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    });
  });

  describe('Presence', () => {
    let facilitator: TestUser;
    let group: GroupCard;

    beforeEach(async () => {
      facilitator = await createAccount(t, admin, 'facilitator');
      group = await createGroup(t, facilitator);
      await addActiveMember(t, facilitator, group.id, member, 'Wren');
    });

    it('tells the room who is online as members join and leave', async () => {
      const fac = await connect(t, facilitator);
      const joined = await fac.emitWithAck('group:join', { groupId: group.id });
      expect(joined.ok).toBe(true);
      const presence = collect(fac, 'presence');

      const phone = await connect(t, member);
      const ack = await phone.emitWithAck('group:join', { groupId: group.id });
      expect(ack.ok && ack.online.length).toBe(2);
      await until(() => presence.some((p) => p.online.length === 2), 'member online');

      phone.disconnect();
      await until(() => presence.at(-1)?.online.length === 1, 'member offline');
    });
  });
});
