import { readFileSync } from 'node:fs';

import { jest } from '@jest/globals';
import { unzipSync } from 'fflate';
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
import { addActiveMember, createGroup, type GroupCard } from '../support/groups.js';
import { until } from '../support/sockets.js';
import { createAccount, GOOD_PASSWORD, registerUser, signIn, type TestUser } from '../support/users.js';

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

/** Journal sessions and prompts, the account screen from profile to deletion, and the admin screens, in Chromium. */
describeInBrowser('Web client: journal prompts, account and administration', () => {
  let t: TestApp;
  let browser: Browser;
  let m: Page;
  let admin: TestUser;
  let facilitator: TestUser;
  let wren: TestUser;
  let group: GroupCard;
  let csp: string[][] = [];

  jest.setTimeout(90_000);

  beforeAll(async () => {
    ensureWebBuilt();
    t = await createTestApp({ env: { WEB_ROOT } });
    admin = await registerUser(t, { displayName: 'Admin' });
    facilitator = await createAccount(t, admin, 'facilitator', 'Fern');
    wren = await registerUser(t, { displayName: 'Wren' });
    group = await createGroup(t, facilitator, { name: 'Harbour Circle' });
    await addActiveMember(t, facilitator, group.id, wren, 'Wren');
    browser = await launch();
    const context = await newContext(browser);
    m = context.page;
    csp = [context.cspViolations];
    await signInThroughPage(m, t.url, wren.email, GOOD_PASSWORD);
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('a reload keeps me signed in without spending the refresh token', async () => {
    const refreshToken = () =>
      m.evaluate(() =>
        (
          globalThis as unknown as { localStorage: { getItem(key: string): string | null } }
        ).localStorage.getItem('hearth.refresh'),
      );
    const before = await refreshToken();
    expect(before).toBeTruthy();
    await m.reload();
    await m.getByRole('heading', { name: 'Your groups' }).waitFor();
    expect(await refreshToken()).toBe(before);
  });

  it('a renewal whose answer is lost on the way does not end the session', async () => {
    const storage = () =>
      m.evaluate(() => {
        const web = globalThis as unknown as {
          localStorage: { getItem(key: string): string | null };
        };
        return web.localStorage.getItem('hearth.refresh');
      });
    const expireAccessToken = () =>
      m.evaluate(() => {
        const web = globalThis as unknown as {
          sessionStorage: { getItem(key: string): string | null; setItem(key: string, value: string): void };
        };
        const saved = JSON.parse(web.sessionStorage.getItem('hearth.access') ?? '{}') as object;
        web.sessionStorage.setItem('hearth.access', JSON.stringify({ ...saved, expiresAt: 0 }));
      });
    const spent = await storage();
    // The server rotates the token, but its answer never reaches the page (the connection drops).
    let issued: string | null = null;
    await m.route('**/api/auth/refresh', async (route) => {
      const answer = await route.fetch();
      issued = ((await answer.json()) as { refreshToken: string }).refreshToken;
      await route.abort('connectionreset');
    });
    await expireAccessToken();
    await m.reload();
    await until(() => issued !== null, 'the lost renewal');
    await m.unroute('**/api/auth/refresh');
    // The page keeps the token it had, or, if it asked again already, the very answer that was lost: never a
    // third one, and never signed out.
    const kept = await storage();
    expect([spent, issued]).toContain(kept);

    // Asked again with the token it kept, the session carries on instead of ending.
    await expireAccessToken();
    await m.reload();
    await m.getByRole('heading', { name: 'Your groups' }).waitFor();
    // (The server's side of this, the same answer to the same token, is tested in test/identity/auth.)
    await until(async () => ![kept, null].includes(await storage()), 'a renewal that keeps the session');
    expect(await m.getByRole('dialog').count()).toBe(0);
  });

  it('a session brings its prompts on the days after; writing to one answers it', async () => {
    await m.goto(`${t.url}/journal/sessions`);
    await m.getByLabel('Date').fill(daysAgo(2));
    await m.getByLabel('Kind').fill('Ketamine-assisted therapy');
    await m.getByLabel('Intention (optional)').fill('To meet the tiredness with kindness');
    await m.getByRole('button', { name: 'Add session' }).click();
    await m
      .locator('.card', { hasText: 'Ketamine-assisted therapy' })
      .getByText('To meet the tiredness')
      .waitFor();

    await m.goto(`${t.url}/journal`);
    await m.getByRole('heading', { name: 'Prompt of the day' }).waitFor();
    const due = m.locator('section', { has: m.getByRole('heading', { name: 'After your session' }) });
    await expect(due.getByRole('link', { name: 'Write' }).count()).resolves.toBe(3);
    const promptText = (await due.locator('li').first().innerText()).replace(/\s*Write$/, '');
    await due.getByRole('link', { name: 'Write' }).first().click();
    await m.locator('.prompt', { hasText: promptText }).waitFor();
    // The session is preselected once the list of sessions has loaded.
    const session = m.getByLabel('About a session (optional)');
    await until(async () => (await session.inputValue()) !== '', 'the session to be preselected');
    await m.getByLabel('Your reflection').fill('Slower mornings. I noticed the light.');
    await m.getByRole('button', { name: 'Save entry' }).click();
    await m.waitForURL(/\/journal\/entries\//);
    await m.goto(`${t.url}/journal`);
    await due.getByRole('link', { name: 'Write' }).nth(1).waitFor();
    await expect(due.getByRole('link', { name: 'Write' }).count()).resolves.toBe(2);
  });

  it('a passage shared with the facilitators only reaches their console, not the room; a share can be withdrawn', async () => {
    await m.locator('.entry-card', { hasText: 'Slower mornings' }).getByRole('link').click();
    await m.getByLabel('Only the facilitators').check();
    await m.getByLabel('Only a passage (optional)').fill('I noticed the light.');
    await m.getByRole('button', { name: 'Share', exact: true }).click();
    await m.locator('.shares li', { hasText: 'Shared with the facilitators of Harbour Circle' }).waitFor();

    const console = await newContext(browser, LAPTOP);
    await signInThroughPage(console.page, t.url, facilitator.email, GOOD_PASSWORD);
    await console.page.goto(`${t.url}/groups/${group.id}/console?tab=reflections`);
    const reflection = console.page.locator('.card', { hasText: 'I noticed the light.' });
    await reflection.getByText(/^Wren ·/).waitFor();
    expect(await seriousAxeViolations(console.page)).toEqual([]);
    const room = await t
      .request()
      .get(`/api/groups/${group.id}/messages`)
      .set('Authorization', facilitator.auth)
      .expect(200);
    expect(room.body).toEqual([]);
    await console.context.close();

    await m.getByLabel('The whole group, in the conversation').check();
    await m.getByLabel('Only a passage (optional)').fill('');
    await m.getByRole('button', { name: 'Share', exact: true }).click();
    const share = m.locator('.shares li', { hasText: 'Shared with Harbour Circle' });
    await share.getByRole('button', { name: 'Withdraw' }).click();
    await share.getByText('(withdrawn)').waitFor();
    const shares = await t.request().get('/api/journal/shares').set('Authorization', wren.auth).expect(200);
    expect(shares.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ target: 'group', withdrawn: true }),
        expect.objectContaining({ target: 'facilitators', withdrawn: false }),
      ]),
    );
  });

  it('account: name, pseudonym and calendar link', async () => {
    await m.goto(`${t.url}/account`);
    await m.getByLabel('Your name').fill('Wren Alder');
    await m.getByRole('button', { name: 'Save profile' }).click();
    await m.locator('form', { hasText: 'Profile' }).getByText('Saved.').waitFor();

    await m.getByLabel('In Harbour Circle').fill('Little Wren');
    await m.getByRole('button', { name: 'Save', exact: true }).click();
    await m.getByRole('button', { name: 'Saved', exact: true }).waitFor();
    const card = await t.request().get(`/api/groups/${group.id}`).set('Authorization', wren.auth).expect(200);
    expect(card.body.membership.pseudonym).toBe('Little Wren');
    const me = await t.request().get('/api/me').set('Authorization', wren.auth).expect(200);
    expect(me.body.displayName).toBe('Wren Alder');

    await m.getByRole('button', { name: 'Get calendar link' }).click();
    const link = await m.getByLabel('Your private calendar link').inputValue();
    expect(link).toMatch(new RegExp(`^${t.url}/api/me/calendar\\.ics\\?token=`));
    const feed = await t.request().get(link.slice(t.url.length)).expect(200);
    expect(feed.text).toContain('BEGIN:VCALENDAR');
    expect(await seriousAxeViolations(m)).toEqual([]);
    await screenshots(m, '40-account');
  });

  it('export my data downloads the zip with my journal in it', async () => {
    const [download] = await Promise.all([
      m.waitForEvent('download'),
      m.getByRole('button', { name: 'Export my data' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('hearth-export.zip');
    const files = unzipSync(readFileSync((await download.path())!));
    expect(Object.keys(files)).toEqual(expect.arrayContaining(['hearth-export.json', 'journal.md']));
    expect(new TextDecoder().decode(files['journal.md'])).toContain('I noticed the light.');
  });

  it("sign-ins: this wasn't me ends that device's sign-in at once, and I see which staff viewed my details", async () => {
    const phone = 'Mozilla/5.0 (Android 14; Mobile; rv:133.0) Gecko/133.0 Firefox/133.0';
    const intruder = await t
      .request()
      .post('/api/auth/login')
      .set('User-Agent', phone)
      .send({ email: wren.email, password: wren.password })
      .expect(200);
    const intruderAuth = `Bearer ${intruder.body.tokens.accessToken}`;
    const intruderSignIns = await t
      .request()
      .get('/api/me/sign-ins')
      .set('Authorization', intruderAuth)
      .expect(200);
    const intruderId = (intruderSignIns.body as { id: string; current: boolean }[]).find(
      (s) => s.current,
    )!.id;
    // Three reads in a row (a facilitator's members tab opened again and again) are one line, said so.
    for (let read = 0; read < 3; read++) {
      await t
        .request()
        .get(`/api/groups/${group.id}/members`)
        .set('Authorization', facilitator.auth)
        .expect(200);
    }

    await m.goto(`${t.url}/account`);
    const row = m.locator(`[data-sign-in="${intruderId}"]`);
    await row.getByText('Firefox 133 on Android 14 (phone)').waitFor();
    await m.locator('.sign-ins li', { hasText: 'This device' }).waitFor();
    const history = m.getByRole('region', { name: 'Who has viewed your details' });
    await history.getByText('Fern (facilitator)').first().waitFor();
    await history.getByText('in Harbour Circle').first().waitFor();
    await history
      .locator('li', { hasText: /^Fern \(facilitator\) saw your account name and email \([23] times\)/ })
      .first()
      .waitFor();
    expect(await history.textContent()).not.toContain(facilitator.email);
    expect(await seriousAxeViolations(m)).toEqual([]);
    await m.getByRole('heading', { name: 'Sign-ins' }).scrollIntoViewIfNeeded();
    await screenshots(m, '42-sign-ins');

    await row.getByRole('button', { name: 'This wasn’t me' }).click();
    const dialog = m.getByRole('dialog', { name: 'This wasn’t you?' });
    await dialog.getByText('will be ended now').waitFor();
    expect(await seriousAxeViolations(m)).toEqual([]);
    await dialog.getByRole('button', { name: 'End this sign-in' }).click();
    await m.getByText('That sign-in has been ended.').waitFor();
    await row.getByText('ended because you said it wasn’t you').waitFor();
    expect(await row.getByRole('button', { name: 'This wasn’t me' }).count()).toBe(0);

    await t.request().get('/api/me').set('Authorization', intruderAuth).expect(401);
    await t
      .request()
      .post('/api/auth/refresh')
      .send({ refreshToken: intruder.body.tokens.refreshToken })
      .expect(401);
    await m.reload();
    await m.getByRole('heading', { name: 'Sign-ins' }).waitFor();
    await m.locator('.sign-ins li', { hasText: 'This device' }).waitFor();
  });

  // Awake, the socket's notice tells the screen; asleep (offline), it learns from its refresh when it wakes.
  it.each([
    ['open', false],
    ['offline', true],
  ])(
    "a screen %s when its sign-in is ended as not mine forgets itself: no journal left behind a 'sign in again' dialog",
    async (_state, asleep) => {
      const other = await newContext(browser);
      try {
        await signInThroughPage(other.page, t.url, wren.email, GOOD_PASSWORD);
        await other.page.goto(`${t.url}/journal`);
        await other.page.getByRole('heading', { name: 'Journal' }).first().waitFor();
        const signIns = await t.request().get('/api/me/sign-ins').set('Authorization', wren.auth).expect(200);
        const newest = (signIns.body as { id: string; startedAt: string }[]).reduce((a, b) =>
          a.startedAt > b.startedAt ? a : b,
        );
        if (asleep) {
          await other.context.setOffline(true);
          await other.page.waitForFunction(
            () => !(globalThis as unknown as { navigator: { onLine: boolean } }).navigator.onLine,
          );
        }
        await t
          .request()
          .post(`/api/me/sign-ins/${newest.id}/not-me`)
          .set('Authorization', wren.auth)
          .expect(200);
        if (asleep) await other.context.setOffline(false);
        await other.page.getByRole('heading', { name: 'Welcome back' }).waitFor();
        expect(await other.page.getByRole('dialog', { name: 'Please sign in again' }).count()).toBe(0);
        expect(
          await other.page.evaluate(() =>
            (
              globalThis as unknown as { localStorage: { getItem(key: string): string | null } }
            ).localStorage.getItem('hearth.refresh'),
          ),
        ).toBeNull();
      } finally {
        await other.context.close();
      }
    },
  );

  it('sign out ends the session on the server and forgets it on this device', async () => {
    const storage = () =>
      m.evaluate(() => {
        const g = globalThis as unknown as { localStorage: object; sessionStorage: object };
        return [...Object.keys(g.localStorage), ...Object.keys(g.sessionStorage)].filter((k) =>
          k.startsWith('hearth.'),
        );
      });
    const refreshToken = await m.evaluate(() =>
      (globalThis as unknown as { localStorage: { getItem(k: string): string | null } }).localStorage.getItem(
        'hearth.refresh',
      ),
    );
    await m.getByRole('button', { name: 'Sign out of this device' }).click();
    await m.waitForURL(/\/signin/);
    expect(await storage()).toEqual([]);
    await t.request().post('/api/auth/refresh').send({ refreshToken }).expect(401);
    await signInThroughPage(m, t.url, wren.email, GOOD_PASSWORD);
    await m.goto(`${t.url}/account`);
  });

  it('change the password; the old one stops working', async () => {
    const newPassword = 'evening tide over the harbour';
    await m.getByLabel('Current password').fill(GOOD_PASSWORD);
    await m.getByLabel('New password').fill(newPassword);
    await m.getByRole('button', { name: 'Change password' }).click();
    await m.getByText('Password changed.').waitFor();
    await signIn(t, wren.email, GOOD_PASSWORD).expect(401);
    await signIn(t, wren.email, newPassword).expect(200);
    wren.password = newPassword;
  });

  it('delete my account, after confirming with the password: it is gone, and so is this device’s session', async () => {
    await m.getByRole('button', { name: 'Delete my account' }).click();
    const dialog = m.getByRole('dialog', { name: 'Delete your account?' });
    expect(await seriousAxeViolations(m)).toEqual([]);
    await dialog.getByLabel('Your password, to confirm').fill('not my password at all');
    await dialog.getByRole('button', { name: 'Delete for good' }).click();
    // The server's own words, beside the field they are about (and announced through aria-describedby).
    await dialog.getByText('password is incorrect').waitFor();
    await dialog.getByLabel('Your password, to confirm').fill(wren.password);
    await dialog.getByRole('button', { name: 'Delete for good' }).click();
    // It ends on a page that says so (issue 17, item 11), loaded afresh.
    await m.waitForURL(/\/account-deleted$/);
    await m.getByRole('heading', { name: 'Your account has been deleted' }).waitFor();
    expect(
      await m.evaluate(() => Object.keys((globalThis as unknown as { localStorage: object }).localStorage)),
    ).toEqual([]);
    await signIn(t, wren.email, wren.password).expect(401);
    expect(csp).toEqual([[]]);
  });

  it('admin: roles, blocked terms, crisis resources and every group', async () => {
    const context = await newContext(browser, LAPTOP);
    const page = context.page;
    const ash = await registerUser(t, { displayName: 'Ash Rowan' });
    await signInThroughPage(page, t.url, admin.email, GOOD_PASSWORD);
    await page.goto(`${t.url}/admin`);
    await page.getByRole('button', { name: 'Change role: Ash Rowan' }).click();
    const roleDialog = page.getByRole('dialog', { name: 'Role of Ash Rowan' });
    await roleDialog.getByRole('radio', { name: /Facilitator/ }).check();
    await roleDialog.getByRole('button', { name: 'Change to Facilitator' }).click();
    await page.getByText('Ash Rowan’s role is now Facilitator.').waitFor();
    const list = await t.request().get('/api/admin/users?q=Ash').set('Authorization', admin.auth).expect(200);
    expect(list.body.items).toEqual([expect.objectContaining({ id: ash.id, role: 'facilitator' })]);

    await page.getByRole('textbox', { name: 'Term', exact: true }).fill('casino');
    await page.getByLabel('Then').selectOption('hold');
    await page.getByRole('button', { name: 'Add term' }).click();
    const term = page.getByRole('listitem').filter({ hasText: '“casino”: hold it for review' });
    await term.waitFor();
    await term.getByRole('button', { name: 'Remove' }).click();
    await term.waitFor({ state: 'detached' });

    const resources = page.locator('form', { has: page.getByRole('heading', { name: 'Crisis lines' }) });
    await resources.getByLabel('Country').fill('GB');
    for (let i = await resources.getByRole('button', { name: /^Remove line/ }).count(); i > 1; i--) {
      await resources.getByRole('button', { name: `Remove line ${i}` }).click();
    }
    const line = resources.getByRole('group', { name: 'Line 1' });
    await line.getByLabel('Name').fill('Samaritans');
    await line.getByLabel('What it is and when to call').fill('Someone to talk to, any time.');
    await line.getByLabel('Phone number (optional)').fill('116 123');
    await line.getByLabel('Text (optional)').fill('');
    await line.getByLabel('Website (optional)').fill('');
    await resources.getByRole('button', { name: 'Save the lines in English' }).click();
    await resources.getByText('The lines in English are saved.').waitFor();
    const saved = await t
      .request()
      .get('/api/admin/crisis-resources')
      .set('Authorization', admin.auth)
      .expect(200);
    expect(saved.body).toMatchObject({ country: 'GB', resources: [{ name: 'Samaritans' }] });

    await page.getByRole('link', { name: 'Harbour Circle' }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshots(page, '41-admin');
    expect(context.cspViolations).toEqual([]);
    await context.context.close();
  });
});
