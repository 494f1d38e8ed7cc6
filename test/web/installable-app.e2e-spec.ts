import { createECDH } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { jest } from '@jest/globals';
import type { Browser, BrowserContext, Page, Worker } from 'playwright-core';

import { createTestApp, type TestApp } from '../support/app.js';
import {
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
import { createAccount, GOOD_PASSWORD, registerUser, type TestUser } from '../support/users.js';
import { inRoom, say } from '../moderation/support.js';

const CRISIS_PATH = '/api/me/moderation/crisis-resources';
const WARMLINE = 'Riverside County Warmline';

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** A VAPID public key as a server would publish it: an uncompressed P-256 point, base64url. */
const PUBLIC_KEY = createECDH('prime256v1').generateKeys().toString('base64url');

/**
 * A server with a push key this test knows and one device on record. Headless Chromium has no push service to
 * subscribe with, so the device list is answered here; the server's own endpoints are tested in
 * test/notifications against a push service that decrypts.
 */
async function withPushKey(page: Page): Promise<void> {
  const devices = [{ id: 'phone-1', label: 'Chrome on Android', createdAt: '2026-11-30T18:00:00.000Z' }];
  await page.route('**/api/me/push-subscriptions**', async (route) => {
    if (route.request().method() === 'DELETE') {
      devices.splice(
        devices.findIndex((d) => route.request().url().endsWith(d.id)),
        1,
      );
      return route.fulfill({ status: 204 });
    }
    await route.fulfill({ json: devices });
  });
  await page.route('**/api/instance', async (route) => {
    const response = await route.fetch();
    await route.fulfill({
      response,
      json: { ...(await response.json()), webPush: { publicKey: PUBLIC_KEY }, email: false },
    });
  });
}

/** Polls `read` until `done` holds of what it returns (at most `ms`), and returns that. */
async function until<T>(read: () => T | Promise<T>, done: (value: T) => boolean, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > end) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The service worker of a context, once it runs. */
async function workerOf(context: BrowserContext): Promise<Worker> {
  return context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
}

/** Waits until the page is controlled by the service worker (it claims the page on its first activation). */
async function controlled(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const nav = globalThis as unknown as { navigator: { serviceWorker: { controller: unknown } } };
    return nav.navigator.serviceWorker.controller !== null;
  });
}

/** Every request URL stored in Cache Storage, by cache name, as paths. */
function cachedPaths(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(async () => {
    const storage = (
      globalThis as unknown as {
        caches: {
          keys(): Promise<string[]>;
          open(name: string): Promise<{ keys(): Promise<{ url: string }[]> }>;
        };
      }
    ).caches;
    const out: Record<string, string[]> = {};
    for (const name of await storage.keys()) {
      const cache = await storage.open(name);
      out[name] = (await cache.keys()).map((request) => {
        const url = new URL(request.url);
        return url.pathname + url.search;
      });
    }
    return out;
  });
}

/**
 * The installable app in Chromium: the manifest and its icons, the service worker (installs, controls the page,
 * keeps the shell and nothing private), a push delivered through the DevTools protocol shown as a notification
 * whose tap opens the incident, and Help now with the network off.
 */
describeInBrowser('Web client: the installable app', () => {
  let t: TestApp;
  let browser: Browser;
  let admin: TestUser;
  let facilitator: TestUser;
  let member: TestUser;
  let group: GroupCard;
  let incidentId: string;
  let serverClosed = false;

  jest.setTimeout(120_000);

  beforeAll(async () => {
    ensureWebBuilt();
    t = await createTestApp({ env: { WEB_ROOT, CHAT_RATE_LIMIT: '1000' } });
    admin = await registerUser(t, { displayName: 'Admin' });
    facilitator = await createAccount(t, admin, 'facilitator', 'Fern');
    member = await registerUser(t, { displayName: 'Mira' });
    group = await createGroup(t, facilitator, {
      name: 'Dawn Circle',
      description: 'For new parents after KAP.',
      facilitatorPseudonym: 'Fern',
    });
    await addActiveMember(t, facilitator, group.id, member, 'Mira');
    const put = await t
      .request()
      .put('/api/admin/crisis-resources')
      .set('Authorization', admin.auth)
      .send({
        country: 'US',
        resources: [
          { name: WARMLINE, description: 'Someone local to talk to, evenings.', phone: '1-555-010-0199' },
          { name: 'Emergency services', description: 'In danger now: call 911.', phone: '911' },
        ],
      });
    expect(put.status).toBe(200);
    const socket = await inRoom(t, member, group.id);
    const ack = await say(socket, group.id, 'I want to kill myself tonight');
    expect(ack.ok).toBe(true);
    socket.disconnect();
    const incidents = await t
      .request()
      .get(`/api/groups/${group.id}/moderation/incidents`)
      .set('Authorization', facilitator.auth);
    expect(incidents.body).toHaveLength(1);
    incidentId = incidents.body[0].id;
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
    if (!serverClosed) await t?.close();
  });

  it('serves a valid manifest, linked from the page, with icons of the sizes it names, and the worker revalidated', async () => {
    const response = await t.request().get('/manifest.webmanifest');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/application\/manifest\+json/);
    const manifest = JSON.parse(response.text) as {
      name: string;
      short_name: string;
      start_url: string;
      scope: string;
      display: string;
      theme_color: string;
      background_color: string;
      icons: { src: string; sizes: string; type: string; purpose: string }[];
    };
    expect(manifest).toMatchObject({
      name: 'Hearth',
      short_name: 'Hearth',
      start_url: '/',
      scope: '/',
      display: 'standalone',
      theme_color: '#2f5d4e',
      background_color: '#f7f3ec',
    });
    expect(manifest.icons.map((i) => `${i.sizes} ${i.purpose}`)).toEqual([
      '192x192 any',
      '512x512 any',
      '512x512 maskable',
    ]);
    for (const icon of [
      ...manifest.icons,
      { src: '/apple-touch-icon.png', sizes: '180x180', type: 'image/png' },
    ]) {
      const png = await t.request().get(icon.src).buffer(true);
      expect(png.status).toBe(200);
      expect(png.headers['content-type']).toBe(icon.type);
      const { width, height } = pngSize(png.body as Buffer);
      expect(`${width}x${height}`).toBe(icon.sizes);
    }

    // The worker is revalidated on every check, so a deploy reaches devices at their next visit.
    const worker = await t.request().get('/sw.js').expect(200);
    expect(worker.headers['content-type']).toMatch(/javascript/);
    expect(worker.headers['cache-control']).toBe('no-cache');
    expect(worker.text).not.toContain('__HEARTH_SW_');

    const { context, page } = await newContext(browser);
    await page.goto(t.url);
    expect(await page.locator('link[rel="manifest"]').getAttribute('href')).toBe('/manifest.webmanifest');
    expect(await page.locator('link[rel="apple-touch-icon"]').getAttribute('href')).toBe(
      '/apple-touch-icon.png',
    );
    expect(await page.locator('meta[name="theme-color"]').getAttribute('content')).toBe('#2f5d4e');
    // Chromium's own reading of the manifest: no errors, and it sees the icons.
    const cdp = await context.newCDPSession(page);
    const app = (await cdp.send('Page.getAppManifest')) as { errors: unknown[]; url: string };
    expect(app.errors).toEqual([]);
    expect(app.url).toBe(`${t.url}/manifest.webmanifest`);
    await context.close();
  });

  it('a push delivered through the DevTools protocol shows a notification; tapping it opens the incident, ready to acknowledge', async () => {
    const { context, page, cspViolations } = await newContext(browser);
    await context.grantPermissions(['notifications'], { origin: t.url });
    await signInThroughPage(page, t.url, facilitator.email, GOOD_PASSWORD);
    await controlled(page);
    const worker = await workerOf(context);
    expect(new URL(worker.url()).pathname).toBe('/sw.js');

    const shell = Object.entries(await cachedPaths(page)).find(([name]) => name.startsWith('hearth-shell-'));
    expect(shell?.[1]).toEqual(
      expect.arrayContaining([
        '/index.html',
        '/manifest.webmanifest',
        '/icon-192.png',
        expect.stringMatching(/^\/assets\/index-.*\.js$/),
      ]),
    );

    const cdp = await context.newCDPSession(page);
    const registrations: { registrationId: string; scopeURL: string }[] = [];
    cdp.on('ServiceWorker.workerRegistrationUpdated', (event) => registrations.push(...event.registrations));
    await cdp.send('ServiceWorker.enable');
    await until(
      () => registrations.length,
      (n) => n > 0,
    );
    const registration = registrations.find((r) => r.scopeURL === `${t.url}/`);
    expect(registration).toBeDefined();

    const url = `/groups/${group.id}/console?tab=incidents&incident=${incidentId}`;
    const errors: string[] = [];
    cdp.on('ServiceWorker.workerErrorReported', (event) => errors.push(event.errorMessage.errorMessage));
    const deliver = () =>
      cdp.send('ServiceWorker.deliverPushMessage', {
        origin: t.url,
        registrationId: registration!.registrationId,
        data: JSON.stringify({
          title: 'Someone in your group may need support',
          body: 'Open Hearth to see the incident.',
          url,
          tag: `incident-${incidentId}`,
          kind: 'crisis',
          requireInteraction: true,
        }),
      });
    const shown = () =>
      worker.evaluate(async () => {
        const sw = globalThis as unknown as {
          registration: {
            getNotifications(): Promise<
              {
                title: string;
                body: string;
                tag: string;
                icon: string;
                badge: string;
                requireInteraction: boolean;
                data: unknown;
              }[]
            >;
          };
        };
        return (await sw.registration.getNotifications()).map((n) => ({
          title: n.title,
          body: n.body,
          tag: n.tag,
          icon: n.icon,
          badge: n.badge,
          requireInteraction: n.requireInteraction,
          data: n.data,
        }));
      });
    // Now and then Chromium drops a push delivered through DevTools (the worker never sees it); a repeat with the
    // same tag replaces the notification, as the server's repeats of an unacknowledged incident do.
    for (let attempt = 0; attempt < 3 && (await shown()).length === 0; attempt++) {
      await deliver();
      await until(shown, (n) => n.length > 0, 4_000);
    }
    expect(errors).toEqual([]);
    expect(await shown()).toHaveLength(1);
    expect((await shown())[0]).toEqual({
      title: 'Someone in your group may need support',
      body: 'Open Hearth to see the incident.',
      tag: `incident-${incidentId}`,
      icon: `${t.url}/icon-192.png`,
      badge: `${t.url}/badge-96.png`,
      requireInteraction: true,
      data: { url, kind: 'crisis' },
    });

    await page.goto(`${t.url}/journal`);
    // No DevTools command taps a notification: the worker's own handler runs on a NotificationEvent carrying the
    // notification the push showed.
    await worker.evaluate(async () => {
      const sw = globalThis as unknown as {
        registration: { getNotifications(): Promise<object[]> };
        NotificationEvent: new (type: string, init: { notification: object }) => Event;
        dispatchEvent(event: Event): boolean;
      };
      const [notification] = await sw.registration.getNotifications();
      sw.dispatchEvent(new sw.NotificationEvent('notificationclick', { notification }));
    });
    await page.waitForURL(`${t.url}${url}`);
    const card = page.locator('.card.incident-linked');
    await card.getByText('From your notification').waitFor();
    expect(await card.locator('textarea').evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    expect(await until(shown, (n) => n.length === 0)).toEqual([]);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshots(page, '90-incident-from-notification');
    // The alert on top of every screen still calls for her: she came by the notification, not by its button.
    const alert = page.locator('.crisis-alert');
    await alert.waitFor();
    await page.keyboard.type('Called her; she is safe with her partner.');
    await card.getByRole('button', { name: 'Acknowledge' }).click();
    await page.locator('.incident-acknowledged').waitFor();
    // Answered, it goes: no "Someone may need support" above a card that says it is acknowledged.
    await alert.waitFor({ state: 'detached', timeout: 5_000 });
    expect(cspViolations).toEqual([]);
    await context.close();
  });

  it('a push whose link leaves Hearth opens the home screen instead', async () => {
    const { context, page } = await newContext(browser);
    await context.grantPermissions(['notifications'], { origin: t.url });
    await signInThroughPage(page, t.url, member.email, GOOD_PASSWORD);
    await controlled(page);
    const worker = await workerOf(context);
    const cdp = await context.newCDPSession(page);
    const registrations: { registrationId: string }[] = [];
    cdp.on('ServiceWorker.workerRegistrationUpdated', (event) => registrations.push(...event.registrations));
    await cdp.send('ServiceWorker.enable');
    await until(
      () => registrations.length,
      (n) => n > 0,
    );
    const shownUrls = () =>
      worker.evaluate(async () => {
        const sw = globalThis as unknown as {
          registration: { getNotifications(): Promise<{ data: { url: string } }[]> };
        };
        return (await sw.registration.getNotifications()).map((n) => n.data.url);
      });
    const links = ['https://example.org/phish', '//example.org/x', 'javascript:alert(1)'];
    for (const [index, url] of links.entries()) {
      // Repeated when Chromium drops a DevTools push (see the test above); each has its own tag.
      for (let attempt = 0; attempt < 3 && (await shownUrls()).length <= index; attempt++) {
        await cdp.send('ServiceWorker.deliverPushMessage', {
          origin: t.url,
          registrationId: registrations[0].registrationId,
          data: JSON.stringify({ title: 'New messages', body: '', url, tag: url, kind: 'messages' }),
        });
        await until(shownUrls, (urls) => urls.length > index, 4_000);
      }
    }
    expect(await shownUrls()).toEqual(['/', '/', '/']);
    await context.close();
  });

  it('keeps no /api/ answer but the crisis lines, and signing out keeps only the shell and those lines', async () => {
    const { context, page } = await newContext(browser);
    await signInThroughPage(page, t.url, facilitator.email, GOOD_PASSWORD);
    await controlled(page);
    for (const path of [
      '/',
      '/journal',
      `/groups/${group.id}`,
      `/groups/${group.id}/console?tab=incidents`,
      '/account',
    ]) {
      await page.goto(`${t.url}${path}`);
      await page.locator('main h1, main h2').first().waitFor();
    }
    await page.getByRole('button', { name: 'Help now' }).click();
    await page.getByRole('dialog', { name: 'Support is here' }).getByText(WARMLINE).waitFor();
    const everything = Object.values(await cachedPaths(page)).flat();
    const api = everything.filter((path) => path.startsWith('/api/'));
    expect(api).toEqual([CRISIS_PATH]);
    expect(everything.filter((path) => path.startsWith('/socket.io'))).toEqual([]);

    await page
      .getByRole('dialog', { name: 'Support is here' })
      .getByRole('button', { name: 'Close' })
      .click();
    await page.getByRole('link', { name: 'Account' }).click();
    await page.getByRole('button', { name: 'Sign out of this device' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    const names = Object.keys(await cachedPaths(page));
    expect(names.every((name) => /^hearth-(shell-|crisis-resources$|generations$)/.test(name))).toBe(true);
    await context.close();
  });

  it('a new worker takes over once its shell is stored; the open page keeps working and the next load runs the new app', async () => {
    const workerFile = join(WEB_ROOT, 'sw.js');
    const original = readFileSync(workerFile, 'utf8');
    const { context, page } = await newContext(browser);
    try {
      await signInThroughPage(page, t.url, facilitator.email, GOOD_PASSWORD);
      await controlled(page);
      const version = await (await workerOf(context)).evaluate('VERSION');
      // A deploy: the same worker with another version, as a build that changed the app writes it.
      writeFileSync(
        workerFile,
        original.replace(/const VERSION = "[^"]+"/, `const VERSION = "${version}-next"`),
      );
      const cdp = await context.newCDPSession(page);
      const versions = new Map<string, { status: string; controlledClients?: string[] }>();
      cdp.on('ServiceWorker.workerVersionUpdated', (event) => {
        for (const v of event.versions) versions.set(v.versionId, v);
      });
      await cdp.send('ServiceWorker.enable');
      await page.evaluate(async () => {
        const nav = globalThis as unknown as {
          navigator: { serviceWorker: { getRegistration(): Promise<{ update(): Promise<void> }> } };
        };
        await (await nav.navigator.serviceWorker.getRegistration()).update();
      });
      const statuses = () => [...versions.values()].map((v) => v.status).sort();
      expect(await until(statuses, (s) => s.join() === 'activated,redundant')).toEqual([
        'activated',
        'redundant',
      ]);
      const shells = async () =>
        Object.keys(await cachedPaths(page))
          .filter((name) => name.startsWith('hearth-shell-'))
          .sort();
      expect(await until(shells, (names) => names.length === 2)).toEqual(
        [`hearth-shell-${version}`, `hearth-shell-${version}-next`].sort(),
      );

      // The open page, now under the new worker, still moves between screens, opens a lazily loaded one and Help now.
      await controlled(page);
      await page.getByRole('link', { name: 'Journal' }).click();
      await page.getByRole('heading', { name: 'Journal', level: 1 }).waitFor();
      await page.getByRole('link', { name: 'Groups' }).click();
      await page.getByRole('link', { name: 'Facilitator console' }).click();
      // On a phone the console's sections are a menu.
      await page.getByLabel('Console section', { exact: true }).selectOption({ label: 'Crisis incidents' });
      await page.getByRole('heading', { name: 'Crisis incidents', level: 2 }).waitFor();
      await page.getByRole('button', { name: 'Help now' }).click();
      await page.getByRole('dialog', { name: 'Support is here' }).getByText(WARMLINE).waitFor();

      const next = await context.newPage();
      await next.goto(t.url);
      await next.getByRole('heading', { name: 'Your groups' }).waitFor();
      await controlled(next);
    } finally {
      writeFileSync(workerFile, original);
      await context.close();
    }
  });

  it('Account, notifications: says so when the server sends no pushes, and when the browser blocks them', async () => {
    const { context, page, cspViolations } = await newContext(browser);
    await page.route('**/api/instance', async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, json: { ...(await response.json()), webPush: null } });
    });
    await signInThroughPage(page, t.url, facilitator.email, GOOD_PASSWORD);
    await page.goto(`${t.url}/account`);
    const section = page.locator('#notifications');
    await section.getByText('This Hearth server does not send notifications to devices yet.').waitFor();
    expect(await section.getByRole('button', { name: /Turn on/ }).count()).toBe(0);
    // No webPush from the server: no prompt on the home screen either.
    await page.goto(t.url);
    await page.getByRole('heading', { name: 'Your groups' }).waitFor();
    expect(await page.locator('.notifications-prompt').count()).toBe(0);

    await page.unroute('**/api/instance');
    await withPushKey(page);
    // Chromium's own setting, as a person who once chose "Block" has it.
    const target = (await (await context.newCDPSession(page)).send('Target.getTargetInfo')) as {
      targetInfo: { browserContextId: string };
    };
    await (
      await browser.newBrowserCDPSession()
    ).send('Browser.setPermission', {
      permission: { name: 'notifications' },
      setting: 'denied',
      origin: t.url,
      browserContextId: target.targetInfo.browserContextId,
    });
    await page.goto(`${t.url}/account`);
    await section.getByText(/Notifications for Hearth are blocked in this browser/).waitFor();
    expect(await section.getByRole('button', { name: /Turn on/ }).count()).toBe(0);
    await section.getByRole('link', { name: 'How to add Hearth to your home screen' }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(cspViolations).toEqual([]);
    await context.close();
  });

  it('a facilitator is offered notifications once, on the home screen; asking the browser waits for a tap', async () => {
    const { context, page } = await newContext(browser);
    await withPushKey(page);
    await signInThroughPage(page, t.url, facilitator.email, GOOD_PASSWORD);
    const prompt = page.locator('.notifications-prompt');
    await prompt.getByRole('heading', { name: 'Crisis alerts when Hearth is closed' }).waitFor();
    expect(
      await page.evaluate(
        () => (globalThis as unknown as { Notification: { permission: string } }).Notification.permission,
      ),
    ).toBe('default');
    await prompt.getByRole('button', { name: 'Turn on notifications' }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshots(page, '92-notifications-prompt');
    await page.goto(`${t.url}/account`);
    await page
      .locator('#notifications')
      .getByRole('button', { name: 'Turn on notifications on this device' })
      .waitFor();
    await screenshots(page, '93-account-notifications');
    await page.goto(t.url);
    await prompt.getByRole('button', { name: 'Not now' }).click();
    await page.reload();
    await page.getByRole('heading', { name: 'Your groups' }).waitFor();
    expect(await prompt.count()).toBe(0);

    const memberContext = await newContext(browser);
    await withPushKey(memberContext.page);
    await signInThroughPage(memberContext.page, t.url, member.email, GOOD_PASSWORD);
    await memberContext.page.waitForTimeout(300);
    expect(await memberContext.page.locator('.notifications-prompt').count()).toBe(0);
    await memberContext.context.close();
    await context.close();
  });

  it('on an iPhone in Safari, notifications point to the home screen first', async () => {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      userAgent:
        'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
    });
    const page = await context.newPage();
    await withPushKey(page);
    await signInThroughPage(page, t.url, facilitator.email, GOOD_PASSWORD);
    const prompt = page.locator('.notifications-prompt');
    await prompt.getByText(/once Hearth is on your home screen/).waitFor();
    expect(await prompt.getByRole('button', { name: 'Turn on notifications' }).count()).toBe(0);
    await page.goto(`${t.url}/account`);
    const section = page.locator('#notifications');
    await section
      .getByText(
        /On iPhone and iPad, notifications work once Hearth is on your home screen \(iOS 16.4 or later\)/,
      )
      .waitFor();
    expect(await section.getByRole('button', { name: /Turn on/ }).count()).toBe(0);
    await section.getByRole('link', { name: 'How to add Hearth to your home screen' }).click();
    // On an iPhone, the iPhone steps come first (once the guide, which loads when opened, is on screen).
    await page.getByRole('heading', { name: 'Add Hearth to your home screen' }).waitFor();
    expect(await page.locator('main h2, .page h2').first().textContent()).toBe('iPhone and iPad');
    await context.close();
  });

  it('a facilitator is told when no alert can reach a closed Hearth (no pushes, no email)', async () => {
    const { context, page } = await newContext(browser);
    await page.route('**/api/instance', async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, json: { ...(await response.json()), webPush: null, email: false } });
    });
    await signInThroughPage(page, t.url, facilitator.email, GOOD_PASSWORD);
    await page.goto(`${t.url}/account`);
    await page
      .locator('#notifications')
      .getByText(
        /sends neither notifications nor email, so crisis alerts reach you only while Hearth is open/,
      )
      .waitFor();
    await context.close();
  });

  it('the install guide explains iPhone and Android, reachable from the account page', async () => {
    const { context, page, cspViolations } = await newContext(browser);
    await signInThroughPage(page, t.url, member.email, GOOD_PASSWORD);
    await page.goto(`${t.url}/account`);
    await page.getByRole('link', { name: 'How to add Hearth to your home screen' }).click();
    await page.getByRole('heading', { name: 'Add Hearth to your home screen' }).waitFor();
    await page.getByRole('heading', { name: 'iPhone and iPad' }).waitFor();
    await page.getByText(/tap “Add to Home Screen”/).waitFor();
    await page
      .getByText(/iOS 16.4 or later/)
      .first()
      .waitFor();
    await page.getByRole('heading', { name: 'Android' }).waitFor();
    await page.getByText(/“Install app” or “Add to Home screen”/).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshots(page, '94-install-guide');
    expect(cspViolations).toEqual([]);
    await context.close();
  });

  it('Help now without any network before the lines were ever fetched: the US lines built in', async () => {
    const { context, page } = await newContext(browser);
    await signInThroughPage(page, t.url, member.email, GOOD_PASSWORD);
    await controlled(page);
    await context.setOffline(true);
    await page.reload();
    await page.getByRole('heading', { name: 'You are offline' }).waitFor();
    await page.getByRole('button', { name: 'Help now' }).click();
    const dialog = page.getByRole('dialog', { name: 'Support is here' });
    await dialog.getByText(/You are offline\. These are the US lines built into Hearth/).waitFor();
    await dialog.getByText('Postpartum Support International HelpLine').waitFor();
    await dialog.getByText(/"HELP" \(English\) or "AYUDA" \(Spanish\) to 800-944-4773/).waitFor();
    await dialog.getByRole('link', { name: 'Call 988' }).waitFor();
    await dialog.getByRole('link', { name: 'Call 911' }).waitFor();
    expect(await dialog.getByText(WARMLINE).count()).toBe(0);
    await context.close();
  });

  /** A member signed in on a page the worker controls, who has opened Help now once (so its lines are stored). */
  async function signedInWithLinesStored() {
    const opened = await newContext(browser);
    await signInThroughPage(opened.page, t.url, member.email, GOOD_PASSWORD);
    await controlled(opened.page);
    await opened.page.getByRole('button', { name: 'Help now' }).click();
    await opened.page.getByRole('dialog', { name: 'Support is here' }).getByText(WARMLINE).waitFor();
    return opened;
  }

  it('a page whose network hangs rather than fails: the stored app appears within seconds, and Help now with it', async () => {
    const { context, page, cspViolations } = await signedInWithLinesStored();
    // The page itself and the crisis lines never answer (the worker's own requests included); the rest does.
    const hang = (url: URL) => url.pathname === '/journal' || url.pathname.endsWith('/crisis-resources');
    await context.route(hang, () => undefined);
    // Without the worker's timeout this waits for the browser's own (far past 20 s).
    await page.goto(`${t.url}/journal`, { timeout: 20_000 });
    await page.getByRole('heading', { name: 'Journal' }).first().waitFor({ timeout: 20_000 });
    await page.getByRole('button', { name: 'Help now' }).click();
    await page
      .getByRole('dialog', { name: 'Support is here' })
      .getByText(WARMLINE)
      .waitFor({ timeout: 20_000 });
    expect(cspViolations).toEqual([]);
    await context.close();
  });

  it('Help now with the network off after one visit: the app shell loads and shows the lines last fetched, saying it is offline', async () => {
    const { context, page, cspViolations } = await signedInWithLinesStored();

    await context.setOffline(true);
    // The server goes too, so that nothing (the worker's own fetches included) can reach it.
    await t.close();
    serverClosed = true;
    await page.goto(`${t.url}/journal`);
    await page.getByRole('heading', { name: 'You are offline' }).waitFor();
    await page.getByRole('button', { name: 'Help now' }).click();
    const dialog = page.getByRole('dialog', { name: 'Support is here' });
    await dialog.getByText(/You are offline\. These are the lines Hearth last loaded/).waitFor();
    await dialog.getByText(WARMLINE).waitFor();
    await dialog.getByRole('link', { name: 'Call 1-555-010-0199' }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshots(page, '91-help-now-offline');
    expect(cspViolations).toEqual([]);
    await context.close();
  });
});
