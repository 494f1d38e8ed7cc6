import { jest } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';

import { createTestApp, type TestApp } from '../support/app.js';
import {
  describeInBrowser,
  ensureWebBuilt,
  launch,
  newContext,
  screenshots,
  seriousAxeViolations,
  WEB_ROOT,
} from '../support/browser.js';
import { freePort } from '../support/node-process.js';
import { startSmtpServer, type ReceivedMail, type TestSmtpServer } from '../support/smtp.js';
import { GOOD_PASSWORD, registerUser, signIn, type TestUser } from '../support/users.js';

const NEW_PASSWORD = 'the kettle sings at dawn';

async function signInWith(page: Page, base: string, email: string, password: string): Promise<void> {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Your groups' }).waitFor();
  expect(new URL(page.url()).origin).toBe(base);
}

/** Getting back in, in Chromium: forgot password → the email → a new password → sign in; and email verification. */
describeInBrowser('Web client: forgot password by email, and address verification', () => {
  let smtp: TestSmtpServer;
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let mia: TestUser;
  let cspViolations: string[] = [];

  jest.setTimeout(90_000);

  beforeAll(async () => {
    ensureWebBuilt();
    smtp = await startSmtpServer();
    const port = await freePort();
    base = `http://localhost:${port}`;
    t = await createTestApp({ port, env: { WEB_ROOT, PUBLIC_URL: base, SMTP_URL: smtp.url } });
    await registerUser(t, { displayName: 'Ada' });
    mia = await registerUser(t, { displayName: 'Mia' });
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await smtp?.close();
  });

  it('sends a link from "Forgot password?", sets a new password with it, then signs in', async () => {
    const opened = await newContext(browser);
    cspViolations = opened.cspViolations;
    const page = opened.page;
    await page.goto(`${base}/signin`);
    await page.getByRole('link', { name: 'Forgot password?' }).click();
    await page.getByRole('heading', { name: 'Forgot your password?' }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByLabel('Email').fill(mia.email);
    await page.getByRole('button', { name: 'Send me a link' }).click();
    await page.getByText('If an account uses this address').waitFor();
    await screenshots(page, 'forgot-password-sent');

    const mail = await smtp.nextMail(
      (m) => m.to.includes(mia.email) && m.subject === 'Choose a new Hearth password',
    );
    const link = /(http:\/\/\S+\/reset-password\?token=[A-Za-z0-9_-]+)/.exec(mail.text)![1];
    expect(mail.html).toContain(link);

    await page.goto(link);
    await page.getByRole('heading', { name: 'Choose a new password' }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByLabel('New password').fill('short');
    await page.getByRole('button', { name: 'Save my new password' }).click();
    await page
      .getByText(/at least 12 characters/i)
      .first()
      .waitFor();
    await page.getByLabel('New password').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Save my new password' }).click();
    await page.getByText('Your new password is saved. Sign in with it.').waitFor();
    await signInWith(page, base, mia.email, NEW_PASSWORD);
    await signIn(t, mia.email, GOOD_PASSWORD).expect(401);

    // The same link a second time: the server's own words reach the person.
    await page.goto(link);
    await page.getByLabel('New password').fill('another long phrase here');
    await page.getByRole('button', { name: 'Save my new password' }).click();
    await page.getByText('This link is invalid, already used or expired.').waitFor();
    await page.context().close();
    expect(cspViolations).toEqual([]);
  });

  it('asks to confirm the address on the account page until the link is opened', async () => {
    const lee = await registerUser(t, { displayName: 'Lee' });
    const verificationFor = (m: ReceivedMail) =>
      m.to.includes(lee.email) && m.subject === 'Confirm your email address for Hearth';
    const linkIn = (m: ReceivedMail) => /(http:\/\/\S+\/verify-email\?token=[A-Za-z0-9_-]+)/.exec(m.text)![1];
    const first = linkIn(await smtp.nextMail(verificationFor));

    const { page, context } = await newContext(browser);
    await page.goto(`${base}/signin`);
    await signInWith(page, base, lee.email, GOOD_PASSWORD);
    await page.goto(`${base}/account`);
    await page.getByRole('heading', { name: 'Confirm your email address' }).waitFor();
    await page.getByRole('button', { name: 'Send me a new link' }).click();
    await page.getByText('A new link is on its way').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    const latest = linkIn(await smtp.nextMail(verificationFor));

    // The new link replaced the first one.
    await page.goto(first);
    await page.getByText('This link is invalid, already used or expired.').waitFor();
    await page.goto(latest);
    await page.getByText('Thank you: your address is confirmed.').waitFor();
    await screenshots(page, 'email-verified');
    await page.goto(`${base}/account`);
    await page.getByRole('heading', { name: 'Profile' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Confirm your email address' }).count()).toBe(0);
    await context.close();
  });
});

describeInBrowser('Web client: a reset link from an admin, on an instance without email', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let admin: TestUser;
  let mia: TestUser;

  jest.setTimeout(90_000);

  beforeAll(async () => {
    ensureWebBuilt();
    const port = await freePort();
    base = `http://localhost:${port}`;
    t = await createTestApp({ port, env: { WEB_ROOT, PUBLIC_URL: base } });
    admin = await registerUser(t, { displayName: 'Ada' });
    mia = await registerUser(t, { displayName: 'Mia' });
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('says whom to ask, and the admin’s link lets the person choose a new password', async () => {
    const member = await newContext(browser);
    await member.page.goto(`${base}/signin`);
    await member.page.getByRole('link', { name: 'Forgot password?' }).click();
    await member.page
      .getByText('ask your group’s facilitator or an admin for a reset link', { exact: false })
      .waitFor();
    expect(await member.page.getByRole('button', { name: 'Send me a link' }).count()).toBe(0);
    await screenshots(member.page, 'forgot-password-no-email');

    const staff = await newContext(browser, { width: 1280, height: 800 });
    await staff.page.goto(`${base}/signin`);
    await signInWith(staff.page, base, admin.email, GOOD_PASSWORD);
    await staff.page.goto(`${base}/admin`);
    await staff.page.getByRole('button', { name: 'Create reset link for Mia' }).click();
    const field = staff.page.getByLabel('Link', { exact: true });
    await field.waitFor();
    const url = await field.inputValue();
    expect(url).toMatch(new RegExp(`^${base}/reset-password\\?token=[A-Za-z0-9_-]{43,}$`));
    expect(await seriousAxeViolations(staff.page)).toEqual([]);
    await screenshots(staff.page, 'admin-reset-link');

    await member.page.goto(url);
    await member.page.getByLabel('New password').fill(NEW_PASSWORD);
    await member.page.getByRole('button', { name: 'Save my new password' }).click();
    await member.page.getByText('Your new password is saved. Sign in with it.').waitFor();
    await signInWith(member.page, base, mia.email, NEW_PASSWORD);
    await member.context.close();
    await staff.context.close();
  });
});
