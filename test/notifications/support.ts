import { createTestApp, type TestApp } from '../support/app.js';
import { addActiveMember, createGroup, type GroupCard } from '../support/groups.js';
import { startPushService, type TestPushService } from '../support/push-service.js';
import { createAccount, registerUser, type TestUser } from '../support/users.js';

/** A local push service for the whole file: started before its tests, closed after them. */
export function usePushService(): () => TestPushService {
  let push: TestPushService | undefined;
  beforeAll(async () => {
    push = await startPushService();
  });
  afterAll(async () => {
    await push?.close();
  });
  return () => push!;
}

export interface PushCircle {
  t: TestApp;
  facilitator: TestUser;
  wren: TestUser;
  ash: TestUser;
  group: GroupCard;
}

/** A Hearth that pushes to the local service, and a facilitator's group "Tuesday circle" with Wren and Ash. */
export async function pushCircle(push: TestPushService, groupFields: object = {}): Promise<PushCircle> {
  const t = await createTestApp({ env: { PUSH_SERVICE_HOSTS: push.host }, outboundAgent: push.agent });
  const admin = await registerUser(t, { displayName: 'Admin' });
  const facilitator = await createAccount(t, admin, 'facilitator');
  const wren = await registerUser(t);
  const ash = await registerUser(t);
  const group = await createGroup(t, facilitator, { name: 'Tuesday circle', ...groupFields });
  await addActiveMember(t, facilitator, group.id, wren, 'Wren');
  await addActiveMember(t, facilitator, group.id, ash, 'Ash');
  return { t, facilitator, wren, ash, group };
}
