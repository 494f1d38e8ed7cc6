import { jest } from '@jest/globals';
import type { Browser, BrowserContext, Page } from 'playwright-core';

import { createTestApp, type TestApp } from '../support/app.js';
import {
  describeInBrowser,
  composer,
  ensureWebBuilt,
  launch,
  newContext,
  screenshots,
  seriousAxeViolations,
  signInThroughPage,
  timeline,
  WEB_ROOT,
} from '../support/browser.js';
import { createAccount, GOOD_PASSWORD, signIn, uniqueEmail, type TestUser } from '../support/users.js';

/**
 * The whole web client in real Chromium against the real API (SQLite, socket.io): a facilitator and a member in
 * two browser contexts, from first run to a dropped connection and a crisis message. Steps build on each other.
 */
describeInBrowser('Web client in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let facilitator: { context: BrowserContext; page: Page; csp: string[] };
  let member: { context: BrowserContext; page: Page; csp: string[] };
  let facilitatorUser: TestUser;
  const adminEmail = uniqueEmail('admin');
  const memberEmail = uniqueEmail('wren');
  let groupId = '';
  let inviteLink = '';

  jest.setTimeout(90_000);

  beforeAll(async () => {
    ensureWebBuilt();
    t = await createTestApp({ env: { WEB_ROOT, CHAT_RATE_LIMIT: '1000' } });
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const open = async (viewport?: { width: number; height: number }) => {
    const { context, page, cspViolations } = await newContext(browser, viewport);
    return { context, page, csp: cspViolations };
  };

  const expectAccessible = async (page: Page) => {
    expect(await seriousAxeViolations(page)).toEqual([]);
  };

  it('first run: the setup screen creates the admin, served under a strict Content-Security-Policy', async () => {
    const admin = await open();
    const response = await admin.page.goto(t.url);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    expect(response?.headers()['content-security-policy']).toContain("style-src 'self'");
    await admin.page.waitForURL(/\/setup$/);
    await expectAccessible(admin.page);
    await screenshots(admin.page, '01-setup');

    await admin.page.getByLabel('Your name').fill('Ada Admin');
    await admin.page.getByLabel('Email').fill(adminEmail);
    await admin.page.getByLabel('Password').fill(GOOD_PASSWORD);
    await admin.page.getByRole('button', { name: 'Create administrator' }).click();
    await admin.page.waitForURL(/\/admin$/);
    await admin.page.getByRole('heading', { name: 'Administration' }).waitFor();
    await admin.page
      .locator('.person', { hasText: adminEmail })
      .getByText('Admin', { exact: true })
      .waitFor();
    await expectAccessible(admin.page);
    await screenshots(admin.page, '02-admin');
    expect(admin.csp).toEqual([]);

    const adminLogin = await signIn(t, adminEmail, GOOD_PASSWORD).expect(200);
    expect(adminLogin.body.user.role).toBe('admin');
    facilitatorUser = await createAccount(
      t,
      { ...adminLogin.body.user, auth: `Bearer ${adminLogin.body.tokens.accessToken}` } as TestUser,
      'facilitator',
      'Fern Facilitator',
    );
    await admin.context.close();
  });

  it('a facilitator creates a group and an invite; a member signs up, redeems it and accepts the agreement', async () => {
    facilitator = await open(LAPTOP_VIEW);
    const f = facilitator.page;
    await signInThroughPage(f, t.url, facilitatorUser.email, GOOD_PASSWORD);
    await f.getByRole('button', { name: 'New group' }).click();
    await f.getByLabel('Name').fill('Morning Circle');
    await f.getByLabel('Description').fill('A gentle place to keep integrating.');
    await f.getByLabel('Your pseudonym in this group (optional)').fill('Fern');
    await f.getByRole('button', { name: 'Create group' }).click();
    await f.waitForURL(/\/groups\/[0-9a-f-]+\/console$/);
    groupId = /groups\/([0-9a-f-]+)\/console/.exec(f.url())![1];
    await f.getByRole('heading', { name: 'Morning Circle: console' }).waitFor();
    await f.getByRole('tab', { name: 'Invites' }).click();
    await f.getByRole('button', { name: 'Create invite link' }).click();
    inviteLink = await f.locator('#invite-link').inputValue();
    expect(inviteLink).toMatch(new RegExp(`^${t.url}/invite/.+`));
    await expectAccessible(f);
    await screenshots(f, '03-console-invites');

    member = await open();
    const m = member.page;
    await m.goto(inviteLink);
    // Signed out, the invitation itself says where it leads and offers an account first.
    await m.getByRole('heading', { name: 'Create your account to join' }).waitFor();
    await m.getByLabel('Your name').fill('Wren Member');
    await m.getByLabel('Email').fill(memberEmail);
    await m.getByLabel('Password').fill(GOOD_PASSWORD);
    await expectAccessible(m);
    await screenshots(m, '04-signup');
    await m.getByRole('button', { name: 'Create account' }).click();
    await m.getByLabel('Your pseudonym in this group').fill('Wren');
    await m.getByRole('button', { name: 'Join Morning Circle' }).click();
    await m.getByRole('heading', { name: 'Morning Circle: our agreement' }).waitFor();
    await expectAccessible(m);
    await screenshots(m, '05-agreement');
    const accept = m.getByRole('button', { name: 'Accept and enter' });
    expect(await accept.isDisabled()).toBe(true);
    await m.getByLabel('I have read the agreement and will keep it').check();
    await accept.click();
    await m.waitForURL(new RegExp(`/groups/${groupId}$`));
    await m.getByRole('heading', { name: 'Morning Circle' }).waitFor();
  });

  it('both chat live, in both directions', async () => {
    const f = facilitator.page;
    const m = member.page;
    await f.goto(`${t.url}/groups/${groupId}`);
    await composer(f).waitFor();
    await m.getByText('2 here now').waitFor();

    await composer(m).fill('Hello from Wren');
    await composer(m).press('Enter');
    await timeline(f).filter({ hasText: 'Hello from Wren' }).waitFor();

    await composer(f).fill('Welcome, Wren. Take your time.');
    await f.getByRole('button', { name: 'Send' }).click();
    await timeline(m).filter({ hasText: 'Welcome, Wren. Take your time.' }).waitFor();
    // New messages from others are announced politely to screen readers.
    await m.locator('[aria-live="polite"]', { hasText: 'Fern: Welcome, Wren.' }).waitFor();
    await expectAccessible(m);
    await screenshots(m, '06-room');
    await screenshots(f, '06-room-facilitator');
  });

  it('a mute shows in the member’s composer at once, with its end; lifting it gives the composer back', async () => {
    const f = facilitator.page;
    const m = member.page;
    await f.goto(`${t.url}/groups/${groupId}/console?tab=members`);
    const row = f.locator('.member-row', { hasText: 'Wren' });
    await row.getByText('Actions').click();
    await row.getByLabel(/Reason/).fill('Let us pause for a moment');
    await row.getByRole('button', { name: 'Mute', exact: true }).click();
    await row.getByText('Muted.').waitFor();

    await m.locator('.composer-blocked', { hasText: /muted you until/ }).waitFor();
    expect(await composer(m).count()).toBe(0);
    await m.getByText('Let us pause for a moment').waitFor();
    await screenshots(m, '07-muted');

    await row.getByRole('button', { name: 'Unmute' }).click();
    await composer(m).waitFor();
  });

  it('the member writes a journal entry, finds it by search and shares it; the facilitator sees it in the room', async () => {
    const f = facilitator.page;
    const m = member.page;
    await f.goto(`${t.url}/groups/${groupId}`);
    await composer(f).waitFor();

    await m.goto(`${t.url}/journal/new`);
    await m.getByLabel('Title (optional)').fill('After Tuesday');
    await m.getByLabel('Your reflection').fill('The garden felt like *coming home*.');
    await m.getByRole('button', { name: 'Preview' }).click();
    await m.locator('.markdown em', { hasText: 'coming home' }).waitFor();
    await m.getByRole('button', { name: 'Write' }).click();
    await m.getByLabel('Tags, separated by commas').fill('garden, home');
    await m.getByRole('button', { name: 'Save entry' }).click();
    await m.waitForURL(/\/journal\/entries\/[0-9a-f-]+$/);

    await m.goto(`${t.url}/journal`);
    await m.getByLabel('Search your entries').fill('garden');
    await m.getByRole('button', { name: 'Search' }).click();
    await m.getByRole('link', { name: 'After Tuesday' }).waitFor();
    await expectAccessible(m);
    await screenshots(m, '08-journal');
    await m.getByLabel('Search your entries').fill('volcano');
    await m.getByRole('button', { name: 'Search' }).click();
    await m.getByText('No entry matches.').waitFor();

    await m.getByLabel('Search your entries').fill('garden');
    await m.getByRole('button', { name: 'Search' }).click();
    await m.getByRole('link', { name: 'After Tuesday' }).click();
    await m.getByRole('heading', { name: 'Share' }).waitFor();
    // Nothing is chosen for her: Share waits until she says with whom.
    expect(await m.getByRole('button', { name: 'Share', exact: true }).isDisabled()).toBe(true);
    await m.getByLabel('The whole group, in the conversation').check();
    await m.getByRole('button', { name: 'Share', exact: true }).click();
    await m.getByText('Shared with Morning Circle').waitFor();

    await f.locator('.message-reflection', { hasText: 'The garden felt like' }).waitFor();
    await screenshots(f, '09-shared-reflection');
  });

  it('a mood check-in appears in the chart', async () => {
    const m = member.page;
    await m.goto(`${t.url}/journal/mood`);
    await m.getByLabel(/How are you feeling/).fill('7');
    await m.getByRole('button', { name: 'Save check-in' }).click();
    await m.getByText('Check-in saved.').waitFor();
    await m.locator('canvas[data-points="1"]').waitFor();
    await m.getByText('Mood on one day: 7.0 out of 10.').first().waitFor();
    await expectAccessible(m);
    await screenshots(m, '10-mood');
  });

  it('a message written offline is delivered exactly once when the connection returns', async () => {
    const f = facilitator.page;
    const m = member.page;
    await m.goto(`${t.url}/groups/${groupId}`);
    await composer(m).waitFor();
    await m.getByText('2 here now').waitFor();

    await member.context.setOffline(true);
    await m.getByText('You are offline.').waitFor();
    await composer(m).fill('Written on the train');
    await composer(m).press('Enter');
    await m
      .locator('.message-pending', { hasText: 'Written on the train' })
      .getByText(/Waiting to send/)
      .waitFor();
    await screenshots(m, '11-offline');

    await member.context.setOffline(false);
    await timeline(f).filter({ hasText: 'Written on the train' }).waitFor();
    await timeline(m).filter({ hasText: 'Written on the train' }).waitFor();
    expect(await m.locator('.message-pending').count()).toBe(0);
    expect(await timeline(f).filter({ hasText: 'Written on the train' }).count()).toBe(1);
    expect(await timeline(m).filter({ hasText: 'Written on the train' }).count()).toBe(1);
    const stored = await t
      .request()
      .get(`/api/groups/${groupId}/messages`)
      .set('Authorization', facilitatorUser.auth)
      .expect(200);
    expect(stored.body.filter((x: { body: string }) => x.body === 'Written on the train')).toHaveLength(1);
  });

  it('a crisis message shows the member the resources panel and alerts the facilitator', async () => {
    const f = facilitator.page;
    const m = member.page;
    await composer(m).fill('I honestly want to die, I cannot do this anymore');
    await composer(m).press('Enter');

    const panel = m.getByRole('dialog', { name: 'Support is here' });
    await panel.waitFor();
    await panel.getByText('988').first().waitFor();
    const alertCard = f
      .getByRole('alert')
      .filter({ hasText: /Someone may (be in danger now|need support)\./ });
    await alertCard.waitFor();
    // Her facilitator had Hearth open: only now does the panel say a facilitator knows.
    await panel.getByText('A facilitator has been told.').waitFor();
    // The alert greets the facilitator again after a reload, until someone acknowledges it.
    await f.reload();
    await alertCard.waitFor();
    await expectAccessible(m);
    await screenshots(m, '12-crisis-resources');
    await screenshots(f, '12-crisis-alert');

    // Closed, the panel stays reachable from the help button.
    await panel.getByRole('button', { name: 'Close' }).click();
    await m.getByRole('button', { name: 'Help now' }).click();
    await m.getByRole('dialog', { name: 'Support is here' }).getByRole('link').first().waitFor();
    await m.keyboard.press('Escape');

    // One way of writing a time everywhere: where it is now about 4 in the morning, the alert, the room and the
    // incident's context all say "4:29 AM", never "04:29 AM" (the alert and the context once padded the hour).
    const hour = new Date().getUTCHours();
    const west = hour - 4 > 12 ? hour - 28 : hour - 4;
    const zone = west === 0 ? 'Etc/GMT' : `Etc/GMT${west > 0 ? '+' : '-'}${Math.abs(west)}`;
    const early = await newContext(browser, LAPTOP_VIEW, { timezoneId: zone, locale: 'en-US' });
    await signInThroughPage(early.page, t.url, facilitatorUser.email, GOOD_PASSWORD);
    await early.page.goto(`${t.url}/groups/${groupId}`);
    const crisisLine = early.page.locator('li.message', { hasText: 'I honestly want to die' });
    const roomTime = (await crisisLine.locator('time').first().textContent())!;
    expect(roomTime).toMatch(/^[1-5]:\d\d\sAM$/);
    const earlyAlert = early.page.getByRole('alert').filter({ hasText: /Someone may/ });
    expect(await earlyAlert.textContent()).toContain(`, ${roomTime})`);
    await early.page.goto(`${t.url}/groups/${groupId}/console?tab=incidents`);
    const contextTime = early.page
      .locator('.incident-context li', { hasText: 'I honestly want to die' })
      .locator('time');
    expect(await contextTime.textContent()).toBe(roomTime);
    await early.context.close();

    await f.getByRole('link', { name: 'Open incident' }).click();
    await f.locator('.incident-open').waitFor();
    await f.getByLabel('What you did or decided').fill('Called Wren; she is safe and with her partner.');
    await f.getByRole('button', { name: 'Acknowledge' }).click();
    await f.locator('.incident-acknowledged').waitFor();
    await f.reload();
    await f.locator('.incident-acknowledged').waitFor();
    expect(await alertCard.count()).toBe(0);
  });

  it('every other main screen has no serious or critical accessibility violation, and no CSP violation', async () => {
    const m = member.page;
    for (const [path, heading] of [
      ['/', 'Your groups'],
      ['/journal/sessions', 'Sessions'],
      ['/account', 'Account'],
    ] as const) {
      await m.goto(`${t.url}${path}`);
      await m.getByRole('heading', { name: heading, exact: true }).waitFor();
      await expectAccessible(m);
      await screenshots(m, `13${path.replaceAll('/', '-')}`);
    }
    expect(member.csp).toEqual([]);
    expect(facilitator.csp).toEqual([]);
  });
});

const LAPTOP_VIEW = { width: 1280, height: 800 };
