import { jest } from '@jest/globals';
import type { Browser } from 'playwright-core';

import { createTestApp, type TestApp } from '../support/app.js';
import {
  describeInBrowser,
  ensureWebBuilt,
  launch,
  newContext,
  PHONE,
  seriousAxeViolations,
  smallControls,
  WEB_ROOT,
} from '../support/browser.js';
import { createGroup, createInvite } from '../support/groups.js';
import { createAccount, registerUser } from '../support/users.js';

/**
 * Someone may reach Hearth signed out on a bad night: a forgotten password, an invitation. Help now is one press
 * away there too (the lines work without an account), in her language, and every control is a finger's size
 * (issue 17: found by the Chromium walkthrough; "Forgot your password?" was a 19 px line of text).
 */
describeInBrowser('Web client: Help now before signing in', () => {
  let t: TestApp;
  let browser: Browser;
  let inviteCode: string;

  jest.setTimeout(120_000);

  beforeAll(async () => {
    ensureWebBuilt();
    t = await createTestApp({ env: { WEB_ROOT } });
    const admin = await registerUser(t, { displayName: 'Admin' });
    const facilitator = await createAccount(t, admin, 'facilitator', 'Fern');
    const group = await createGroup(t, facilitator, { name: 'Harbour Circle', facilitatorPseudonym: 'Fern' });
    inviteCode = (await createInvite(t, facilitator, group.id)).code;
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it.each([
    ['en-US', '/signin', 'Help now', 'Support is here', '988 Suicide & Crisis Lifeline'],
    ['es-MX', '/signin', 'Ayuda ahora', 'Aquí hay apoyo', 'Línea 988'],
    ['en-US', '/forgot-password', 'Help now', 'Support is here', '988 Suicide & Crisis Lifeline'],
    ['es-MX', 'invite', 'Ayuda ahora', 'Aquí hay apoyo', 'Línea 988'],
  ])('%s %s: Help now opens the crisis lines in her language', async (locale, path, button, title, line) => {
    const { page, context } = await newContext(browser, PHONE, { locale });
    try {
      await page.goto(`${t.url}${path === 'invite' ? `/invite/${inviteCode}` : path}`);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      expect(await smallControls(page, 'main')).toEqual([]);
      await page.getByRole('button', { name: button }).click();
      const dialog = page.getByRole('dialog', { name: title });
      await dialog.waitFor();
      await dialog.getByText(line).first().waitFor();
      expect(await seriousAxeViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
