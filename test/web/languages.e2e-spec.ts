import { jest } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';

import { createTestApp, type TestApp } from '../support/app.js';
import {
  LAPTOP,
  describeInBrowser,
  ensureWebBuilt,
  launch,
  newContext,
  seriousAxeViolations,
  signInThroughPage,
  WEB_ROOT,
} from '../support/browser.js';
import { until } from '../support/sockets.js';
import { createAccount, GOOD_PASSWORD, registerUser, type TestUser } from '../support/users.js';

const pageLanguage = (page: Page) =>
  page.evaluate(
    () =>
      (globalThis as unknown as { document: { documentElement: { lang: string } } }).document.documentElement
        .lang,
  );

/** The client speaks the browser's language (English or Spanish) until the person chooses one in her account. */
describeInBrowser('Web client: English and Spanish', () => {
  let t: TestApp;
  let browser: Browser;
  let mia: TestUser;
  let flor: TestUser;

  jest.setTimeout(90_000);

  beforeAll(async () => {
    ensureWebBuilt();
    t = await createTestApp({ env: { WEB_ROOT } });
    const admin = await registerUser(t, { displayName: 'Admin' });
    mia = await registerUser(t, { displayName: 'Mia' });
    flor = await createAccount(t, admin, 'facilitator', 'Flor');
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it.each([
    ['a phone', undefined],
    ['a laptop', LAPTOP],
  ])(
    'follows a Spanish browser on %s, and keeps the choice of English made in the account',
    async (_, viewport) => {
      const { context, page, cspViolations } = await newContext(browser, viewport, { locale: 'es-ES' });
      // The sign-in page speaks Spanish too.
      await page.goto(`${t.url}/signin`);
      await page.getByLabel('Correo electrónico').fill(mia.email);
      await page.getByLabel('Contraseña').fill(GOOD_PASSWORD);
      await page.getByRole('button', { name: 'Iniciar sesión' }).click();
      await page.getByRole('heading', { name: 'Tus grupos' }).waitFor();
      const nav = page.getByRole('navigation', { name: 'Principal' });
      await nav.getByRole('link', { name: 'Diario' }).waitFor();
      await page.getByRole('button', { name: 'Ayuda ahora' }).waitFor();
      expect(await pageLanguage(page)).toBe('es');
      expect(await seriousAxeViolations(page)).toEqual([]);

      await nav.getByRole('link', { name: 'Cuenta' }).click();
      await page.getByLabel('Hearth habla').selectOption('en');
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Journal' }).waitFor();
      // Her notices and emails follow the choice.
      await until(
        async () =>
          (await t.request().get('/api/me/notification-preferences').set('Authorization', mia.auth)).body
            .language === 'en',
        'the language kept for her notices',
      );
      expect(await pageLanguage(page)).toBe('en');
      await page.reload();
      await page.getByRole('button', { name: 'Help now' }).waitFor();
      expect(await page.getByLabel('Hearth speaks').inputValue()).toBe('en');
      expect(cspViolations).toEqual([]);
      await context.close();
    },
  );

  it('Help now on a Spanish page shows the Spanish lines, their texting option a button that writes the word', async () => {
    const lucia = await registerUser(t, { displayName: 'Lucía' });
    const { context, page } = await newContext(browser, undefined, { locale: 'es-MX' });
    await signInThroughPage(page, t.url, lucia.email, GOOD_PASSWORD);
    await page.getByRole('button', { name: 'Ayuda ahora' }).click();
    const dialog = page.getByRole('dialog', { name: 'Aquí hay apoyo' });
    await dialog.getByText('988 Línea de Prevención del Suicidio y Crisis (en español)').waitFor();
    await dialog.getByText('Servicios de emergencia', { exact: true }).waitFor();
    // Before, a Spanish page asked for the lines without a language and was handed the English ones.
    expect(await dialog.getByText('Emergency services').count()).toBe(0);
    expect(await dialog.getByText(/Suicide & Crisis Lifeline/).count()).toBe(0);
    // "AYUDA al 988" was plain words; it is a link that opens the messages app with AYUDA written to 988.
    const texting = dialog.locator('a[href="sms:988?body=AYUDA"]');
    expect(await texting.textContent()).toBe('Mensaje de texto: AYUDA al 988');
    expect((await texting.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    expect(await dialog.locator('.resource-text').count()).toBe(0);
    await context.close();
  });

  it('a facilitator on an English page creates a group for Spanish speakers: its first agreement is in Spanish', async () => {
    const { context, page } = await newContext(browser, LAPTOP, { locale: 'en-US' });
    await signInThroughPage(page, t.url, flor.email, GOOD_PASSWORD);
    const agreementOf = async (name: string) => {
      await page.getByRole('button', { name: 'New group' }).click();
      const dialog = page.getByRole('dialog', { name: 'New group' });
      await dialog.getByLabel('Name').fill(name);
      return dialog;
    };
    const created = async () => {
      await page.waitForURL(/\/groups\/[0-9a-f-]+\/console$/);
      const id = /groups\/([0-9a-f-]+)\/console/.exec(page.url())![1];
      const agreement = await t.request().get(`/api/groups/${id}/agreement`).set('Authorization', flor.auth);
      return agreement.body.text as string;
    };

    // The choice starts as the page's language, and sets the language of the agreement, not the browser's.
    let dialog = await agreementOf('Círculo de madres');
    const language = dialog.getByLabel('Language of the group');
    expect(await language.inputValue()).toBe('en');
    expect(await language.getByRole('option').allTextContents()).toEqual(['English', 'Español']);
    await language.selectOption('es');
    await dialog.getByRole('button', { name: 'Create group' }).click();
    expect((await created()).split('\n')[0]).toBe('# Nuestro acuerdo de grupo');

    // Left as it is, an English page makes an English agreement.
    await page.goto(`${t.url}/`);
    dialog = await agreementOf('Mothers circle');
    await dialog.getByRole('button', { name: 'Create group' }).click();
    expect((await created()).split('\n')[0]).toBe('# Our group agreement');
    await context.close();
  });

  it('speaks English to an English browser', async () => {
    const { context, page } = await newContext(browser, undefined, { locale: 'en-GB' });
    await signInThroughPage(page, t.url, mia.email, GOOD_PASSWORD);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Groups' }).waitFor();
    expect(await pageLanguage(page)).toBe('en');
    await context.close();
  });
});
