import { jest } from '@jest/globals';
import type { Browser } from 'playwright-core';

import { createTestApp, type TestApp } from '../support/app.js';
import {
  composer,
  describeInBrowser,
  ensureWebBuilt,
  launch,
  LAPTOP,
  moreActions,
  newContext,
  PHONE,
  screenshots,
  seriousAxeViolations,
  signInThroughPage,
  WEB_ROOT,
} from '../support/browser.js';
import { addActiveMember, createGroup, type GroupCard } from '../support/groups.js';
import { type ClientSocket } from '../support/sockets.js';
import { createAccount, GOOD_PASSWORD, registerUser, type TestUser } from '../support/users.js';
import { inRoom, said } from '../moderation/support.js';

/**
 * What a walk through the client as an admin, a facilitator and a new mother (issue 17, in English and Spanish,
 * at 390 and 1280 px) found in the way: a muted member who could no longer report a message, a count of crisis
 * incidents that included one about the reader (never shown to her), a reported facilitator who read in the audit
 * log who reported her, a presence line that said "1 here now" to someone alone, an empty home that told an admin to
 * ask her facilitator for an invitation, and the members tab's mute that offered no week where the message's did.
 */
describeInBrowser('Web client: what the walk of issue 17 found', () => {
  let t: TestApp;
  let browser: Browser;
  let admin: TestUser;
  let fern: TestUser;
  let wren: TestUser;
  let ash: TestUser;
  let group: GroupCard;
  let ashSocket: ClientSocket;

  jest.setTimeout(120_000);

  beforeAll(async () => {
    ensureWebBuilt();
    t = await createTestApp({ env: { WEB_ROOT } });
    admin = await registerUser(t, { displayName: 'Ada' });
    fern = await createAccount(t, admin, 'facilitator', 'Fern');
    wren = await registerUser(t, { displayName: 'Wren' });
    ash = await registerUser(t, { displayName: 'Ash' });
    group = await createGroup(t, fern, { name: 'Morning Circle', facilitatorPseudonym: 'Fern' });
    await addActiveMember(t, fern, group.id, wren, 'Wren');
    await addActiveMember(t, fern, group.id, ash, 'Ash');
    ashSocket = await inRoom(t, ash, group.id);
    await said(ashSocket, group.id, 'Did anyone else sleep badly?');
    browser = await launch();
  });

  afterAll(async () => {
    ashSocket?.disconnect();
    await browser?.close();
    await t?.close();
  });

  it('an admin alone on an empty instance is told to start a group, not to ask her facilitator', async () => {
    const second = await createAccount(t, admin, 'facilitator', 'Sol');
    for (const [locale, words] of [
      ['en-US', 'Start one with “New group”'],
      ['es-ES', 'Crea uno con «Nuevo grupo»'],
    ] as const) {
      const { context, page } = await newContext(browser, PHONE, { locale });
      await signInThroughPage(page, t.url, second.email, GOOD_PASSWORD);
      await page.locator('.empty', { hasText: words }).waitFor();
      expect(
        await page.getByText(/invitation from your facilitator|invitación de quien facilita/).count(),
      ).toBe(0);
      await context.close();
    }
  });

  it('alone in the room, the header says so in words, in English and Spanish', async () => {
    ashSocket.disconnect();
    for (const [locale, words] of [
      ['en-US', 'Only you are here now'],
      ['es-ES', 'Ahora solo estás tú'],
    ] as const) {
      const { context, page } = await newContext(browser, PHONE, { locale });
      await signInThroughPage(page, t.url, wren.email, GOOD_PASSWORD);
      await page.goto(`${t.url}/groups/${group.id}`);
      await composer(page)
        .or(page.getByRole('textbox', { name: 'Mensaje', exact: true }))
        .waitFor();
      await page.locator('.presence', { hasText: words }).waitFor();
      expect(await page.locator('.presence').textContent()).not.toMatch(/^1 /);
      await context.close();
    }
    ashSocket = await inRoom(t, ash, group.id);
  });

  it('a muted member can still report a message (and hide its author) from its menu, not write', async () => {
    await t
      .request()
      .post(`/api/groups/${group.id}/moderation/mutes`)
      .set('Authorization', fern.auth)
      .send({ userId: wren.id, minutes: 15, reason: 'A short pause, please.' })
      .expect(201);
    const { context, page, cspViolations } = await newContext(browser, PHONE);
    await signInThroughPage(page, t.url, wren.email, GOOD_PASSWORD);
    await page.goto(`${t.url}/groups/${group.id}`);
    await page.getByText(/A facilitator has muted you until/).waitFor();
    const ashMessage = page.locator('.message', { hasText: 'Did anyone else sleep badly?' });
    await moreActions(ashMessage).click();
    const menu = ashMessage.getByRole('menu');
    expect(await menu.getByRole('menuitem').allTextContents()).toEqual(['Report', 'Hide member']);
    await screenshots(page, '17-walk-muted-member-menu');
    await menu.getByRole('menuitem', { name: 'Report' }).click();
    const dialog = page.getByRole('dialog', { name: 'Report a message' });
    await dialog.getByLabel('Harassment or unkindness').check();
    await dialog.getByRole('button', { name: 'Send report' }).click();
    await dialog.getByText(/Thank you\. The facilitators will look at it/).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(cspViolations).toEqual([]);
    await context.close();
    await t
      .request()
      .delete(`/api/groups/${group.id}/moderation/mutes/${wren.id}`)
      .set('Authorization', fern.auth)
      .expect(204);
  });

  it('a reported facilitator neither counts the incident about her nor reads who reported her', async () => {
    const fernSocket = await inRoom(t, fern, group.id);
    const hers = await said(fernSocket, group.id, 'How was everyone’s week?');
    fernSocket.disconnect();
    // Wren is worried about Fern: a crisis incident about Fern, for the other staff, never for Fern herself.
    await t
      .request()
      .post(`/api/groups/${group.id}/messages/${hers.id}/reports`)
      .set('Authorization', wren.auth)
      .send({ reason: 'crisis_concern' })
      .expect(201);
    const { context, page } = await newContext(browser, LAPTOP);
    await signInThroughPage(page, t.url, fern.email, GOOD_PASSWORD);
    await page.goto(`${t.url}/groups/${group.id}/console?tab=incidents`);
    const panel = page.getByRole('tabpanel', { name: 'Crisis incidents' });
    // Before: "1 incident in 30 days · none acknowledged yet", above a list with none in it.
    await panel.getByText('No crisis incidents in the last 30 days.').waitFor();
    expect(await panel.locator('.card.incident').count()).toBe(0);
    await page.goto(`${t.url}/groups/${group.id}/console?tab=audit`);
    const audit = page.getByRole('tabpanel', { name: 'Audit log' });
    // Reports about others stay in her log; the one about her, and the incident it opened, do not.
    await audit.getByText(/Wren\s*reported a message by\s*Ash/).waitFor();
    expect(await audit.textContent()).not.toMatch(/reported a message by\s*Fern|incident about\s*Fern/);
    await context.close();
  });

  it('the members tab mutes for a week too, as the message’s menu does', async () => {
    const { context, page } = await newContext(browser, PHONE);
    await signInThroughPage(page, t.url, fern.email, GOOD_PASSWORD);
    await page.goto(`${t.url}/groups/${group.id}/console?tab=members`);
    const row = page.locator('.member-row', { hasText: 'Ash' });
    await row.getByText('Actions').click();
    expect(await row.getByLabel('Mute for').locator('option').allTextContents()).toEqual([
      '15 minutes',
      '1 hour',
      '1 day',
      '1 week',
      'Until I lift it',
    ]);
    await context.close();
  });
  it('an admin makes a facilitator who joined her group its co-facilitator, from the members tab on a phone', async () => {
    // Before: the members tab had no way to, and the API's PATCH members/:userId { role } was nowhere in the client.
    const rue = await createAccount(t, admin, 'facilitator', 'Rue');
    const own = await createGroup(t, admin, { name: 'After Birth Circle', facilitatorPseudonym: 'Ada' });
    await addActiveMember(t, admin, own.id, rue, 'Rue');
    for (const [locale, actions, make, done] of [
      ['es-ES', 'Acciones', 'Hacer persona facilitadora de este grupo', 'Rue ahora facilita este grupo.'],
    ] as const) {
      const { context, page } = await newContext(browser, PHONE, { locale });
      page.on('dialog', (dialog) => void dialog.accept());
      await signInThroughPage(page, t.url, admin.email, GOOD_PASSWORD);
      await page.goto(`${t.url}/groups/${own.id}/console?tab=members`);
      const row = page.locator('.member-row', { hasText: 'Rue' });
      await row.getByText(actions).click();
      await row.getByRole('button', { name: make }).click();
      await row.getByText(done).waitFor();
      await page.locator('.member-row', { hasText: /Rue · persona facilitadora/ }).waitFor();
      expect(await seriousAxeViolations(page)).toEqual([]);
      await screenshots(page, '17-walk-made-facilitator');
      await context.close();
    }
    const members = await t
      .request()
      .get(`/api/groups/${own.id}/members`)
      .set('Authorization', admin.auth)
      .expect(200);
    expect(members.body).toEqual(
      expect.arrayContaining([expect.objectContaining({ pseudonym: 'Rue', role: 'facilitator' })]),
    );
  });
  it('a journal entry opens under its own title, not under "Entry"', async () => {
    const { context, page } = await newContext(browser, PHONE);
    await signInThroughPage(page, t.url, ash.email, GOOD_PASSWORD);
    await page.goto(`${t.url}/journal/new`);
    await page.getByLabel('Title (optional)').fill('A long night');
    await page.getByLabel('Your reflection').fill('The baby cried all night, and we got through it.');
    await page.getByRole('button', { name: 'Save entry' }).click();
    await page.waitForURL(/\/journal\/entries\//);
    await page.getByRole('heading', { level: 1, name: 'A long night' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'A long night' }).waitFor();
    await context.close();
  });
});
