import { jest } from '@jest/globals';
import { generate } from 'otplib';
import type { Browser, BrowserContext, Page } from 'playwright-core';

import { createTestApp, type TestApp } from '../support/app.js';
import {
  describeInBrowser,
  ensureWebBuilt,
  LAPTOP,
  launch,
  newContext,
  screenshots,
  seriousAxeViolations,
  WEB_ROOT,
} from '../support/browser.js';
import { freePort } from '../support/node-process.js';
import { GOOD_PASSWORD, registerUser, signIn, type TestUser } from '../support/users.js';

/**
 * Two-step verification in Chromium, as an admin on a fresh instance (STAFF_2FA=required) finds it: the banner,
 * an authenticator app set up from the account screen, then a passkey through the DevTools virtual
 * authenticator, and signing in with each.
 */
describeInBrowser('Web client: two-step verification with an authenticator app and a passkey', () => {
  let t: TestApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let admin: TestUser;
  let base: string;
  let secret = '';
  let cspViolations: string[] = [];

  jest.setTimeout(90_000);

  beforeAll(async () => {
    ensureWebBuilt();
    const port = await freePort();
    // Passkeys need a host name (not an IP address) as their relying party, and a secure context: localhost.
    base = `http://localhost:${port}`;
    t = await createTestApp({ port, env: { WEB_ROOT, STAFF_2FA: 'required', PUBLIC_URL: base } });
    admin = await registerUser(t, { displayName: 'Ada' });
    browser = await launch();
    const opened = await newContext(browser, LAPTOP);
    context = opened.context;
    page = opened.page;
    cspViolations = opened.cspViolations;
    // The virtual authenticator stands in for Touch ID or a security key: it answers every request.
    const cdp = await context.newCDPSession(page);
    await cdp.send('WebAuthn.enable');
    await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: {
        protocol: 'ctap2',
        transport: 'internal',
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
        automaticPresenceSimulation: true,
      },
    });
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const signInWithPassword = async () => {
    await page.goto(`${base}/signin`);
    await page.getByLabel('Email').fill(admin.email);
    await page.getByLabel('Password').fill(GOOD_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
  };

  const signOut = async () => {
    await page.goto(`${base}/account`);
    await page.getByRole('button', { name: 'Sign out of this device' }).click();
    await page.getByRole('heading', { name: 'Welcome back' }).waitFor();
  };

  const codeNow = () => generate({ secret, epoch: Math.floor(t.clock.now().getTime() / 1000) });

  it('tells staff without a second factor that their tools are off, and sets up an authenticator app', async () => {
    await signInWithPassword();
    await page.getByRole('heading', { name: 'Your groups' }).waitFor();
    const banner = page.getByRole('status').filter({ hasText: 'tools are off' });
    await banner.waitFor();
    expect(await banner.textContent()).toContain(
      'Your admin tools are off until you set up two-step verification',
    );
    // The admin screen says why it is empty, rather than loading for ever.
    await page.goto(`${base}/admin`);
    const people = page.getByRole('region', { name: 'People' });
    await people.getByText('Set up two-step verification to use your staff tools').waitFor();
    await page.goto(`${base}/`);
    await banner.waitFor();
    await banner.getByRole('link', { name: 'set up two-step verification' }).click();

    await page.getByRole('heading', { name: 'Two-step verification' }).waitFor();
    await page.getByRole('button', { name: 'Set up an authenticator app' }).click();
    await page.getByRole('img', { name: 'QR code for your authenticator app' }).waitFor();
    secret = (await page.getByTestId('totp-secret').textContent()) ?? '';
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);

    await page
      .getByLabel('The 6-digit code the app shows')
      .fill('000000' === (await codeNow()) ? '111111' : '000000');
    await page.getByRole('button', { name: 'Turn on', exact: true }).click();
    await page.getByText('That code did not match').waitFor();

    await page.getByLabel('The 6-digit code the app shows').fill(await codeNow());
    await page.getByRole('button', { name: 'Turn on', exact: true }).click();
    const codes = page.getByRole('list', { name: 'Recovery codes' });
    await codes.waitFor();
    expect(await codes.getByRole('listitem').count()).toBe(10);
    await screenshots(page, 'two-factor-recovery-codes');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'I have saved them' }).click();
    await page.getByText('On. Signing in asks for your password and a second step.').waitFor();

    // The staff tools are on in this session now, and the banner is gone.
    await page.goto(`${base}/admin`);
    await page
      .getByRole('heading', { name: /Admin|Administration|People/ })
      .first()
      .waitFor();
    expect(await page.getByText('tools are off').count()).toBe(0);
  });

  it('asks for the code after the password when signing in again', async () => {
    await signOut();
    t.clock.advance(30_000);
    await signInWithPassword();
    await page.getByRole('heading', { name: 'Two-step verification' }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshots(page, 'two-factor-sign-in');
    await page.getByLabel('Code from your authenticator app').fill(await codeNow());
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.getByRole('heading', { name: 'Your groups' }).waitFor();
  });

  it('adds a passkey from the account screen and signs in with it', async () => {
    await page.goto(`${base}/account`);
    await page.getByRole('button', { name: 'Add a passkey' }).click();
    const factors = page.getByRole('list', { name: 'Your second factors' });
    await factors.getByRole('button', { name: 'Remove Passkey on Linux' }).waitFor();
    expect(await factors.getByRole('listitem').count()).toBe(2);

    await signOut();
    await signInWithPassword();
    await page.getByRole('button', { name: 'Use a passkey' }).click();
    await page.getByRole('heading', { name: 'Your groups' }).waitFor();

    // The passkey answered the server's challenge: the factor records its use.
    const login = await signIn(t, admin.email, GOOD_PASSWORD).expect(200);
    expect(login.body.secondFactor.methods).toEqual(['totp', 'passkey', 'recovery']);
    expect(cspViolations).toEqual([]);
  });
});
