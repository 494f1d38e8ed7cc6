import { jest } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';

import { createTestApp, type TestApp } from '../support/app.js';
import {
  describeInBrowser,
  ensureWebBuilt,
  LAPTOP,
  launch,
  newContext,
  screenshots,
  seriousAxeViolations,
  signInThroughPage,
  WEB_ROOT,
} from '../support/browser.js';
import { acceptAgreement, createGroup, type GroupCard } from '../support/groups.js';
import { type ClientSocket } from '../support/sockets.js';
import { createAccount, GOOD_PASSWORD, registerUser, type TestUser } from '../support/users.js';
import { inRoom, say } from '../moderation/support.js';

/**
 * The facilitator console in Chromium, each section used through its screen; Ash, a newcomer, uses the web
 * client too (discover and ask to join, the home screen's meeting and unread count).
 */
describeInBrowser('Web client: the facilitator console', () => {
  let t: TestApp;
  let browser: Browser;
  let f: Page;
  let a: Page;
  let facilitator: TestUser;
  let ash: TestUser;
  let ashSocket: ClientSocket | undefined;
  let group: GroupCard;
  let csp: string[][] = [];

  jest.setTimeout(90_000);

  beforeAll(async () => {
    ensureWebBuilt();
    t = await createTestApp({ env: { WEB_ROOT, CHAT_RATE_LIMIT: '1000' } });
    const admin = await registerUser(t, { displayName: 'Admin' });
    facilitator = await createAccount(t, admin, 'facilitator', 'Fern');
    ash = await registerUser(t, { displayName: 'Ash' });
    group = await createGroup(t, facilitator, {
      name: 'Dawn Circle',
      description: 'For new parents after KAP.',
      facilitatorPseudonym: 'Fern',
    });
    browser = await launch();
    const facilitatorContext = await newContext(browser, LAPTOP);
    const ashContext = await newContext(browser);
    f = facilitatorContext.page;
    a = ashContext.page;
    csp = [facilitatorContext.cspViolations, ashContext.cspViolations];
    await signInThroughPage(f, t.url, facilitator.email, GOOD_PASSWORD);
    await signInThroughPage(a, t.url, ash.email, GOOD_PASSWORD);
  });

  afterAll(async () => {
    ashSocket?.disconnect();
    await browser?.close();
    await t?.close();
  });

  const tab = async (name: string) => {
    await f.goto(`${t.url}/groups/${group.id}/console`);
    await f.getByRole('tab', { name }).click();
    await f.getByRole('tab', { name, selected: true }).waitFor();
  };

  it('a newcomer asks to join a listed group; the facilitator approves the request', async () => {
    await a.reload();
    const card = a.locator('.group-card', { hasText: 'Dawn Circle' });
    await card.getByText('For new parents after KAP.').waitFor();
    await card.getByRole('button', { name: 'Ask to join' }).click();
    const dialog = a.getByRole('dialog', { name: 'Ask to join Dawn Circle' });
    await dialog.getByLabel('Your pseudonym in this group').fill('Ash');
    await dialog.getByLabel(/A note for the facilitator/).fill('My therapist suggested this group.');
    expect(await seriousAxeViolations(a)).toEqual([]);
    await dialog.getByRole('button', { name: 'Send request' }).click();
    await a.getByText('Your request was sent.').waitFor();

    await tab('Join requests');
    const request = f.locator('.card', { hasText: 'My therapist suggested this group.' });
    await request.getByText('Ash').first().waitFor();
    expect(await seriousAxeViolations(f)).toEqual([]);
    await request.getByRole('button', { name: 'Approve' }).click();
    await f.getByText('No requests waiting.').waitFor();

    await a.goto(t.url);
    await a
      .locator('.group-card', { hasText: 'Dawn Circle' })
      .getByText(/accept the group agreement/)
      .waitFor();
  });

  it('the agreement editor publishes a new version', async () => {
    await tab('Agreement');
    await f.getByRole('heading', { name: 'Group agreement (version 1)' }).waitFor();
    await f
      .getByLabel('Agreement text')
      .fill('We speak from our own experience.\n\nWe keep what is shared here.');
    await f.getByRole('button', { name: 'Publish new version' }).click();
    await f.getByRole('heading', { name: 'Group agreement (version 2)' }).waitFor();
    expect(await seriousAxeViolations(f)).toEqual([]);

    await a
      .locator('.group-card', { hasText: 'Dawn Circle' })
      .getByRole('link', { name: 'Dawn Circle' })
      .click();
    await a.getByText('We keep what is shared here.').waitFor();
    await a.getByLabel('I have read the agreement and will keep it').check();
    await a.getByRole('button', { name: 'Accept and enter' }).click();
    await a.getByRole('textbox', { name: 'Message', exact: true }).waitFor();
  });

  it('meetings: scheduling one puts it on members’ home screens', async () => {
    await tab('Meetings');
    const tomorrow = new Date(Date.now() + 86_400_000);
    const local = `${tomorrow.getFullYear()}-${String(tomorrow.getMonth() + 1).padStart(2, '0')}-${String(tomorrow.getDate()).padStart(2, '0')}T19:00`;
    await f.getByLabel('Title').fill('Full moon circle');
    await f.getByLabel('Starts').fill(local);
    await f.getByRole('button', { name: 'Schedule' }).click();
    await f
      .locator('.card', { hasText: 'Full moon circle' })
      .getByRole('button', { name: 'Cancel meeting' })
      .waitFor();
    expect(await seriousAxeViolations(f)).toEqual([]);

    await a.goto(t.url);
    await a.locator('.group-card', { hasText: 'Dawn Circle' }).getByText('Full moon circle').waitFor();
  });

  it('room mode: slow mode set on its screen is what the API reports', async () => {
    await tab('Room');
    await f.getByLabel('Slow: one message per person every few seconds').check();
    await f.getByLabel('Seconds between messages').fill('20');
    await f.getByRole('button', { name: 'Save room mode' }).click();
    await f.getByText('Saved.').waitFor();
    expect(await seriousAxeViolations(f)).toEqual([]);
    const mode = await t
      .request()
      .get(`/api/groups/${group.id}/moderation/mode`)
      .set('Authorization', facilitator.auth)
      .expect(200);
    expect(mode.body).toMatchObject({ mode: 'slow', slowSeconds: 20 });

    await f.getByLabel('Open: everyone can write').check();
    await f.getByLabel(/Hold messages of members who joined/).fill('7');
    await f.getByRole('button', { name: 'Save room mode' }).click();
    await f.getByText('Saved.').waitFor();
  });

  it('the queue: a held message is approved from its card, and the unread count shows it on the home screen', async () => {
    await acceptAgreement(t, ash, group.id, 2);
    ashSocket = await inRoom(t, ash, group.id);
    const ack = await say(ashSocket, group.id, 'Is it normal to feel raw a week later?');
    expect(ack).toMatchObject({ ok: true, message: { status: 'held' } });

    await tab('Queue');
    const item = f.locator('.queue-held', { hasText: 'Is it normal to feel raw a week later?' });
    await item.waitFor();
    expect(await seriousAxeViolations(f)).toEqual([]);
    await screenshots(f, '30-console-queue');
    await item.getByRole('button', { name: 'Approve' }).click();
    await f.getByText('Nothing is waiting.').waitFor();

    // Fern writes while Ash is on the home screen: Ash's card counts it.
    await a.goto(t.url);
    const fern = await inRoom(t, facilitator, group.id);
    expect((await say(fern, group.id, 'Yes, it is. Be gentle with yourself.')).ok).toBe(true);
    fern.disconnect();
    await a.reload();
    await a.locator('.group-card', { hasText: 'Dawn Circle' }).getByLabel('1 unread').waitFor();
    await screenshots(a, '31-home-unread');
  });

  it('members: the facilitator sees who is behind a pseudonym, and removing asks first', async () => {
    await tab('Members');
    const row = f.locator('.member-row', { hasText: 'Ash' });
    await row.getByText(`Ash <${ash.email}>`).waitFor();
    expect(await seriousAxeViolations(f)).toEqual([]);
    await row.getByText('Actions').click();
    await row.getByLabel(/Reason/).fill('We will talk by phone');
    f.once('dialog', (dialog) => void dialog.dismiss());
    await row.getByRole('button', { name: 'Remove' }).click();
    expect(await row.getByText('Removed.').count()).toBe(0);
    f.once('dialog', (dialog) => void dialog.accept());
    await row.getByRole('button', { name: 'Remove' }).click();
    await f.locator('.member-row', { hasText: 'Ash' }).getByText('member · removed').waitFor();
    const card = await t.request().get(`/api/groups/${group.id}`).set('Authorization', ash.auth).expect(200);
    expect(card.body.membership).toMatchObject({ status: 'removed', endedNote: 'We will talk by phone' });
  });

  it('the audit log lists what facilitators did', async () => {
    await tab('Audit log');
    await f.getByRole('cell', { name: 'changed the room mode' }).first().waitFor();
    expect(await seriousAxeViolations(f)).toEqual([]);
    await screenshots(f, '32-console-audit');
    expect(csp).toEqual([[], []]);
  });
});
