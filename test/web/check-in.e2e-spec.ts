import { jest } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';

import { inRoom, say } from '../moderation/support.js';
import { createTestApp, type TestApp } from '../support/app.js';
import {
  composer,
  chooseMessageAction,
  describeInBrowser,
  ensureWebBuilt,
  LAPTOP,
  launch,
  newContext,
  PHONE,
  screenshots,
  seriousAxeViolations,
  signInThroughPage,
  timeline,
  WEB_ROOT,
} from '../support/browser.js';
import { addActiveMember, createGroup } from '../support/groups.js';
import { until } from '../support/sockets.js';
import { createAccount, GOOD_PASSWORD, registerUser, type TestUser } from '../support/users.js';

/**
 * Issue 17, item 3: after a crisis a facilitator checks in privately with the member, from the incident card; the
 * member finds it on her home screen and answers; another member of the group cannot see it. A member can also ask
 * to talk to a facilitator from her group's room.
 */
describeInBrowser('Web client: a private check-in', () => {
  let t: TestApp;
  let browser: Browser;
  let admin: TestUser;

  jest.setTimeout(120_000);

  beforeAll(async () => {
    ensureWebBuilt();
    t = await createTestApp({ env: { WEB_ROOT, CHAT_RATE_LIMIT: '1000' } });
    admin = await registerUser(t, { displayName: 'Admin' });
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function signedIn(user: TestUser, viewport: typeof PHONE, locale = 'en-GB'): Promise<Page> {
    const { page } = await newContext(browser, viewport, { locale });
    await signInThroughPage(page, t.url, user.email, GOOD_PASSWORD);
    return page;
  }

  const noSidewaysScroll = (page: Page) =>
    page.evaluate(() => {
      const root = (
        globalThis as unknown as {
          document: { documentElement: { scrollWidth: number; clientWidth: number } };
        }
      ).document.documentElement;
      return root.scrollWidth <= root.clientWidth;
    });

  /**
   * Whether the composer's placeholder fits its box: the same text, set in a block of the textarea's width, font
   * and padding, is no taller than the box (on a phone it once wrapped to three lines in a two-line box).
   */
  const placeholderFits = (page: Page) =>
    page.locator('#composer-input').evaluate((element) => {
      type Box = {
        placeholder: string;
        clientWidth: number;
        clientHeight: number;
        style: Record<string, string>;
        getBoundingClientRect(): { height: number };
        remove(): void;
        textContent: string;
      };
      const doc = (
        globalThis as unknown as {
          document: { createElement(tag: string): Box; body: { append(node: Box): void } };
          getComputedStyle(node: unknown): Record<string, string>;
        }
      ).document;
      const area = element as unknown as Box;
      const style = (
        globalThis as unknown as { getComputedStyle(node: unknown): Record<string, string> }
      ).getComputedStyle(element);
      const probe = doc.createElement('div');
      for (const key of ['font', 'letterSpacing', 'wordSpacing', 'lineHeight', 'padding', 'boxSizing'])
        probe.style[key] = style[key];
      probe.style.width = `${area.clientWidth}px`;
      probe.style.position = 'absolute';
      probe.style.visibility = 'hidden';
      probe.style.whiteSpace = 'pre-wrap';
      probe.style.overflowWrap = 'break-word';
      probe.style.boxSizing = 'border-box';
      probe.textContent = area.placeholder;
      doc.body.append(probe);
      const needed = probe.getBoundingClientRect().height;
      probe.remove();
      return { placeholder: area.placeholder, fits: needed <= area.clientHeight + 1 };
    });

  it.each([
    ['phone', PHONE],
    ['laptop', LAPTOP],
  ])('on a %s: from an incident to a private conversation only the two sides see', async (_, viewport) => {
    const facilitator = await createAccount(t, admin, 'facilitator', 'Fern');
    const wren = await registerUser(t, { displayName: 'Wren' });
    const ash = await registerUser(t, { displayName: 'Ash' });
    const group = await createGroup(t, facilitator, { name: 'Dawn Circle', facilitatorPseudonym: 'Fern' });
    await addActiveMember(t, facilitator, group.id, wren, 'Wren');
    await addActiveMember(t, facilitator, group.id, ash, 'Ash');
    const socket = await inRoom(t, wren, group.id);
    await say(socket, group.id, 'I keep thinking about suicide');
    socket.disconnect();

    const f = await signedIn(facilitator, viewport);
    // The alert on every screen leads to the incident, and the incident to her.
    await f.getByRole('link', { name: 'Open incident' }).click();
    await f.getByRole('heading', { name: 'Crisis incidents' }).waitFor();
    await f.getByRole('button', { name: 'Check in privately with Wren' }).click();
    await f.getByRole('heading', { name: 'Private check-in' }).waitFor();
    await f.getByText('With Wren, from Dawn Circle').waitFor();
    await f.getByText(/Only Wren and this group’s facilitators can read this/).waitFor();
    expect(await placeholderFits(f)).toEqual({ placeholder: 'Write to Wren…', fits: true });
    await composer(f).fill('Fern here. I saw your message. How are you right now?');
    await f.getByRole('button', { name: 'Send' }).click();
    await timeline(f).filter({ hasText: 'How are you right now?' }).waitFor();
    const checkInUrl = f.url();
    expect(checkInUrl).toMatch(/\/check-ins\/[0-9a-f-]{36}$/);
    expect(await seriousAxeViolations(f)).toEqual([]);
    expect(await noSidewaysScroll(f)).toBe(true);

    const w = await signedIn(wren, viewport);
    await w.getByRole('heading', { name: 'Private check-ins' }).waitFor();
    await w.getByRole('link', { name: 'With the facilitators of Dawn Circle' }).click();
    await w.getByRole('heading', { name: 'Private check-in' }).waitFor();
    await timeline(w).filter({ hasText: 'How are you right now?' }).waitFor();
    await w.getByText(/Only you and your group’s facilitators can read this/).waitFor();
    expect(await placeholderFits(w)).toEqual({ placeholder: 'Write to your facilitators…', fits: true });
    await composer(w).fill('Thank you for asking. I am safe tonight; my sister is here.');
    await composer(w).press('Enter');
    await timeline(f).filter({ hasText: 'my sister is here' }).waitFor();
    expect(await seriousAxeViolations(w)).toEqual([]);
    expect(await noSidewaysScroll(w)).toBe(true);
    if (viewport === LAPTOP) await screenshots(w, 'check-in-en');

    const a = await signedIn(ash, viewport);
    await a.getByRole('heading', { name: 'Your groups' }).waitFor();
    await a.getByRole('link', { name: 'Dawn Circle' }).first().waitFor();
    expect(await a.getByRole('heading', { name: 'Private check-ins' }).count()).toBe(0);
    await a.goto(checkInUrl);
    await a.getByRole('alert').waitFor();
    expect(await a.getByRole('heading', { name: 'Private check-in' }).count()).toBe(0);
    expect(await a.content()).not.toContain('my sister is here');
    expect(await a.content()).not.toContain('How are you right now?');

    if (viewport === LAPTOP) {
      const es = await signedIn(wren, viewport, 'es-ES');
      await es.goto(checkInUrl);
      await es.getByRole('heading', { name: 'Conversación privada' }).waitFor();
      await es.getByText('Con quienes facilitan Dawn Circle').waitFor();
      await timeline(es).filter({ hasText: 'my sister is here' }).waitFor();
      expect(await seriousAxeViolations(es)).toEqual([]);
      await screenshots(es, 'check-in-es');
      await es.context().close();
    }
    for (const page of [f, w, a]) await page.context().close();
  });

  it('a member asks to talk to a facilitator from her group’s room; the facilitator finds it', async () => {
    const facilitator = await createAccount(t, admin, 'facilitator', 'Fern');
    const mira = await registerUser(t, { displayName: 'Mira' });
    const group = await createGroup(t, facilitator, { name: 'Evening Circle', facilitatorPseudonym: 'Fern' });
    await addActiveMember(t, facilitator, group.id, mira, 'Mira');

    // The facilitator is already on her home screen, and in the group's room on another screen.
    const f = await signedIn(facilitator, LAPTOP);
    await f.getByRole('heading', { name: 'Your groups' }).waitFor();
    expect(await f.getByRole('heading', { name: 'Private check-ins' }).count()).toBe(0);
    const fRoom = await f.context().newPage();
    await fRoom.goto(`${t.url}/groups/${group.id}`);
    await composer(fRoom).waitFor();

    const m = await signedIn(mira, PHONE);
    await m.goto(`${t.url}/groups/${group.id}`);
    await m.getByRole('button', { name: 'Talk to a facilitator' }).click();
    await m.getByRole('heading', { name: 'Private check-in' }).waitFor();
    await m.getByText('With the facilitators of Evening Circle').waitFor();
    await m.getByText('Nothing here yet. Write whenever you are ready; there is no rush.').waitFor();
    await composer(m).fill('Could we talk about last session?');
    await composer(m).press('Enter');
    await timeline(m).filter({ hasText: 'Could we talk about last session?' }).waitFor();

    // Both of her screens show it without a reload.
    await fRoom.getByText('A member of this group asked to talk with a facilitator privately.').waitFor();
    await fRoom.getByRole('link', { name: 'Open the conversation' }).waitFor();
    await fRoom.close();
    await f.getByRole('link', { name: 'With Mira, from Evening Circle' }).click();
    await timeline(f).filter({ hasText: 'Could we talk about last session?' }).waitFor();
    await f.getByRole('button', { name: 'Close this check-in' }).waitFor();
    f.once('dialog', (dialog) => void dialog.accept());
    await f.getByRole('button', { name: 'Close this check-in' }).click();
    await f.getByText(/This check-in is closed/).waitFor();
    await until(async () => (await f.getByRole('button', { name: 'Close this check-in' }).count()) === 0);
    for (const page of [m, f]) await page.context().close();
  });

  it('a facilitator checks in privately from a member’s message in the room', async () => {
    const facilitator = await createAccount(t, admin, 'facilitator', 'Fern');
    const juniper = await registerUser(t, { displayName: 'Juniper' });
    const group = await createGroup(t, facilitator, { name: 'Morning Circle', facilitatorPseudonym: 'Fern' });
    await addActiveMember(t, facilitator, group.id, juniper, 'Juniper');
    const socket = await inRoom(t, juniper, group.id);
    await say(socket, group.id, 'This week was heavier than I let on.');
    socket.disconnect();

    // Juniper is on her home screen on one device and in the group's room (in Spanish) on another.
    const home = await signedIn(juniper, PHONE);
    await home.getByRole('heading', { name: 'Your groups' }).waitFor();
    const room = await signedIn(juniper, PHONE, 'es-ES');
    await room.goto(`${t.url}/groups/${group.id}`);
    await room.locator('#composer-input').waitFor();

    const f = await signedIn(facilitator, PHONE);
    await f.goto(`${t.url}/groups/${group.id}`);
    const message = f.locator('.message', { hasText: 'This week was heavier than I let on.' });
    await chooseMessageAction(message, 'Check in privately with Juniper');
    await f.getByRole('heading', { name: 'Private check-in' }).waitFor();
    await f.getByText('With Juniper, from Morning Circle').waitFor();

    // Without a reload: the check-in is on her home screen, and her room says so with a way in.
    await home.getByRole('heading', { name: 'Private check-ins' }).waitFor();
    await home.getByRole('link', { name: 'With the facilitators of Morning Circle' }).waitFor();
    await room.getByText('Una persona facilitadora abrió una conversación privada contigo.').waitFor();
    await room.getByRole('link', { name: 'Abrir la conversación' }).click();
    await room.getByRole('heading', { name: 'Conversación privada' }).waitFor();
    expect(room.url()).toBe(f.url());
    // In Spanish too, the composer's placeholder fits the phone's two-line box.
    expect(await placeholderFits(room)).toEqual({
      placeholder: 'Escribe a quienes facilitan tu grupo…',
      fits: true,
    });
    for (const page of [home, room, f]) await page.context().close();
  });
});
