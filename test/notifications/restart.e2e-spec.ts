import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { addActiveMember, createGroup } from '../support/groups.js';
import { builtServerAvailable, startNode, type ApiNode } from '../support/node-process.js';
import { startPushService, type TestPushService } from '../support/push-service.js';
import { connect } from '../support/sockets.js';
import { createAccount, registerUser, type TestUser } from '../support/users.js';

const built = builtServerAvailable();
const describeBuilt = built ? describe : describe.skip;

/**
 * The built server in its own process, killed with SIGKILL while it is sending a crisis alert: started again
 * on the same data, it sends the alert, once.
 */
describeBuilt('A crisis alert survives the process being killed mid-send', () => {
  let push: TestPushService;
  let dataDir: string;
  let node: ApiNode | null = null;

  beforeAll(async () => {
    push = await startPushService();
    dataDir = mkdtempSync(join(tmpdir(), 'hearth-restart-'));
  });

  afterAll(async () => {
    await node?.close();
    await push.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const start = () =>
    startNode({
      DATA_DIR: dataDir,
      NODE_EXTRA_CA_CERTS: push.certFile,
      PUSH_SERVICE_HOSTS: push.host,
      THROTTLE_LIMIT: '100000',
      AUTH_THROTTLE_LIMIT: '100000',
      STAFF_2FA: 'optional',
    });

  it('resends what was in flight after a restart, and exactly once', async () => {
    node = await start();
    const admin = await registerUser(node);
    const facilitator: TestUser = await createAccount(node, admin, 'facilitator');
    const wren = await registerUser(node);
    const group = await createGroup(node, facilitator);
    await addActiveMember(node, facilitator, group.id, wren, 'Wren');
    const phone = push.device();
    await node
      .request()
      .post('/api/me/push-subscriptions')
      .set('Authorization', facilitator.auth)
      .send({ endpoint: phone.endpoint, keys: phone.keys })
      .expect(201);

    push.hold();
    const socket = await connect(node, wren);
    await socket.emitWithAck('group:join', { groupId: group.id });
    const sent = await socket.emitWithAck('message:send', {
      groupId: group.id,
      clientId: randomUUID(),
      body: 'i have the pills counted and tonight is the night',
    });
    expect(sent.ok).toBe(true);
    const deadline = Date.now() + 10_000;
    while (push.held() === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(push.held()).toBe(1);

    const exited = new Promise((done) => node!.process.once('exit', done));
    node.process.kill('SIGKILL');
    await exited;
    socket.disconnect();
    push.release();
    expect(phone.received).toHaveLength(0);

    node = await start();
    const [alert] = await push.until(phone, 1);
    expect(alert.payload).toMatchObject({ kind: 'crisis_alert', url: expect.stringContaining(group.id) });
    await new Promise((r) => setTimeout(r, 2_500));
    expect(phone.received).toHaveLength(1);
  }, 60_000);
});
