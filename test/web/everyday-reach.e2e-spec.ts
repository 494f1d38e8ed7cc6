import { jest } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';

import { createTestApp, type TestApp } from '../support/app.js';
import {
  composer,
  describeInBrowser,
  ensureWebBuilt,
  LAPTOP,
  launch,
  newContext,
  screenshots,
  seriousAxeViolations,
  signInThroughPage,
  timeline,
  WEB_ROOT,
} from '../support/browser.js';
import { recordDomainEvents } from '../support/events.js';
import { addActiveMember, createGroup, createInvite, redeem, type GroupCard } from '../support/groups.js';
import { type ClientSocket } from '../support/sockets.js';
import { createAccount, GOOD_PASSWORD, registerUser, renew, type TestUser } from '../support/users.js';
import { inRoom, said } from '../moderation/support.js';

/**
 * Issue 16, "Reach people when Hearth is closed", in Chromium: naming someone with `@`, the unread count in the
 * tab's title, the group's meetings with their video link, and how fast crisis incidents were acknowledged.
 */
describeInBrowser('Web client: everyday reach', () => {
  let t: TestApp;
  let browser: Browser;
  let facilitator: TestUser;
  let mia: TestUser;
  let sol: TestUser;
  let sage: TestUser;
  let ivy: TestUser;
  let group: GroupCard;
  const membershipOf: Record<string, string> = {};
  const sockets: ClientSocket[] = [];

  jest.setTimeout(120_000);

  beforeAll(async () => {
    ensureWebBuilt();
    t = await createTestApp({ env: { WEB_ROOT, CHAT_RATE_LIMIT: '1000' } });
    const admin = await registerUser(t, { displayName: 'Admin' });
    facilitator = await createAccount(t, admin, 'facilitator', 'Fern');
    group = await createGroup(t, facilitator, {
      name: 'Evening Circle',
      timezone: 'Asia/Tokyo',
      facilitatorPseudonym: 'Fern',
    });
    membershipOf.Fern = group.membership!.id;
    mia = await registerUser(t, { displayName: 'Mia' });
    sol = await registerUser(t, { displayName: 'Sol' });
    sage = await registerUser(t, { displayName: 'Sage' });
    ivy = await registerUser(t, { displayName: 'Ivy' });
    for (const [user, pseudonym] of [
      [mia, 'Mia'],
      [sol, 'Sol'],
      [sage, 'Sage Moon'],
    ] as const) {
      membershipOf[pseudonym] = (
        await addActiveMember(t, facilitator, group.id, user, pseudonym)
      ).membershipId;
    }
    // Ivy has her invitation but has not accepted the agreement yet.
    const invite = await createInvite(t, facilitator, group.id);
    expect((await redeem(t, ivy, invite.code, 'Ivy')).status).toBe(200);
    browser = await launch();
  });

  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await browser?.close();
    await t?.close();
  });

  const signedIn = async (user: TestUser, place: { timezoneId?: string; locale?: string } = {}) => {
    const opened = await newContext(browser, LAPTOP, { locale: 'en-US', ...place });
    await signInThroughPage(opened.page, t.url, user.email, GOOD_PASSWORD);
    return opened;
  };

  const roomOf = async (user: TestUser) => {
    const socket = await inRoom(t, user, group.id);
    sockets.push(socket);
    return socket;
  };

  /** Waits for the tab's title (the count comes from the server, read again at least every 15 seconds). */
  const titled = (page: Page, title: string) =>
    page.waitForFunction(
      (wanted) => (globalThis as unknown as { document: { title: string } }).document.title === wanted,
      title,
      { timeout: 40_000 },
    );

  const mentionList = (page: Page) => page.getByRole('listbox', { name: 'Members to mention' });
  const optionNames = (page: Page) => mentionList(page).getByRole('option').allTextContents();
  const selectedOption = (page: Page) =>
    mentionList(page).getByRole('option', { selected: true }).textContent();

  it('@ offers the group’s members by pseudonym; arrows, Enter, Tab and a click choose; the server reads each mention', async () => {
    const recorder = recordDomainEvents(t);
    const { context, page, cspViolations } = await signedIn(mia);
    await page.goto(`${t.url}/groups/${group.id}`);
    const box = composer(page);
    await box.waitFor();

    await box.pressSequentially('Thanks @s');
    await mentionList(page).waitFor();
    // Others by pseudonym, sorted; never Mia herself, never an email.
    expect(await optionNames(page)).toEqual(['Sage Moon', 'Sol']);
    expect(await selectedOption(page)).toBe('Sage Moon');
    const activeId = await box.getAttribute('aria-activedescendant');
    expect(await page.locator(`[id="${activeId}"]`).textContent()).toBe('Sage Moon');
    expect(await box.getAttribute('aria-controls')).toBe(await mentionList(page).getAttribute('id'));
    await page.getByText('2 members match.').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshots(page, '96-mention-list');

    await box.press('ArrowDown');
    expect(await selectedOption(page)).toBe('Sol');
    await box.press('ArrowDown');
    expect(await selectedOption(page)).toBe('Sage Moon');
    await box.press('ArrowUp');
    expect(await selectedOption(page)).toBe('Sol');
    // Enter chooses (and does not send).
    await box.press('Enter');
    expect(await box.inputValue()).toBe('Thanks @Sol ');
    expect(await mentionList(page).count()).toBe(0);

    // A later word of a pseudonym finds it too; Escape closes the list and leaves the text as it was.
    await box.pressSequentially('and @mo');
    expect(await optionNames(page)).toEqual(['Sage Moon']);
    await box.press('Escape');
    expect(await mentionList(page).count()).toBe(0);
    expect(await box.inputValue()).toBe('Thanks @Sol and @mo');
    await box.pressSequentially('o');
    expect(await mentionList(page).count()).toBe(0);

    // A new @ opens it again; Tab chooses.
    for (let i = 0; i < 4; i++) await box.press('Backspace');
    await box.pressSequentially('@Sa');
    expect(await optionNames(page)).toEqual(['Sage Moon']);
    await box.press('Tab');
    expect(await box.inputValue()).toBe('Thanks @Sol and @Sage Moon ');
    await expect(box.evaluate((el) => el === el.ownerDocument.activeElement)).resolves.toBe(true);

    // A click chooses, and the caret stays in the message box after the name.
    await box.pressSequentially('for tonight, @');
    expect(await optionNames(page)).toEqual(['Fern', 'Sage Moon', 'Sol']);
    await mentionList(page).getByRole('option', { name: 'Fern' }).click();
    await box.pressSequentially('too');
    expect(await box.inputValue()).toBe('Thanks @Sol and @Sage Moon for tonight, @Fern too');

    await box.press('Enter');
    await timeline(page).filter({ hasText: 'for tonight, @Fern too' }).waitFor();
    const posted = recorder.of('message.posted');
    recorder.stop();
    expect(posted).toHaveLength(1);
    expect(posted[0].mentionedMembershipIds).toEqual(
      [membershipOf.Sol, membershipOf['Sage Moon'], membershipOf.Fern].sort(),
    );
    const html = await page.content();
    for (const user of [facilitator, sol, sage, ivy]) expect(html).not.toContain(user.email);
    expect(cspViolations).toEqual([]);
    await context.close();
  });

  it('a facilitator is offered pseudonyms only: no account of anyone reaches the room', async () => {
    const { context, page } = await signedIn(facilitator);
    const accounts: string[] = [];
    page.on('response', (response) => {
      if (response.url().includes('/members')) void response.text().then((text) => accounts.push(text));
    });
    await page.goto(`${t.url}/groups/${group.id}`);
    await composer(page).pressSequentially('@');
    await mentionList(page).waitFor();
    expect(await optionNames(page)).toEqual(['Mia', 'Sage Moon', 'Sol']);
    const html = await page.content();
    for (const user of [mia, sol, sage, ivy]) {
      expect(html).not.toContain(user.email);
      expect(accounts.join()).not.toContain(user.email);
    }

    // Someone who joins while the room is open can be named as soon as she is here.
    await composer(page).fill('');
    const nova = await registerUser(t, { displayName: 'Nova' });
    await addActiveMember(t, facilitator, group.id, nova, 'Nova');
    await roomOf(nova);
    await page.getByText('2 here now').waitFor();
    await composer(page).pressSequentially('@N');
    await mentionList(page).getByRole('option', { name: 'Nova' }).waitFor();
    expect(accounts.join()).not.toContain(nova.email);
    await context.close();
  });

  it('the tab’s title counts unread messages across groups while the person is elsewhere, and clears when read', async () => {
    const { context, page } = await signedIn(mia);
    await page.goto(`${t.url}/account`);
    await page.getByRole('heading', { name: 'What Hearth tells you' }).waitFor();
    // Fern, Sol and Sage Moon have said nothing yet that Mia has not read.
    await titled(page, 'Hearth');

    const solInRoom = await roomOf(sol);
    await said(solInRoom, group.id, 'Is anyone around tonight?');
    await titled(page, '(1) Hearth');
    await said(solInRoom, group.id, 'Anyone up for a chat?');
    await titled(page, '(2) Hearth');

    await page.goto(`${t.url}/`);
    await page.locator('.group-card', { hasText: 'Evening Circle' }).getByLabel('2 unread').waitFor();
    await titled(page, '(2) Hearth');
    await page.getByRole('link', { name: 'Evening Circle' }).click();
    await timeline(page).filter({ hasText: 'Anyone up for a chat?' }).waitFor();
    await titled(page, 'Hearth');
    await context.close();
  });

  it('the app icon’s badge follows the count where the browser has one', async () => {
    const { context, page } = await signedIn(mia);
    // Records the calls and passes them on to Chromium's own badge (which may refuse outside an installed app).
    await context.addInitScript(() => {
      const page = globalThis as unknown as {
        badgeCalls: string[];
        navigator: { setAppBadge?: (n?: number) => Promise<void>; clearAppBadge?: () => Promise<void> };
      };
      const calls: string[] = (page.badgeCalls = []);
      const nav = page.navigator;
      const set = nav.setAppBadge?.bind(nav);
      const clear = nav.clearAppBadge?.bind(nav);
      if (set) nav.setAppBadge = (n?: number) => (calls.push(`set ${n}`), set(n));
      if (clear) nav.clearAppBadge = () => (calls.push('clear'), clear());
    });
    const badgeCalls = () =>
      page.evaluate(() => (globalThis as unknown as { badgeCalls: string[] }).badgeCalls);
    await page.goto(`${t.url}/journal`);
    await titled(page, 'Hearth');
    // Debian's Chromium has the Badging API; the client guards for browsers without it.
    expect(
      await page.evaluate(() => 'setAppBadge' in (globalThis as { navigator?: object }).navigator!),
    ).toBe(true);
    await said(await roomOf(sage), group.id, 'Good evening, all.');
    await titled(page, '(1) Hearth');
    expect((await badgeCalls()).at(-1)).toBe('set 1');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Groups' }).click();
    await page.getByRole('link', { name: 'Evening Circle' }).click();
    await timeline(page).filter({ hasText: 'Good evening, all.' }).waitFor();
    await titled(page, 'Hearth');
    expect((await badgeCalls()).at(-1)).toBe('clear');
    await context.close();
  });

  /** The date of the next `weekday` (0 Sunday) at least two days ahead, at `time` in Tokyo (no daylight saving). */
  const nextInTokyo = (weekday: number, time: string) => {
    const tokyoNow = new Date(Date.now() + 9 * 3_600_000);
    const day = new Date(
      Date.UTC(tokyoNow.getUTCFullYear(), tokyoNow.getUTCMonth(), tokyoNow.getUTCDate() + 2),
    );
    while (day.getUTCDay() !== weekday) day.setUTCDate(day.getUTCDate() + 1);
    return `${day.toISOString().slice(0, 10)}T${time}:00+09:00`;
  };

  it('meetings: a series reads “Every Tuesday at 7:00 PM” in the group’s zone; members get the video link', async () => {
    const schedule = (body: object) =>
      t
        .request()
        .post(`/api/groups/${group.id}/meetings`)
        .set('Authorization', facilitator.auth)
        .send(body)
        .expect(201);
    await schedule({
      title: 'Weekly circle',
      startsAt: nextInTokyo(2, '19:00'),
      durationMinutes: 90,
      recurrence: 'weekly',
      location: 'The garden room',
      videoUrl: 'https://meet.example.org/evening-circle',
    });
    await schedule({
      title: 'Integration workshop',
      startsAt: nextInTokyo(4, '10:30'),
      durationMinutes: 120,
      videoUrl: 'https://meet.example.org/workshop',
    });

    // Mia reads Hearth in Berlin: the times are the group's, and the zone is named.
    const { context, page, cspViolations } = await signedIn(mia, { timezoneId: 'Europe/Berlin' });
    const meetings = page.locator('section', { has: page.getByRole('heading', { name: 'Meetings' }) });
    const weekly = meetings.getByRole('listitem').filter({ hasText: 'Weekly circle' });
    await weekly.waitFor();
    await weekly.getByText(/^Every Tuesday at 7:00\sPM \(Tokyo time\)$/u).waitFor();
    await weekly.getByText(/^Next: /u).waitFor();
    await weekly.getByText('The garden room').waitFor();
    const workshop = meetings.getByRole('listitem').filter({ hasText: 'Integration workshop' });
    await workshop.getByText(/^Thursday, \w+ \d{1,2}, \d{4} at 10:30\sAM \(Tokyo time\)$/u).waitFor();
    const call = weekly.getByRole('link', { name: /^Join video call/u });
    expect(await call.getAttribute('href')).toBe('https://meet.example.org/evening-circle');
    expect(await call.getAttribute('rel')).toContain('noopener');
    expect(await workshop.getByRole('link', { name: /^Join video call/u }).getAttribute('href')).toBe(
      'https://meet.example.org/workshop',
    );
    // A series is listed once, however many of its evenings fall in the coming weeks.
    expect(await meetings.getByRole('listitem').filter({ hasText: 'Weekly circle' }).count()).toBe(1);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await meetings.scrollIntoViewIfNeeded();
    await screenshots(page, '97-meetings');
    expect(cspViolations).toEqual([]);
    await context.close();

    // The console's list of the group's meetings reads the same way for the facilitator.
    const staff = await signedIn(facilitator, { timezoneId: 'America/New_York' });
    await staff.page.goto(`${t.url}/groups/${group.id}/console?tab=meetings`);
    const series = staff.page.locator('.card', { hasText: 'Weekly circle' });
    await series.getByText(/Every Tuesday at 7:00\sPM \(Tokyo time\) · 90 min/u).waitFor();
    expect(await series.getByRole('link', { name: /^Join video call/u }).getAttribute('href')).toBe(
      'https://meet.example.org/evening-circle',
    );
    await staff.context.close();

    // Ivy, in Tokyo, has not accepted the agreement: she sees when, not the way in; her zone is the group's.
    const joining = await signedIn(ivy, { timezoneId: 'Asia/Tokyo' });
    const hers = joining.page.locator('section', {
      has: joining.page.getByRole('heading', { name: 'Meetings' }),
    });
    await hers.getByText(/^Every Tuesday at 7:00\sPM$/u).waitFor();
    expect(await hers.getByRole('link', { name: /Join video call/u }).count()).toBe(0);
    expect(await joining.page.content()).not.toContain('meet.example.org');
    await joining.context.close();
  });

  const incidentsTab = async (page: Page) => {
    await page.goto(`${t.url}/groups/${group.id}/console?tab=incidents`);
    await page.getByRole('heading', { name: 'Crisis incidents' }).waitFor();
  };

  const acknowledgeOpenIncident = async () => {
    await renew(t, facilitator);
    const api = `/api/groups/${group.id}/moderation/incidents`;
    let open: { id: string }[] = [];
    for (let tries = 0; tries < 50 && open.length === 0; tries++) {
      const listed = await t.request().get(api).set('Authorization', facilitator.auth).expect(200);
      open = (listed.body as { id: string; status: string }[]).filter((i) => i.status === 'open');
      if (open.length === 0) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(open).toHaveLength(1);
    return open[0].id;
  };

  it('the console’s incidents tab says how fast incidents were acknowledged, calmly when there were none', async () => {
    const { context, page, cspViolations } = await signedIn(facilitator);
    await incidentsTab(page);
    await page.getByText('No crisis incidents in the last 30 days.').waitFor();
    expect(await page.getByText('No incidents.').count()).toBe(0);
    expect(await page.getByText(/Median time to acknowledge/u).count()).toBe(0);

    // Two incidents: acknowledged after 4 and after 18 minutes (the server's clock moved by hand).
    for (const [author, minutes] of [
      [sol, 4],
      [sage, 18],
    ] as const) {
      await said(await roomOf(author), group.id, 'I honestly want to die, I cannot do this anymore');
      const incidentId = await acknowledgeOpenIncident();
      t.clock.advance(minutes * 60_000);
      await renew(t, facilitator);
      await t
        .request()
        .post(`/api/groups/${group.id}/moderation/incidents/${incidentId}/acknowledge`)
        .set('Authorization', facilitator.auth)
        .send({ note: 'Called and talked it through' })
        .expect(200);
    }

    await incidentsTab(page);
    await page
      .getByText('Median time to acknowledge: 11 min · Longest: 18 min · 2 incidents in 30 days')
      .waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshots(page, '98-incident-response');
    expect(cspViolations).toEqual([]);
    await context.close();
  });
});
