import { randomUUID } from 'node:crypto';

import { jest } from '@jest/globals';
import type { Browser, BrowserContext, Page } from 'playwright-core';

import type { MessageDto } from '@hearth/contracts';

import { createTestApp, type TestApp } from '../support/app.js';
import {
  composer,
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
  timeline,
  WEB_ROOT,
} from '../support/browser.js';
import { addActiveMember, createGroup, type GroupCard } from '../support/groups.js';
import type { ClientSocket } from '../support/sockets.js';
import { createAccount, GOOD_PASSWORD, registerUser, type TestUser } from '../support/users.js';
import { inRoom, said } from '../moderation/support.js';

const DAY = 24 * 60 * 60_000;
/** A zone far from the machine's, so that days are the reader's and not the server's. */
const ZONE = 'Pacific/Kiritimati';

async function reply(
  socket: ClientSocket,
  groupId: string,
  body: string,
  replyToId: string,
): Promise<MessageDto> {
  const ack = await socket.emitWithAck('message:send', { groupId, clientId: randomUUID(), body, replyToId });
  if (!ack.ok) throw new Error(ack.error.code);
  return ack.message;
}

/** Height and bottom edge of an element on screen. */
const box = async (page: Page, selector: string) => (await page.locator(selector).first().boundingBox())!;

const focusedLabel = (page: Page) =>
  page.evaluate(() => {
    const active = (
      globalThis as unknown as {
        document: { activeElement: { getAttribute(n: string): string | null; textContent: string } | null };
      }
    ).document.activeElement;
    return { label: active?.getAttribute('aria-label') ?? null, text: active?.textContent ?? '' };
  });

/**
 * A chat that fits a phone (issue 17, items 9 to 11): actions in a menu, days, quotes, who is here, small headers,
 * offline and server-down states that leave the composer in view, and a mute's reason said once, after a reload too.
 */
describeInBrowser('Web client: a chat that fits a phone', () => {
  let t: TestApp;
  let browser: Browser;
  let admin: TestUser;
  let facilitator: TestUser;
  const sockets: ClientSocket[] = [];

  jest.setTimeout(120_000);

  beforeAll(async () => {
    ensureWebBuilt();
    t = await createTestApp({ env: { WEB_ROOT, CHAT_RATE_LIMIT: '1000' } });
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
      let ashSocket: ClientSocket;
      let oldest: MessageDto;
      let context: BrowserContext;
      let page: Page;
      let csp: string[];
      let roomUrl: string;

      beforeAll(async () => {
        wren = await registerUser(t, { displayName: 'Wren Account' });
        const ash = await registerUser(t, { displayName: 'Ash Account' });
        group = await createGroup(t, facilitator, {
          name: `Tide Circle ${viewport.width}`,
          facilitatorPseudonym: 'Fern',
        });
        await addActiveMember(t, facilitator, group.id, wren, 'Wren');
        await addActiveMember(t, facilitator, group.id, ash, 'Ash');
        ashSocket = await inRoom(t, ash, group.id);
        sockets.push(ashSocket, await inRoom(t, facilitator, group.id));
        // Three days ago, yesterday, then today (the server's clock moves only when told).
        const now = Date.now();
        t.clock.set(new Date(now - 3 * DAY));
        oldest = await said(ashSocket, group.id, 'The tide was low that morning');
        t.clock.set(new Date(now - DAY));
        await said(ashSocket, group.id, 'Yesterday was gentler');
        t.clock.set(new Date(now));
        await reply(ashSocket, group.id, 'Still thinking of that morning\nand a second line', oldest.id);
        for (let i = 1; i <= 16; i++) await said(ashSocket, group.id, `Short note ${i}`);
        roomUrl = `${t.url}/groups/${group.id}`;
        ({ context, page, cspViolations: csp } = await newContext(browser, viewport, { timezoneId: ZONE }));
        await signInThroughPage(page, t.url, wren.email, GOOD_PASSWORD);
      });

      afterAll(async () => {
        expect(csp).toEqual([]);
        await context?.close();
      });

      const openRoom = async () => {
        await page.goto(roomUrl);
        await composer(page).waitFor();
        await timeline(page).filter({ hasText: 'Short note 16' }).waitFor();
      };

      it('shows at least 8 short messages at once under headers less than 110 px tall', async () => {
        await openRoom();
        const view = await box(page, '.timeline');
        if (viewport === PHONE) expect(view.y).toBeLessThan(110);
        // The group's name keeps two fifths of the header beside its links (on a phone they cut it to "Tid…").
        const [name, head] = [await box(page, '.room-head h1'), await box(page, '.room-head')];
        expect(name.width).toBeGreaterThanOrEqual(0.4 * head.width - 1);
        const inView = await page.locator('.messages .message').evaluateAll(
          (items, edges) =>
            items.filter((item) => {
              const r = item.getBoundingClientRect();
              return r.top >= edges.top - 1 && r.bottom <= edges.bottom + 1;
            }).length,
          { top: view.y, bottom: view.y + view.height },
        );
        expect(inView).toBeGreaterThanOrEqual(8);
        // Each message's actions wait in its menu: none of them sits on the message.
        const last = page.locator('.message', { hasText: 'Short note 16' });
        expect(await last.getByRole('button', { name: 'Reply' }).count()).toBe(0);
        expect(await last.getByRole('menuitem').count()).toBe(0);
        await screenshots(page, 'room-en');
      });

      it('separates days in the reader’s time zone, and says who is here by pseudonym', async () => {
        const days = await page.locator('.day-separator').allTextContents();
        const longAgo = new Intl.DateTimeFormat('en', {
          timeZone: ZONE,
          weekday: 'long',
          month: 'long',
          day: 'numeric',
        }).format(new Date(Date.parse(oldest.createdAt)));
        expect(days).toEqual([longAgo, 'Yesterday', 'Today']);
        await page
          .locator('.presence', { hasText: /^3 here now: (Ash|Fern), (Ash|Fern),? and you$/ })
          .waitFor();
      });

      it('quotes the message replied to, and a press on the quote brings it into view', async () => {
        const answer = page.locator('.message', { hasText: 'Still thinking of that morning' });
        const quote = answer.locator('.reply-quote');
        expect((await quote.textContent())?.replace('In reply to ', '')).toBe(
          'Ash The tide was low that morning',
        );
        await quote.click();
        expect((await focusedLabel(page)).text).toContain('The tide was low that morning');
        const original = await box(page, `#message-${oldest.id}`);
        const view = await box(page, '.timeline');
        expect(original.y).toBeGreaterThanOrEqual(view.y - 1);
        expect(original.y + original.height).toBeLessThanOrEqual(view.y + view.height + 1);
      });

      it('opens a message’s actions from the keyboard: arrows move, Escape closes and gives the focus back', async () => {
        const message = page.locator('.message', { hasText: 'Short note 16' });
        await moreActions(message).focus();
        expect(await moreActions(message).getAttribute('aria-haspopup')).toBe('menu');
        await page.keyboard.press('Enter');
        const menu = message.getByRole('menu');
        await menu.waitFor();
        expect(await menu.getByRole('menuitem').allTextContents()).toEqual([
          'Reply',
          'React',
          'Report',
          'Hide member',
        ]);
        expect((await focusedLabel(page)).text).toBe('Reply');
        await page.keyboard.press('ArrowDown');
        expect((await focusedLabel(page)).text).toBe('React');
        await page.keyboard.press('ArrowUp');
        await page.keyboard.press('ArrowUp');
        expect((await focusedLabel(page)).text).toBe('Hide member');
        expect(await seriousAxeViolations(page)).toEqual([]);
        await page.keyboard.press('Escape');
        await menu.waitFor({ state: 'detached' });
        expect((await focusedLabel(page)).label).toBe('More actions for Ash');

        // Enter on a choice does it: Reply puts the message in the composer's "Replying to".
        await page.keyboard.press('Enter');
        await page.keyboard.press('Enter');
        await page.getByText('Replying to Ash').waitFor();
        await composer(page).fill('Thank you for the notes');
        await composer(page).press('Enter');
        await page
          .locator('.message-mine', { hasText: 'Thank you for the notes' })
          .locator('.reply-quote', { hasText: 'Short note 16' })
          .waitFor();

        // React, from the keyboard: the choice puts the focus on the first reaction.
        const earlier = page.locator('.message', { hasText: 'Short note 12' });
        await moreActions(earlier).focus();
        await page.keyboard.press('ArrowDown');
        await earlier.getByRole('menuitem', { name: 'React' }).waitFor();
        await page.keyboard.press('ArrowDown');
        await page.keyboard.press('Enter');
        expect((await focusedLabel(page)).label).toBe('React with ❤️');
        await page.keyboard.press('Enter');
        await earlier.getByRole('button', { name: '❤️ 1, including you' }).waitFor();
      });

      if (viewport === PHONE) {
        it('opens the menu with a long press on a touch screen', async () => {
          const touch = await browser.newContext({
            viewport,
            hasTouch: true,
            isMobile: true,
            timezoneId: ZONE,
          });
          const phone = await touch.newPage();
          await signInThroughPage(phone, t.url, wren.email, GOOD_PASSWORD);
          await phone.goto(roomUrl);
          const message = phone.locator('.message', { hasText: 'Short note 15' });
          await message.waitFor();
          const at = (await message.locator('.message-body').boundingBox())!;
          const point = { x: Math.round(at.x + 20), y: Math.round(at.y + at.height / 2) };
          const cdp = await touch.newCDPSession(phone);
          await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [point] });
          await new Promise((resolve) => setTimeout(resolve, 800));
          await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
          await message.getByRole('menu').waitFor();
          // A tap elsewhere closes it.
          const heading = (await phone.getByRole('heading', { level: 1 }).boundingBox())!;
          await phone.touchscreen.tap(heading.x + 10, heading.y + heading.height / 2);
          await message.getByRole('menu').waitFor({ state: 'detached' });
          // A quick tap opens nothing.
          const other = phone.locator('.message', { hasText: 'Short note 14' });
          const otherAt = (await other.locator('.message-body').boundingBox())!;
          await phone.touchscreen.tap(otherAt.x + 20, otherAt.y + otherAt.height / 2);
          await new Promise((resolve) => setTimeout(resolve, 700));
          expect(await other.getByRole('menu').count()).toBe(0);
          await touch.close();
        });
      } else {
        it('shows the More actions button when the pointer rests on a message', async () => {
          const message = page.locator('.message', { hasText: 'Short note 14' });
          const opacity = () =>
            moreActions(message).evaluate(
              (e) =>
                (
                  globalThis as unknown as { getComputedStyle(e: unknown): { opacity: string } }
                ).getComputedStyle(e).opacity,
            );
          await page.mouse.move(0, 0);
          expect(await opacity()).toBe('0');
          await message.hover();
          expect(await opacity()).toBe('1');
        });
      }

      it('offline, the banner leaves the composer in view; the way back clears it', async () => {
        await openRoom();
        await context.setOffline(true);
        await page.getByText('You are offline. Messages you write are kept').waitFor();
        const writing = await box(page, '#composer-input');
        expect(writing.y + writing.height).toBeLessThanOrEqual(viewport.height);
        await composer(page).fill('Written in a tunnel');
        await composer(page).press('Enter');
        await page.locator('.message-pending', { hasText: 'Written in a tunnel' }).waitFor();
        await screenshots(page, 'room-offline');
        await context.setOffline(false);
        await page.getByText('You are offline.').waitFor({ state: 'detached' });
        await timeline(page).filter({ hasText: 'Written in a tunnel' }).waitFor();
      });

      it('a mute’s reason is said once, and again after a reload', async () => {
        await t
          .request()
          .post(`/api/groups/${group.id}/moderation/mutes`)
          .set('Authorization', facilitator.auth)
          .send({ userId: wren.id, minutes: 60, reason: 'Let us rest our words until evening' })
          .expect(201);
        const blocked = page.locator('.composer-blocked');
        await blocked.getByText('Let us rest our words until evening').waitFor();
        expect(await page.getByText('Let us rest our words until evening').count()).toBe(1);
        expect(await page.getByText(/muted you/).count()).toBe(1);
        await page.reload();
        await blocked.getByText('Let us rest our words until evening').waitFor();
        expect(await page.getByText('Let us rest our words until evening').count()).toBe(1);
        // The end of the mute is written in the reader's language and zone, never as a raw timestamp.
        expect(await blocked.textContent()).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
        await t
          .request()
          .delete(`/api/groups/${group.id}/moderation/mutes/${wren.id}`)
          .set('Authorization', facilitator.auth)
          .expect(204);
        await composer(page).waitFor();
      });

      it('in Spanish, and in the dark theme, the room and its menu read well and stay accessible', async () => {
        const es = await newContext(browser, viewport, { timezoneId: ZONE });
        await signInThroughPage(es.page, t.url, wren.email, GOOD_PASSWORD);
        // Spanish chosen on this device (as the account's language choice does).
        await es.page.evaluate(() =>
          (
            globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }
          ).localStorage.setItem('hearth.language', 'es'),
        );
        await es.page.goto(roomUrl);
        await es.page.getByRole('textbox', { name: 'Mensaje', exact: true }).waitFor();
        await es.page.locator('.day-separator', { hasText: 'Hoy' }).waitFor();
        await es.page.locator('.day-separator', { hasText: 'Ayer' }).waitFor();
        await es.page.getByText(/personas aquí ahora/).waitFor();
        // The room's neutral lines come in the reader's language too.
        const mode = (body: object) =>
          t
            .request()
            .put(`/api/groups/${group.id}/moderation/mode`)
            .set('Authorization', facilitator.auth)
            .send(body)
            .expect(200);
        await mode({ mode: 'slow', slowSeconds: 30 });
        await es.page
          .locator('.room-line', { hasText: 'El modo lento está activo: un mensaje cada 30 segundos.' })
          .waitFor();
        await mode({ mode: 'open' });
        await es.page.locator('.room-line', { hasText: 'La sala está abierta.' }).waitFor();
        const message = es.page.locator('.message', { hasText: 'Short note 13' });
        await message.getByRole('button', { name: 'Más acciones para Ash' }).click();
        await message.getByRole('menuitem', { name: 'Responder' }).waitFor();
        expect(await seriousAxeViolations(es.page)).toEqual([]);
        await es.page.keyboard.press('Escape');
        expect(await seriousAxeViolations(es.page)).toEqual([]);
        await screenshots(es.page, 'room-es');
        expect(es.cspViolations).toEqual([]);
        await es.context.close();

        const dark = await browser.newContext({ viewport, colorScheme: 'dark', timezoneId: ZONE });
        const darkPage = await dark.newPage();
        await signInThroughPage(darkPage, t.url, wren.email, GOOD_PASSWORD);
        await darkPage.goto(roomUrl);
        const darkMessage = darkPage.locator('.message', { hasText: 'Short note 13' });
        await moreActions(darkMessage).click();
        await darkMessage.getByRole('menu').waitFor();
        expect(await seriousAxeViolations(darkPage)).toEqual([]);
        await screenshots(darkPage, 'room-dark-menu');
        await dark.close();
      });
    });
  }

  it.each([PHONE, LAPTOP])(
    'with the network up and the server down, says Hearth is trying again (not offline), and the journal does not claim to be empty (%j)',
    async (viewport) => {
      const own = await createTestApp({ env: { WEB_ROOT, CHAT_RATE_LIMIT: '1000' } });
      let closed = false;
      try {
        const owner = await registerUser(own, { displayName: 'Admin' });
        const fern = await createAccount(own, owner, 'facilitator', 'Fern');
        const moss = await registerUser(own, { displayName: 'Moss' });
        const group = await createGroup(own, fern, { name: 'Harbour Circle', facilitatorPseudonym: 'Fern' });
        await addActiveMember(own, fern, group.id, moss, 'Moss');
        const { context, page } = await newContext(browser, viewport);
        await signInThroughPage(page, own.url, moss.email, GOOD_PASSWORD);
        await page.goto(`${own.url}/groups/${group.id}`);
        await composer(page).waitFor();
        // The journal's screen is loaded once while the server is up, then the server goes away.
        const nav = page.getByRole('navigation', { name: 'Main' });
        await nav.getByRole('link', { name: 'Journal' }).click();
        await page.getByRole('heading', { level: 1 }).first().waitFor();
        await page.goBack();
        await composer(page).waitFor();

        await own.close();
        closed = true;
        await page.getByText('Hearth can’t reach the server, trying again…').waitFor({ timeout: 20_000 });
        expect(await page.getByText('You are offline').count()).toBe(0);
        const writing = await box(page, '#composer-input');
        expect(writing.y + writing.height).toBeLessThanOrEqual(viewport.height);
        expect(await seriousAxeViolations(page)).toEqual([]);
        await screenshots(page, 'room-server-down');

        await nav.getByRole('link', { name: 'Journal' }).click();
        await page.locator('.alert-error').first().waitFor();
        await page.waitForTimeout(300);
        expect(await page.locator('.empty').count()).toBe(0);
        await context.close();
      } finally {
        if (!closed) await own.close();
      }
    },
  );
});
