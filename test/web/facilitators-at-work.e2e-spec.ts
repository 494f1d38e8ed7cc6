import { jest } from '@jest/globals';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';

import type { ServerToClientEvents } from '@hearth/contracts';

import { createTestApp, type TestApp } from '../support/app.js';
import {
  describeInBrowser,
  ensureWebBuilt,
  LAPTOP,
  launch,
  moreActions,
  newContext,
  PHONE,
  screenshots,
  seriousAxeViolations,
  signInThroughPage,
  WEB_ROOT,
} from '../support/browser.js';
import { addActiveMember, createGroup, type GroupCard } from '../support/groups.js';
import { collect, until, type ClientSocket } from '../support/sockets.js';
import { createAccount, GOOD_PASSWORD, registerUser, type TestUser } from '../support/users.js';
import { inRoom, said, say } from '../moderation/support.js';

type Notice = Parameters<ServerToClientEvents['notice']>[0];

/** Every visible button, select and link-button in `scope` is at least 44 px tall. */
async function expectTouchSized(scope: Locator): Promise<void> {
  const controls = scope.locator('button:visible, select:visible, a.button:visible');
  for (let i = 0; i < (await controls.count()); i++) {
    const box = await controls.nth(i).boundingBox();
    expect(box && Math.round(box.height)).toBeGreaterThanOrEqual(44);
  }
}

/** The page never scrolls sideways at 360 px. */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const size = page.viewportSize()!;
  await page.setViewportSize({ width: 360, height: size.height });
  const overflow = await page.evaluate(() => {
    const root = (
      globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }
    ).document.documentElement;
    return root.scrollWidth - root.clientWidth;
  });
  expect(overflow).toBeLessThanOrEqual(0);
  await page.setViewportSize(size);
}

/**
 * Facilitators at work (issue 17, round two), at a phone's width and a desktop's: moderating from the message
 * itself, incident cards that say who and what, and the console and its audit log on a phone.
 */
describeInBrowser('Web client: facilitators at work', () => {
  let t: TestApp;
  let browser: Browser;
  let admin: TestUser;
  let facilitator: TestUser;
  const sockets: ClientSocket[] = [];

  jest.setTimeout(120_000);

  beforeAll(async () => {
    ensureWebBuilt();
    t = await createTestApp({
      env: { WEB_ROOT, CHAT_RATE_LIMIT: '1000', CRISIS_ESCALATION_MINUTES: '120' },
    });
    admin = await registerUser(t, { displayName: 'Admin' });
    facilitator = await createAccount(t, admin, 'facilitator', 'Fern');
    browser = await launch();
  });

  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await browser?.close();
    await t?.close();
  });

  for (const viewport of [PHONE, LAPTOP]) {
    describe(`at ${viewport.width} px`, () => {
      let group: GroupCard;
      let wren: TestUser;
      let wrenSocket: ClientSocket;
      let ashSocket: ClientSocket;
      let notices: Notice[];
      let context: BrowserContext;
      let f: Page;
      let csp: string[];

      beforeAll(async () => {
        wren = await registerUser(t, { displayName: 'Wren Account' });
        const ash = await registerUser(t, { displayName: 'Ash Account' });
        group = await createGroup(t, facilitator, {
          name: `Dawn Circle ${viewport.width}`,
          facilitatorPseudonym: 'Fern',
        });
        await addActiveMember(t, facilitator, group.id, wren, 'Wren');
        await addActiveMember(t, facilitator, group.id, ash, 'Ash');
        wrenSocket = await inRoom(t, wren, group.id);
        ashSocket = await inRoom(t, ash, group.id);
        sockets.push(wrenSocket, ashSocket);
        notices = collect(wrenSocket, 'notice');
        await said(wrenSocket, group.id, 'You all talk too much');
        await said(ashSocket, group.id, 'How was your week, Wren?');
        await said(wrenSocket, group.id, 'This group is a joke and so are all of you');
        await said(wrenSocket, group.id, 'Nobody here listens anyway');
        await said(ashSocket, group.id, 'That sounds hard. I am here.');
        await said(wrenSocket, group.id, 'Going quiet for a bit, it feels lighter');
        ({ context, page: f, cspViolations: csp } = await newContext(browser, viewport));
        await signInThroughPage(f, t.url, facilitator.email, GOOD_PASSWORD);
      });

      afterAll(async () => {
        expect(csp).toEqual([]);
        await context?.close();
      });

      const messageBy = (text: string) => f.locator('li.message', { hasText: text });

      const openModeration = async (text: string, step: RegExp) => {
        const message = messageBy(text);
        await moreActions(message).click();
        const menu = message.getByRole('menu');
        await expectTouchSized(menu);
        await menu.getByRole('menuitem', { name: step }).click();
      };

      it('removes a message from the message itself, with a reason the member is told', async () => {
        await f.goto(`${t.url}/groups/${group.id}`);
        const message = messageBy('This group is a joke');
        await message.waitFor();
        await expect(moreActions(message).getAttribute('aria-expanded')).resolves.toBe('false');

        await openModeration('This group is a joke', /^Remove message/);
        const dialog = f.getByRole('dialog', { name: 'Remove Wren’s message' });
        await dialog.waitFor();
        expect(await dialog.locator(':focus').count()).toBe(1);
        await f.keyboard.press('Escape');
        await dialog.waitFor({ state: 'hidden' });
        // Focus goes back to where the facilitator was: the message's menu button.
        expect(await f.locator(':focus').getAttribute('aria-label')).toBe('More actions for Wren');

        await openModeration('This group is a joke', /^Remove message/);
        await dialog.getByText('This group is a joke and so are all of you').waitFor();
        await dialog.getByLabel('Reason (Wren is told this)').fill('Please keep it kind to each other.');
        expect(await seriousAxeViolations(f)).toEqual([]);
        await expectTouchSized(dialog);
        await expectNoSidewaysScroll(f);
        await dialog.getByRole('button', { name: 'Remove message' }).click();
        await dialog.getByText(/Removed\. Wren is told why/).waitFor();
        await screenshots(f, 'facilitators-remove-done');
        await dialog.getByRole('button', { name: 'Done' }).click();
        await f.getByText('A facilitator removed this message.').waitFor();
        await until(() => notices.some((n) => n.kind === 'moderation.message_removed'), 'the author is told');
        expect(notices.find((n) => n.kind === 'moderation.message_removed')).toMatchObject({
          reason: 'Please keep it kind to each other.',
        });
      });

      it('mutes the author for a chosen time, with a reason', async () => {
        await openModeration('Nobody here listens anyway', /^Mute Wren/);
        const dialog = f.getByRole('dialog', { name: 'Mute Wren' });
        await dialog.getByLabel('Mute for').selectOption({ label: '1 day' });
        await dialog.getByLabel('Reason (Wren is told this)').fill('Let us take a breath until tomorrow.');
        expect(await seriousAxeViolations(f)).toEqual([]);
        await dialog.getByRole('button', { name: 'Mute', exact: true }).click();
        await dialog.getByText('Wren is muted.', { exact: false }).waitFor();
        await dialog.getByRole('button', { name: 'Done' }).click();
        await until(() => notices.some((n) => n.kind === 'moderation.muted'), 'the author is told');
        const refused = await say(wrenSocket, group.id, 'can I still post?');
        expect(refused.ok).toBe(false);
      });

      it('opens a crisis incident about a message, and the console card says who, what and in what context', async () => {
        await openModeration('Going quiet for a bit, it feels lighter', /^Open crisis incident/);
        const dialog = f.getByRole('dialog', { name: 'Open a crisis incident about Wren' });
        await dialog.getByLabel(/^Urgent/).check();
        await dialog.getByLabel('What it is about').selectOption({ label: 'Thoughts of suicide' });
        expect(await seriousAxeViolations(f)).toEqual([]);
        await expectTouchSized(dialog);
        await dialog.getByRole('button', { name: 'Open incident' }).click();
        await dialog.getByText('Incident opened.', { exact: false }).waitFor();
        await dialog.getByRole('link', { name: 'See it in the console' }).click();

        const card = f.locator('.incident', { hasText: 'Going quiet for a bit, it feels lighter' });
        await card.getByRole('heading', { name: /Wren · Thoughts of suicide/ }).waitFor();
        const text = await card.textContent();
        expect(text).toContain('Urgent');
        expect(text).toContain(`Dawn Circle ${viewport.width}`);
        expect(text).toContain('opened by a facilitator');
        expect(text).toMatch(/Open (less than a minute|1 min)/);
        // The message in context: the few before it, oldest first.
        const lines = await card.locator('.incident-context li').allTextContents();
        expect(lines.length).toBe(4);
        expect(lines[2]).toContain('Ash:');
        expect(lines[3]).toContain('The message');
        expect(lines[3]).toContain('Going quiet for a bit, it feels lighter');
        expect(text).not.toMatch(/\b(detector|crisis_concern|self_harm|harm_to_\w+)\b|· suicide/);
        expect(await seriousAxeViolations(f)).toEqual([]);
        await expectNoSidewaysScroll(f);
      });

      it('incident cards: open first, how long open, who acknowledged and what they noted; no raw codes', async () => {
        let openedAt: string | undefined;
        // Words of crisis open an incident by themselves (the detector); the browser reads it twelve minutes on.
        await say(ashSocket, group.id, 'I honestly want to die, I cannot do this anymore');
        await until(async () => {
          const incidents = await t
            .request()
            .get(`/api/groups/${group.id}/moderation/incidents?status=open`)
            .set('Authorization', facilitator.auth);
          openedAt = (incidents.body as { source: string; openedAt: string }[]).find(
            (i) => i.source === 'detector',
          )?.openedAt;
          return openedAt !== undefined;
        }, 'the detector’s incident');
        await context.clock.setFixedTime(new Date(Date.parse(openedAt!) + 12 * 60_000 + 20_000));
        await f.goto(`${t.url}/groups/${group.id}/console?tab=incidents`);
        const ashCard = f.locator('.incident', { hasText: 'I honestly want to die' });
        await ashCard.getByRole('heading', { name: /Ash · Thoughts of suicide/ }).waitFor();
        expect(await ashCard.textContent()).toMatch(/Open 12 min/);
        expect(await ashCard.textContent()).toContain('crisis words in their message');

        await ashCard
          .getByLabel('What you did or decided')
          .fill('Called Ash; safe with her partner tonight.');
        await ashCard.getByRole('button', { name: 'Acknowledge' }).click();
        await ashCard.getByText(/Acknowledged by Fern/).waitFor();
        await ashCard.getByText('Called Ash; safe with her partner tonight.', { exact: false }).waitFor();
        expect(await ashCard.locator('.notes').textContent()).toContain('Fern');

        const cards = f.locator('.incident');
        const statuses = await cards.evaluateAll((items) =>
          items.map((item) => (item as unknown as { className: string }).className),
        );
        const firstNotOpen = statuses.findIndex((c) => !c.includes('incident-open'));
        expect(firstNotOpen).toBeGreaterThan(0);
        expect(statuses.slice(firstNotOpen).every((c) => !c.includes('incident-open'))).toBe(true);
        const all = await f.locator('#console-panel').textContent();
        expect(all).not.toMatch(/\bself_harm\b|\bharm_to_\w+|\bsuicide ·|· suicide\b/);
        expect(all).not.toContain(wren.email);
        expect(await seriousAxeViolations(f)).toEqual([]);
        await screenshots(f, 'facilitators-incidents');
        await expectNoSidewaysScroll(f);
        await context.clock.resume();
      });

      it('the console navigates compactly on a phone and the audit log says who did what to whom, and why', async () => {
        await f.goto(`${t.url}/groups/${group.id}/console`);
        const select = f.getByLabel('Console section', { exact: true });
        if (viewport.width < 600) {
          await select.selectOption({ label: 'Audit log' });
          expect(await f.getByRole('tablist').isVisible()).toBe(false);
          const box = (await select.boundingBox())!;
          expect(box.height).toBeGreaterThanOrEqual(44);
        } else {
          expect(await select.isVisible()).toBe(false);
          await f.getByRole('tab', { name: 'Audit log' }).click();
        }
        await f.getByRole('heading', { name: 'Audit log' }).waitFor();
        const removed = f.getByRole('row', { name: /removed a message by/ });
        await removed.waitFor();
        const row = await removed.textContent();
        expect(row).toContain('Fern');
        expect(row).toContain('Wren');
        expect(row).toContain('Please keep it kind to each other.');
        if (viewport.width < 600) {
          // On a phone each entry opens with one sentence, who did what to whom, then why and when below it
          // (it read "removed a message by" and "To whom: Wren" on rows of their own).
          const lines = (await removed.innerText()).split('\n').filter((line) => line.trim());
          expect(lines[0]).toBe('Fern removed a message by Wren');
          expect(lines[1]).toContain('Please keep it kind to each other.');
        }
        const muted = await f.getByRole('row', { name: /muted/ }).first().textContent();
        expect(muted).toContain('Let us take a breath until tomorrow.');
        const opened = await f.getByRole('row', { name: /opened a crisis incident about/ }).allTextContents();
        expect(opened.join(' ')).toContain('Thoughts of suicide, opened by a facilitator');
        const table = (await f.locator('.audit-table').textContent()) ?? '';
        expect(table).not.toMatch(/message\.removed|member\.muted|incident\.opened|@/);
        expect(await seriousAxeViolations(f)).toEqual([]);
        await expectTouchSized(f.locator('#console-panel'));
        await screenshots(f, 'facilitators-audit');
        await expectNoSidewaysScroll(f);
      });

      it('a removal while its author is away: she reads why on her tombstone when she is back, once, also after a reload', async () => {
        // In Spanish on the phone, in English on the desktop.
        const spanish = viewport === PHONE;
        const place = { locale: spanish ? 'es-ES' : 'en-US' };
        const told = (reason: string) =>
          spanish ? `Quitado por una persona facilitadora: ${reason}` : `Removed by a facilitator: ${reason}`;
        const timesSaid = async (page: Page, reason: string) =>
          (await page.locator('body').innerText()).split(reason).length - 1;
        const remove = async (text: string, reason: string) => {
          const history = await t
            .request()
            .get(`/api/groups/${group.id}/messages`)
            .set('Authorization', facilitator.auth)
            .expect(200);
          const message = (history.body as { id: string; body: string | null }[]).find(
            (m) => m.body === text,
          )!;
          await t
            .request()
            .post(`/api/groups/${group.id}/moderation/messages/${message.id}/remove`)
            .set('Authorization', facilitator.auth)
            .send({ reason })
            .expect(200);
        };

        // Her phone loses the network with the room open; it comes back to the tombstone and the reason.
        const away = await newContext(browser, viewport, place);
        await signInThroughPage(away.page, t.url, wren.email, GOOD_PASSWORD);
        await away.page.goto(`${t.url}/groups/${group.id}`);
        await away.page.locator('li.message', { hasText: 'Nobody here listens anyway' }).waitFor();
        await away.context.setOffline(true);
        await away.page.locator('.offline-banner').waitFor();
        await remove('Nobody here listens anyway', 'Let us keep this room hopeful.');
        await away.context.setOffline(false);
        await away.page
          .locator('li.message-tombstone', { hasText: told('Let us keep this room hopeful.') })
          .waitFor();
        expect(await timesSaid(away.page, 'Let us keep this room hopeful.')).toBe(1);
        expect(await away.page.locator('body').innerText()).not.toContain('Nobody here listens anyway');
        await away.context.close();
        expect(away.cspViolations).toEqual([]);

        // Hearth is closed altogether while a facilitator removes another; she opens the room later.
        const reason = 'Please speak to each other gently.';
        await remove('You all talk too much', reason);
        const back = await newContext(browser, viewport, place);
        const page = back.page;
        await signInThroughPage(page, t.url, wren.email, GOOD_PASSWORD);
        await page.goto(`${t.url}/groups/${group.id}`);
        const tombstone = page.locator('li.message-tombstone', { hasText: told(reason) });
        await tombstone.waitFor();
        expect(await timesSaid(page, reason)).toBe(1);
        expect(await seriousAxeViolations(page)).toEqual([]);
        await screenshots(page, `facilitators-removal-reason-${spanish ? 'es' : 'en'}`);
        await page.reload();
        await tombstone.waitFor();
        expect(await timesSaid(page, reason)).toBe(1);
        expect(await page.locator('body').innerText()).not.toContain('You all talk too much');

        // Her peers, and the facilitator's room, see only that a facilitator removed it.
        await f.goto(`${t.url}/groups/${group.id}`);
        await f.getByText('A facilitator removed this message.').first().waitFor();
        expect(await f.locator('body').innerText()).not.toContain(reason);
        await back.context.close();
        expect(back.cspViolations).toEqual([]);
      });
    });
  }
});
