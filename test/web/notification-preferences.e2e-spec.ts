import { jest } from '@jest/globals';
import type { Browser } from 'playwright-core';

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
import { createGroup } from '../support/groups.js';
import { createAccount, GOOD_PASSWORD, registerUser, type TestUser } from '../support/users.js';

/** The account page's "What Hearth tells you": a member's choices are kept; a facilitator's crisis alerts stay on. */
describeInBrowser('Web client: what Hearth tells you', () => {
  let t: TestApp;
  let browser: Browser;
  let facilitator: TestUser;
  let mia: TestUser;

  jest.setTimeout(90_000);

  beforeAll(async () => {
    ensureWebBuilt();
    t = await createTestApp({ env: { WEB_ROOT } });
    const admin = await registerUser(t, { displayName: 'Admin' });
    facilitator = await createAccount(t, admin, 'facilitator', 'Fern');
    await createGroup(t, facilitator, { name: 'New Mothers Circle', facilitatorPseudonym: 'Fern' });
    mia = await registerUser(t, { displayName: 'Mia' });
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const preferencesOf = async (user: TestUser) =>
    (await t.request().get('/api/me/notification-preferences').set('Authorization', user.auth).expect(200))
      .body;

  it('a member turns off mention notices and sets quiet hours; they are kept', async () => {
    const { context, page, cspViolations } = await newContext(browser);
    await signInThroughPage(page, t.url, mia.email, GOOD_PASSWORD);
    await page.goto(`${t.url}/account`);
    const section = page.locator('section', {
      has: page.getByRole('heading', { name: 'What Hearth tells you' }),
    });
    await section.waitFor();
    // No email on this server: the email column cannot be chosen, and it says so.
    await section.getByText('This Hearth sends no email').waitFor();
    expect(
      await section
        .getByLabel('Mentions of me, replies to my messages, private check-ins with me: by email')
        .isDisabled(),
    ).toBe(true);
    // A member is not asked about crisis alerts or join requests.
    expect(await section.getByText('Crisis alerts in the groups I facilitate').count()).toBe(0);

    await section
      .getByLabel('Mentions of me, replies to my messages, private check-ins with me: on my devices')
      .uncheck();
    await section.getByLabel('Hold everything but crisis alerts at night').check();
    await section.getByLabel('From').fill('21:30');
    // New messages once a day in one summary; reminders only an hour before.
    await section.getByLabel('New messages in my groups: on my devices').check();
    await section.getByLabel('Tell me').selectOption({ label: 'in a summary once a day' });
    await section.getByLabel('1 day before').uncheck();
    expect(await section.getByLabel('1 hour before').isChecked()).toBe(true);
    await section.getByRole('button', { name: 'Save notification choices' }).click();
    await section.getByText('Saved.').waitFor();
    expect(await preferencesOf(mia)).toMatchObject({
      channels: { mentions: { push: false }, messages: { push: true } },
      quietHours: { start: '21:30', end: '07:00' },
      messageDigestHours: 24,
      meetingReminders: [60],
    });

    await page.reload();
    await section.waitFor();
    expect(
      await section
        .getByLabel('Mentions of me, replies to my messages, private check-ins with me: on my devices')
        .isChecked(),
    ).toBe(false);
    expect(await section.getByLabel('From').inputValue()).toBe('21:30');
    expect(await section.getByLabel('1 day before').isChecked()).toBe(false);
    expect(await section.getByLabel('Tell me').inputValue()).toBe('24');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await section.scrollIntoViewIfNeeded();
    await screenshots(page, '95-notification-preferences');
    expect(cspViolations).toEqual([]);
    await context.close();
  });

  it('a facilitator sees crisis alerts on and cannot turn them off', async () => {
    const { context, page } = await newContext(browser);
    await signInThroughPage(page, t.url, facilitator.email, GOOD_PASSWORD);
    await page.goto(`${t.url}/account`);
    const crisis = page.getByLabel('Crisis alerts in the groups I facilitate: on my devices');
    await crisis.waitFor();
    expect(await crisis.isChecked()).toBe(true);
    expect(await crisis.isDisabled()).toBe(true);
    await page.getByText('(always on while you facilitate)').waitFor();
    expect((await preferencesOf(facilitator)).locked).toEqual(['crisis']);
    await context.close();
  });
});
