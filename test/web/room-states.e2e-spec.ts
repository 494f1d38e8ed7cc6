import { jest } from '@jest/globals';
import type { Browser, BrowserContext, Page } from 'playwright-core';

import { createTestApp, type TestApp } from '../support/app.js';
import {
  describeInBrowser,
  chooseMessageAction,
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
import { acceptAgreement, addActiveMember, createGroup, type GroupCard } from '../support/groups.js';
import { until, type ClientSocket } from '../support/sockets.js';
import { createAccount, GOOD_PASSWORD, registerUser, type TestUser } from '../support/users.js';
import { inRoom, said } from '../moderation/support.js';

/**
 * The room's every state and action in Chromium. The facilitator acts through the API (already covered by its
 * own tests); Wren uses the web client; Ash writes through a plain socket. Steps build on each other.
 */
describeInBrowser('Web client: room actions and states', () => {
  let t: TestApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let csp: string[];
  let facilitator: TestUser;
  let wren: TestUser;
  let ash: TestUser;
  let ashSocket: ClientSocket;
  let group: GroupCard;
  let roomUrl: string;

  jest.setTimeout(90_000);

  const api = (method: 'post' | 'put' | 'delete', path: string, body: object = {}) =>
    t.request()[method](`/api/groups/${group.id}${path}`).set('Authorization', facilitator.auth).send(body);

  beforeAll(async () => {
    ensureWebBuilt();
    t = await createTestApp({ env: { WEB_ROOT, CHAT_RATE_LIMIT: '1000' } });
    const admin = await registerUser(t, { displayName: 'Admin' });
    facilitator = await createAccount(t, admin, 'facilitator', 'Fern');
    wren = await registerUser(t, { displayName: 'Wren' });
    ash = await registerUser(t, { displayName: 'Ash' });
    group = await createGroup(t, facilitator, { name: 'Evening Circle', facilitatorPseudonym: 'Fern' });
    await addActiveMember(t, facilitator, group.id, wren, 'Wren');
    await addActiveMember(t, facilitator, group.id, ash, 'Ash');
    ashSocket = await inRoom(t, ash, group.id);
    roomUrl = `${t.url}/groups/${group.id}`;
    browser = await launch();
    ({ context, page, cspViolations: csp } = await newContext(browser));
    await signInThroughPage(page, t.url, wren.email, GOOD_PASSWORD);
  });

  afterAll(async () => {
    ashSocket?.disconnect();
    await browser?.close();
    await t?.close();
  });

  const openRoom = async () => {
    await page.goto(roomUrl);
    await composer(page).waitFor();
  };

  it('reply, react, edit and delete my own message; others see each change live', async () => {
    await openRoom();
    const fromAsh = await said(ashSocket, group.id, 'Did anyone else sleep badly?');
    const ashMessage = page.locator('.message:not(.message-mine)', {
      hasText: 'Did anyone else sleep badly?',
    });
    await ashMessage.waitFor();

    await chooseMessageAction(ashMessage, 'Reply');
    await page.getByText('Replying to Ash').waitFor();
    await composer(page).fill('Me too, I woke at four');
    await composer(page).press('Enter');
    const reply = page.locator('.message-mine', { hasText: 'Me too, I woke at four' });
    await reply.locator('.reply-quote', { hasText: 'Did anyone else sleep badly?' }).waitFor();

    const reactions: string[] = [];
    ashSocket.on('reaction:updated', (event) =>
      reactions.push(...event.reactions.map((r) => `${r.emoji}${r.count}`)),
    );
    await chooseMessageAction(ashMessage, 'React');
    await ashMessage.getByRole('button', { name: 'React with 🙏' }).click();
    await ashMessage.getByRole('button', { name: '🙏 1, including you' }).waitFor();
    await until(() => reactions.includes('🙏1'), 'the reaction reaches Ash');
    // Pressing it again takes it back.
    await ashMessage.getByRole('button', { name: '🙏 1, including you' }).click();
    await ashMessage.locator('.reactions').waitFor({ state: 'detached' });

    const updates: string[] = [];
    ashSocket.on('message:updated', (message) => updates.push(message.body ?? ''));
    await chooseMessageAction(reply, 'Edit');
    await reply.getByLabel('Edit your message').fill('Me too, I woke at four and wrote for a while');
    await reply.getByRole('button', { name: 'Save' }).click();
    await page.locator('.message-mine', { hasText: 'wrote for a while' }).getByText('(edited)').waitFor();
    await until(
      () => updates.includes('Me too, I woke at four and wrote for a while'),
      'the edit reaches Ash',
    );

    const deleted: string[] = [];
    ashSocket.on('message:deleted', (event) => deleted.push(event.messageId));
    page.once('dialog', (dialog) => void dialog.accept());
    await chooseMessageAction(page.locator('.message-mine', { hasText: 'wrote for a while' }), 'Delete');
    await page.getByText('This message was deleted.').waitFor();
    await until(() => deleted.length === 1, 'the deletion reaches Ash');
    expect(fromAsh.id).not.toBe(deleted[0]);
    await screenshots(page, '20-room-actions');
  });

  it('report a message: the facilitators’ queue has it, and the reporter is thanked', async () => {
    const ashMessage = page.locator('.message:not(.message-mine)', {
      hasText: 'Did anyone else sleep badly?',
    });
    await chooseMessageAction(ashMessage, 'Report');
    const dialog = page.getByRole('dialog', { name: 'Report a message' });
    await dialog.getByLabel('Spam').check();
    await dialog.getByLabel(/Anything the facilitators should know/).fill('Testing the report flow');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Send report' }).click();
    await dialog.getByText(/Thank you\. The facilitators will look at it/).waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();
    const queue = await t
      .request()
      .get(`/api/groups/${group.id}/moderation/queue`)
      .set('Authorization', facilitator.auth)
      .expect(200);
    expect(queue.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'report', reason: 'spam', note: 'Testing the report flow' }),
      ]),
    );
  });

  it('hide a member: their messages fold away for me, and can still be opened', async () => {
    const ashMessage = page.locator('.message:not(.message-mine)', {
      hasText: 'Did anyone else sleep badly?',
    });
    await chooseMessageAction(ashMessage, 'Hide member');
    const folded = page.getByRole('button', { name: 'Message from a member you hid. Show' });
    await folded.first().waitFor();
    await said(ashSocket, group.id, 'A second message from Ash');
    await folded.nth(1).waitFor();
    expect(await timeline(page).filter({ hasText: 'A second message from Ash' }).count()).toBe(0);
    await folded.first().click();
    await timeline(page).filter({ hasText: 'Did anyone else sleep badly?' }).waitFor();
  });

  it('slow mode: the header says so and, after a message, the composer counts down', async () => {
    // The server's clock in tests moves only when told: my last message, a moment ago, is now a minute old.
    t.clock.advance(60_000);
    await api('put', '/moderation/mode', { mode: 'slow', slowSeconds: 8 }).expect(200);
    await page.getByText('Slow mode: one message every 8s').waitFor();
    await page.locator('.room-line', { hasText: 'Slow mode is on: one message every 8 seconds.' }).waitFor();
    await composer(page).fill('Taking it slowly');
    await composer(page).press('Enter');
    await timeline(page).filter({ hasText: 'Taking it slowly' }).waitFor();
    await page.getByRole('button', { name: /^Wait \d+s$/ }).waitFor();
    await page.getByText(/Slow mode is on: you can send again in \d+ seconds/).waitFor();
    await screenshots(page, '21-slow-mode');
    await api('put', '/moderation/mode', { mode: 'open' }).expect(200);
  });

  it('read-only: the composer gives way to a calm explanation, and comes back when the room opens', async () => {
    await api('put', '/moderation/mode', { mode: 'read_only' }).expect(200);
    await page.locator('.composer-blocked', { hasText: 'The room is read-only for now.' }).waitFor();
    expect(await composer(page).count()).toBe(0);
    await screenshots(page, '22-read-only');
    await api('put', '/moderation/mode', { mode: 'open' }).expect(200);
    await composer(page).waitFor();
  });

  it('held for review: my message waits, visible to me only, until a facilitator approves it', async () => {
    await api('put', '/moderation/mode', { mode: 'open', premoderateDays: 30 }).expect(200);
    const seen: string[] = [];
    ashSocket.on('message:new', (message) => seen.push(message.body ?? ''));
    // Words the crisis detector leaves alone: a message it reads as a crisis is never held (its model reads "is
    // it all right to share something hard?" as a possible concern, one of its known false alarms).
    await composer(page).fill('Is it all right to share a photo from our walk?');
    await composer(page).press('Enter');
    const held = page.locator('.message-held', {
      hasText: 'Is it all right to share a photo from our walk?',
    });
    await held.getByText('Held for a facilitator’s review before others see it.').waitFor();
    await screenshots(page, '23-held');
    expect(seen).not.toContain('Is it all right to share a photo from our walk?');

    const queue = await t
      .request()
      .get(`/api/groups/${group.id}/moderation/queue`)
      .set('Authorization', facilitator.auth)
      .expect(200);
    const item = (queue.body as { kind: string; message: { id: string; body: string } }[]).find(
      (i) => i.kind === 'held' && i.message.body === 'Is it all right to share a photo from our walk?',
    )!;
    await api('post', `/moderation/held/${item.message.id}/approve`).expect(200);
    await timeline(page).filter({ hasText: 'photo from our walk' }).waitFor();
    expect(await held.count()).toBe(0);
    await until(
      () => seen.includes('Is it all right to share a photo from our walk?'),
      'Ash sees the approved message',
    );
    await api('put', '/moderation/mode', { mode: 'open', premoderateDays: null }).expect(200);
  });

  it('a new agreement version takes me to the agreement, and accepting it brings me back to write', async () => {
    await t
      .request()
      .put(`/api/groups/${group.id}/agreement`)
      .set('Authorization', facilitator.auth)
      .send({ text: 'We listen more than we speak.\n\nWhat is said here stays here.' })
      .expect(200);
    await page.getByRole('heading', { name: 'Evening Circle: our agreement' }).waitFor();
    await page.getByText('The agreement has changed since you last accepted it.').waitFor();
    await page.getByText('What is said here stays here.').waitFor();
    await page.getByLabel('I have read the agreement and will keep it').check();
    await page.getByRole('button', { name: 'Accept and enter' }).click();
    await composer(page).waitFor();
    await composer(page).fill('Agreed, and thank you');
    await composer(page).press('Enter');
    await timeline(page).filter({ hasText: 'Agreed, and thank you' }).waitFor();
  });

  it('an ended session asks me to sign in again over the room, and my draft is still there', async () => {
    await composer(page).fill('A thought I do not want to lose');
    // Changing the password elsewhere signs out every other session, this browser's included.
    const elsewhere = await t
      .request()
      .post('/api/auth/login')
      .send({ email: wren.email, password: GOOD_PASSWORD })
      .expect(200);
    const newPassword = 'a quieter walk by the sea';
    await t
      .request()
      .patch('/api/me')
      .set('Authorization', `Bearer ${elsewhere.body.tokens.accessToken}`)
      .send({ currentPassword: GOOD_PASSWORD, newPassword })
      .expect(200);
    const dialog = page.getByRole('dialog', { name: 'Please sign in again' });
    await dialog.waitFor();
    await screenshots(page, '24-session-ended');
    await dialog.getByLabel('Password').fill(newPassword);
    await dialog.getByRole('button', { name: 'Sign in' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await composer(page).inputValue()).toBe('A thought I do not want to lose');
    await composer(page).press('Enter');
    await timeline(page).filter({ hasText: 'A thought I do not want to lose' }).waitFor();
  });

  it('typing shows both ways, and the room works from the keyboard with a visible focus', async () => {
    // Ash, too, accepts the agreement published above, so may write (and type) again.
    await acceptAgreement(t, ash, group.id, 2).expect(200);
    await openRoom();
    await page.getByText('2 here now').waitFor();
    ashSocket.emit('typing', { groupId: group.id, isTyping: true });
    await page.getByText('Ash is writing…').waitFor();
    const typing: string[] = [];
    ashSocket.on('typing', (event) => event.isTyping && typing.push(event.pseudonym ?? ''));
    await composer(page).pressSequentially('Hel');
    await until(() => typing.includes('Wren'), 'Ash sees Wren typing');

    type Focused = { text: string; outline: string };
    const focused = () =>
      page.evaluate(() => {
        const doc = (globalThis as unknown as { document: { activeElement: { textContent: string } | null } })
          .document;
        const active = doc.activeElement;
        const style = (
          globalThis as unknown as { getComputedStyle(e: unknown): { outlineStyle: string } }
        ).getComputedStyle(active);
        return { text: active?.textContent ?? '', outline: style.outlineStyle } as Focused;
      });
    await page.goto(roomUrl);
    await composer(page).waitFor();
    await page.keyboard.press('Tab');
    expect(await focused()).toEqual({ text: 'Skip to content', outline: 'solid' });
    await page.keyboard.press('Tab');
    expect((await focused()).outline).toBe('solid');
    await composer(page).focus();
    await page.keyboard.type('Sent with the keyboard alone');
    await page.keyboard.press('Enter');
    await timeline(page).filter({ hasText: 'Sent with the keyboard alone' }).waitFor();
  });

  it('at 360 px nothing scrolls sideways and every control is at least 44 px tall', async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    for (const path of [`/groups/${group.id}`, '/', '/journal', '/journal/mood', '/account']) {
      await page.goto(`${t.url}${path}`);
      await page.locator('main h1').first().waitFor();
      expect(
        await page.evaluate(
          () =>
            (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document
              .documentElement.scrollWidth,
        ),
      ).toBeLessThanOrEqual(360);
      // Buttons, fields and menus; check boxes and radios are excluded, as their labels are the larger target.
      const small = await page
        .locator(
          'button:visible, .button:visible, input:not([type=checkbox]):not([type=radio]):visible, select:visible, textarea:visible, nav a:visible',
        )
        .evaluateAll((elements) =>
          elements
            .map((e) => ({ what: e.outerHTML.slice(0, 80), height: e.getBoundingClientRect().height }))
            .filter((e) => e.height < 44),
        );
      expect({ path, small }).toEqual({ path, small: [] });
    }
    await page.setViewportSize({ width: 390, height: 844 });
  });

  it('in the dark theme every main screen keeps its contrast', async () => {
    const dark = await browser.newContext({ viewport: { width: 390, height: 844 }, colorScheme: 'dark' });
    const darkPage = await dark.newPage();
    await signInThroughPage(darkPage, t.url, wren.email, 'a quieter walk by the sea');
    for (const [path, name] of [
      [`/groups/${group.id}`, 'room'],
      ['/', 'home'],
      ['/journal', 'journal'],
      ['/account', 'account'],
    ] as const) {
      await darkPage.goto(`${t.url}${path}`);
      await darkPage.locator('main h1').first().waitFor();
      expect(await seriousAxeViolations(darkPage)).toEqual([]);
      await screenshots(darkPage, `25-dark-${name}`);
    }
    await dark.close();
  });

  it('removed with the room open: told so at once, the composer closes, and after a reload it stays closed', async () => {
    const morning = await createGroup(t, facilitator, {
      name: 'Morning Circle',
      facilitatorPseudonym: 'Fern',
    });
    // Wren changed her password above, which ended the session these API calls used: sign in afresh.
    const signedIn = await t
      .request()
      .post('/api/auth/login')
      .send({ email: wren.email, password: 'a quieter walk by the sea' })
      .expect(200);
    const wrenNow = {
      ...wren,
      tokens: signedIn.body.tokens,
      auth: `Bearer ${signedIn.body.tokens.accessToken}`,
    };
    await addActiveMember(t, facilitator, morning.id, wrenNow, 'Wren');
    await page.goto(`${t.url}/groups/${morning.id}`);
    await composer(page).waitFor();
    await page.getByText(/here now/).waitFor();
    await t
      .request()
      .delete(`/api/groups/${morning.id}/members/${wren.id}`)
      .set('Authorization', facilitator.auth)
      .send({ reason: 'Let us talk one to one' })
      .expect(204);
    await page
      .locator('.room-alert', {
        hasText: 'A facilitator removed you from this group. “Let us talk one to one”',
      })
      .waitFor();
    const closed = page.locator('.composer-blocked', { hasText: 'You are no longer in this group' });
    await closed.waitFor();
    expect(await composer(page).count()).toBe(0);
    // Nobody is shown as here with me any more, and there is no check-in to ask for in a group I left.
    expect(await page.getByText(/here now/).count()).toBe(0);
    expect(await page.getByText('Talk to a facilitator').count()).toBe(0);

    // A message that was waiting in the outbox (written offline, say) when she was removed is never sent by
    // itself, not even once she is let back in: it stays, marked not sent, for her to send again or discard.
    await page.evaluate((key) => {
      const waiting = {
        clientId: crypto.randomUUID(),
        body: 'Written before I knew',
        replyToId: null,
        createdAt: new Date().toISOString(),
        state: 'queued',
      };
      const web = globalThis as unknown as { sessionStorage: { setItem(key: string, value: string): void } };
      web.sessionStorage.setItem(key, JSON.stringify([waiting]));
    }, `hearth.outbox.${morning.id}`);
    await page.reload();
    await closed.waitFor();
    expect(await composer(page).count()).toBe(0);
    const unsent = page.locator('.message-pending', { hasText: 'Written before I knew' });
    await unsent.filter({ hasText: 'Not sent' }).waitFor();
    // Out of the group it can be discarded (or copied), not sent again: that would only wait to go out by
    // itself if she were let back in.
    await unsent.getByRole('button', { name: 'Discard' }).waitFor();
    expect(await unsent.getByRole('button', { name: 'Try again' }).count()).toBe(0);

    await addActiveMember(t, facilitator, morning.id, wrenNow, 'Wren');
    await page.reload();
    await composer(page).waitFor();
    await unsent.filter({ hasText: 'Not sent' }).waitFor();
    const history = await t
      .request()
      .get(`/api/groups/${morning.id}/messages`)
      .set('Authorization', facilitator.auth)
      .expect(200);
    expect(history.body.map((message: { body: string }) => message.body)).not.toContain(
      'Written before I knew',
    );
    // Back in the group, sending it is hers to choose.
    await unsent.getByRole('button', { name: 'Try again' }).click();
    await timeline(page).filter({ hasText: 'Written before I knew' }).waitFor();
    expect(await unsent.count()).toBe(0);
  });

  it('an archived group can be read, not written to', async () => {
    await t
      .request()
      .post(`/api/groups/${group.id}/archive`)
      .set('Authorization', facilitator.auth)
      .expect(200);
    await page.goto(roomUrl);
    await page.locator('.composer-blocked', { hasText: 'This group is archived.' }).waitFor();
    await timeline(page).filter({ hasText: 'Agreed, and thank you' }).waitFor();
    expect(csp).toEqual([]);
    await context.close();
  });
});
