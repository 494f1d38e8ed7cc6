import { jest } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';

import { createTestApp, type TestApp } from '../support/app.js';
import {
  composer,
  describeInBrowser,
  ensureWebBuilt,
  launch,
  newContext,
  screenshots,
  seriousAxeViolations,
  signInThroughPage,
  WEB_ROOT,
} from '../support/browser.js';
import { addActiveMember, createGroup, type GroupCard } from '../support/groups.js';
import { createAccount, GOOD_PASSWORD, registerUser, signIn, type TestUser } from '../support/users.js';
import { inRoom, said } from '../moderation/support.js';

/**
 * What each person sees follows what they can do now (group powers follow the platform role), in Chromium: a
 * demoted facilitator's own screens, their peers' view of them, the admins' warning for a group no facilitator can
 * act in, the end of a mute in a read-only room, and the admins' create-account form. Steps build on each other.
 */
describeInBrowser('Web client: roles as they are now', () => {
  let t: TestApp;
  let browser: Browser;
  let fernPage: Page;
  let wrenPage: Page;
  let adminPage: Page;
  const csp: string[][] = [];
  let admin: TestUser;
  let fern: TestUser;
  let wren: TestUser;
  let group: GroupCard;
  let roomUrl: string;

  jest.setTimeout(120_000);

  const asFern = (method: 'post' | 'put' | 'delete', path: string, body: object = {}) =>
    t.request()[method](`/api/groups/${group.id}${path}`).set('Authorization', fern.auth).send(body);
  const setFernAccount = (change: object) =>
    t
      .request()
      .patch(`/api/admin/users/${fern.id}`)
      .set('Authorization', admin.auth)
      .send(change)
      .expect(200);

  beforeAll(async () => {
    ensureWebBuilt();
    t = await createTestApp({ env: { WEB_ROOT } });
    admin = await registerUser(t, { displayName: 'Admin' });
    fern = await createAccount(t, admin, 'facilitator', 'Fern');
    wren = await registerUser(t, { displayName: 'Wren' });
    group = await createGroup(t, fern, { name: 'Willow Circle', facilitatorPseudonym: 'Fern' });
    await addActiveMember(t, fern, group.id, wren, 'Wren');
    const socket = await inRoom(t, fern, group.id);
    await said(socket, group.id, 'Welcome to the circle');
    socket.disconnect();
    roomUrl = `${t.url}/groups/${group.id}`;
    browser = await launch();
    const pages: Page[] = [];
    for (const user of [fern, wren, admin]) {
      const context = await newContext(browser);
      csp.push(context.cspViolations);
      await signInThroughPage(context.page, t.url, user.email, GOOD_PASSWORD);
      pages.push(context.page);
    }
    [fernPage, wrenPage, adminPage] = pages;
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('the end of a mute says I can post only when the room lets me', async () => {
    await wrenPage.goto(roomUrl);
    await composer(wrenPage).waitFor();
    const notice = wrenPage.locator('.alert', { hasText: 'Your mute has ended' });

    await asFern('post', '/moderation/mutes', { userId: wren.id, minutes: 30 }).expect(201);
    await wrenPage.locator('.composer-blocked', { hasText: 'A facilitator has muted you' }).waitFor();
    await asFern('put', '/moderation/mode', { mode: 'read_only' }).expect(200);
    await asFern('delete', `/moderation/mutes/${wren.id}`).expect(204);
    await notice.filter({ hasText: 'The room is read-only for now.' }).waitFor();
    expect(await wrenPage.getByText('You can post again').count()).toBe(0);
    await wrenPage.locator('.composer-blocked', { hasText: 'The room is read-only for now.' }).waitFor();
    await screenshots(wrenPage, '60-mute-ended-read-only');

    // The room opens: now the notice says so; it closes again: the notice follows.
    await asFern('put', '/moderation/mode', { mode: 'open' }).expect(200);
    await notice.filter({ hasText: 'You can post again.' }).waitFor();
    await composer(wrenPage).waitFor();
    await asFern('put', '/moderation/mode', { mode: 'read_only' }).expect(200);
    await notice.filter({ hasText: 'The room is read-only for now.' }).waitFor();
    expect(await wrenPage.getByText('You can post again').count()).toBe(0);
    await wrenPage.getByRole('button', { name: 'Dismiss' }).click();
  });

  it('a demoted facilitator loses the facilitator tools on screen at once, without reloading', async () => {
    // The room is read-only (from the step before): as a facilitator, Fern can still write.
    await fernPage.goto(roomUrl);
    await composer(fernPage).waitFor();
    const consoleLink = fernPage
      .getByRole('navigation', { name: 'Group' })
      .getByRole('link', { name: 'Console' });
    await consoleLink.waitFor();

    await setFernAccount({ role: 'member' });
    await consoleLink.waitFor({ state: 'detached' });
    await fernPage.locator('.composer-blocked', { hasText: 'The room is read-only for now.' }).waitFor();

    await fernPage.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Groups' }).click();
    const card = fernPage.locator('.group-card', { hasText: 'Willow Circle' });
    await card.getByText('You are Fern').waitFor();
    expect(await card.getByText('You facilitate').count()).toBe(0);
    expect(await card.getByRole('link', { name: 'Facilitator console' }).count()).toBe(0);
    expect(await fernPage.getByRole('button', { name: 'New group' }).count()).toBe(0);
    await screenshots(fernPage, '61-demoted-facilitator-home');

    await fernPage.goto(`${roomUrl}/console`);
    await fernPage.getByText('The console is for this group’s facilitators.').waitFor();
  });

  it('peers no longer see "facilitator" beside the demoted person', async () => {
    await wrenPage.goto(roomUrl);
    const message = wrenPage.locator('.message', { hasText: 'Welcome to the circle' });
    await message.waitFor();
    await message.getByText('Fern').waitFor();
    expect(await message.locator('.tag', { hasText: 'facilitator' }).count()).toBe(0);
  });

  it('admins see the group has no active facilitator, on the group list and on the group', async () => {
    await adminPage.goto(`${t.url}/admin`);
    const row = adminPage.locator('li', { hasText: 'Willow Circle' });
    await row.getByText('No active facilitator').waitFor();
    await row.getByText('crisis alerts reach only admins').waitFor();
    expect(await seriousAxeViolations(adminPage)).toEqual([]);

    await row.getByRole('link', { name: 'Willow Circle' }).click();
    await adminPage.getByRole('heading', { name: 'Willow Circle: console' }).waitFor();
    await adminPage.getByText('No active facilitator').waitFor();
    expect(await seriousAxeViolations(adminPage)).toEqual([]);
    await screenshots(adminPage, '62-admin-no-active-facilitator');

    // Made a facilitator again, Fern has the group back, and the warning goes.
    await setFernAccount({ role: 'facilitator' });
    await adminPage.goto(`${t.url}/admin`);
    await adminPage.getByRole('heading', { name: 'All groups' }).waitFor();
    await adminPage.locator('li', { hasText: 'Willow Circle' }).getByRole('link').waitFor();
    expect(await adminPage.getByText('No active facilitator').count()).toBe(0);
  });

  it('a facilitator made one again gets the tools back while the app is open', async () => {
    const card = fernPage.locator('.group-card', { hasText: 'Willow Circle' });
    await fernPage.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Groups' }).click();
    await card.getByRole('link', { name: 'Facilitator console' }).waitFor();
    await setFernAccount({ role: 'member' });
    await card.getByRole('link', { name: 'Facilitator console' }).waitFor({ state: 'detached' });
    await setFernAccount({ role: 'facilitator' });
    await card.getByRole('link', { name: 'Facilitator console' }).waitFor();
    await fernPage.getByRole('button', { name: 'New group' }).waitFor();
  });

  it('admins create an account: role, a temporary password shown once, and the server’s field errors', async () => {
    await adminPage.goto(`${t.url}/admin`);
    const form = adminPage.locator('form', {
      has: adminPage.getByRole('heading', { name: 'Create an account' }),
    });
    await form.getByLabel('Email').fill('juniper@example.org');
    await form.getByLabel('Display name').fill('Juniper');
    await form.getByLabel('Role').selectOption('facilitator');
    await form.getByLabel('Password (optional)').fill('short');
    await form.getByRole('button', { name: 'Create account' }).click();
    const passwordField = form.getByLabel('Password (optional)');
    await form.locator('input[type="password"][aria-invalid="true"]').waitFor();
    const described = await passwordField.getAttribute('aria-describedby');
    const error = adminPage.locator(`[id="${described?.split(' ').find((id) => id.endsWith('-error'))}"]`);
    expect((await error.textContent())?.toLowerCase()).toContain('password');

    await passwordField.fill('');
    await form.getByRole('button', { name: 'Create account' }).click();
    const created = form.locator('.alert-success');
    await created.getByText('Account created for Juniper (juniper@example.org), as facilitator.').waitFor();
    const temporary = (await created.locator('code').textContent()) ?? '';
    expect(temporary.length).toBeGreaterThanOrEqual(16);
    await adminPage.locator('.person', { hasText: 'juniper@example.org' }).getByText('Facilitator').waitFor();
    expect(await seriousAxeViolations(adminPage)).toEqual([]);
    await screenshots(adminPage, '63-admin-create-account');
    await signIn(t, 'juniper@example.org', temporary).expect(200);

    // The same email again: said beside the email, in words for an admin (not the sign-up screen's "try signing
    // in instead", which speaks to the address's owner), and nothing is shown as created.
    await form.getByLabel('Email').fill('juniper@example.org');
    await form.getByLabel('Display name').fill('Juniper again');
    await form.getByRole('button', { name: 'Create account' }).click();
    await form
      .locator('.field-error', {
        hasText: 'Someone already has an account with this email. You can find them under People.',
      })
      .waitFor();
    expect(await form.getByLabel('Email').getAttribute('aria-invalid')).toBe('true');
    expect(await form.getByText(/Try signing in/).count()).toBe(0);
    expect(await created.count()).toBe(0);

    // At 390 px (the page's size here) the form fits: nothing in it scrolls sideways.
    expect(await form.evaluate((element) => element.scrollWidth - element.clientWidth)).toBeLessThanOrEqual(
      0,
    );
  });

  it('no page broke its Content-Security-Policy', () => {
    expect(csp.flat()).toEqual([]);
  });
});
