import { jest } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';

import { createTestApp, type TestApp } from '../support/app.js';
import {
  describeInBrowser,
  ensureWebBuilt,
  launch,
  newContext,
  PHONE,
  screenshots,
  seriousAxeViolations,
  sidewaysScroll,
  signInThroughPage,
  smallControls,
  WEB_ROOT,
} from '../support/browser.js';
import { addActiveMember, createGroup } from '../support/groups.js';
import { registerUser, type TestUser } from '../support/users.js';

/** The page's globals, typed here: the test's TypeScript has no DOM types. */
type Doc = {
  document: { documentElement: { lang: string } };
  localStorage: { setItem(key: string, value: string): void };
};

/** The language this device speaks from the next load on, as the account's language choice stores it. */
const choose = (page: Page, language: string) =>
  page.evaluate(
    (chosen) => (globalThis as unknown as Doc).localStorage.setItem('hearth.language', chosen),
    language,
  );

/** The narrowest phone the client is made for. */
const NARROW = { width: 360, height: 740 };

/**
 * Every main screen, as an admin who facilitates a group sees it, in English and Spanish and in the light and dark
 * themes: axe finds nothing serious or critical, nothing scrolls sideways at 360 px, every button, field, menu
 * and way back ("← Journal") is at least 44 px, and a screenshot of each (phone and desktop, light theme) is written for a person to
 * look at. The screens' own behaviour is tested in their own specs; this one is the sweep across all of them.
 */
describeInBrowser('Web client: every screen, in both languages and both themes', () => {
  let t: TestApp;
  let browser: Browser;
  let admin: TestUser;
  let screens: { name: string; path: string }[];

  jest.setTimeout(300_000);

  beforeAll(async () => {
    ensureWebBuilt();
    t = await createTestApp({ env: { WEB_ROOT } });
    admin = await registerUser(t, { displayName: 'Admin' });
    const group = await createGroup(t, admin, { name: 'Morning Circle', facilitatorPseudonym: 'Fern' });
    await addActiveMember(t, admin, group.id, await registerUser(t), 'Juniper');
    screens = [
      { name: 'home', path: '/' },
      { name: 'room', path: `/groups/${group.id}` },
      { name: 'agreement', path: `/groups/${group.id}/agreement` },
      { name: 'console', path: `/groups/${group.id}/console` },
      { name: 'journal', path: '/journal' },
      { name: 'new-entry', path: '/journal/new' },
      { name: 'mood', path: '/journal/mood' },
      { name: 'sessions', path: '/journal/sessions' },
      { name: 'safety-plan', path: '/journal/safety-plan' },
      { name: 'questionnaires', path: '/journal/questionnaires' },
      { name: 'phq9', path: '/journal/questionnaires/phq9' },
      { name: 'account', path: '/account' },
      { name: 'admin', path: '/admin' },
      { name: 'install', path: '/install' },
    ];
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  /** Opens a screen and waits for its heading (screens load lazily) and for what it loads to settle. */
  async function open(page: Page, path: string): Promise<void> {
    await page.goto(`${t.url}${path}`);
    await page.locator('h1').first().waitFor({ timeout: 15_000 });
    await page.waitForLoadState('networkidle');
  }

  it.each([
    ['en', 'light'],
    ['es', 'light'],
    ['en', 'dark'],
    ['es', 'dark'],
  ] as const)('in %s, %s theme', async (language, theme) => {
    const { context, page } = await newContext(browser, PHONE, {
      locale: language === 'es' ? 'es-MX' : 'en-US',
      timezoneId: 'America/Mexico_City',
    });
    try {
      await page.emulateMedia({ colorScheme: theme });
      // Signing in speaks English (its labels are the test's handles); the language is then the person's choice.
      await page.goto(`${t.url}/install`);
      await choose(page, 'en');
      await signInThroughPage(page, t.url, admin.email, admin.password);
      await choose(page, language);
      const findings: Record<string, unknown> = {};
      for (const screen of screens) {
        // Opened at 360 px, as on the narrowest phone (a chart sizes itself when it is drawn).
        await page.setViewportSize(NARROW);
        try {
          await open(page, screen.path);
        } catch {
          findings[screen.name] = 'no heading in 15 s';
          continue;
        }
        expect({
          screen: screen.name,
          lang: await page.evaluate(() => (globalThis as unknown as Doc).document.documentElement.lang),
        }).toEqual({
          screen: screen.name,
          lang: language,
        });
        const axe = (await seriousAxeViolations(page)).map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`);
        // Install has no app shell around it (it is for people not signed in too): its page is its scope.
        const scope = (await page.locator('main').count()) ? 'main' : 'body';
        // Screens below the top level have a way back, a control like any other (44 px).
        if (!['home', 'journal', 'account', 'admin', 'room'].includes(screen.name))
          expect({ screen: screen.name, back: await page.locator(`${scope} a.back-link`).count() }).toEqual({
            screen: screen.name,
            back: 1,
          });
        const small = await smallControls(page, scope);
        const sideways = await sidewaysScroll(page);
        if (axe.length || small.length || sideways > 0) findings[screen.name] = { axe, small, sideways };
        if (theme === 'light') await screenshots(page, `screen-${screen.name}-${language}`);
      }
      expect(findings).toEqual({});
    } finally {
      await context.close();
    }
  });
});
