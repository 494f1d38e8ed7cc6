import { jest } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';

import { createTestApp, type TestApp } from '../support/app.js';
import {
  comfortAt360,
  describeInBrowser,
  ensureWebBuilt,
  LAPTOP,
  launch,
  newContext,
  PHONE,
  screenshots,
  seriousAxeViolations,
  WEB_ROOT,
} from '../support/browser.js';
import { createInvite } from '../support/groups.js';
import { createAccount, GOOD_PASSWORD, registerUser, uniqueEmail, type TestUser } from '../support/users.js';

/** What each language says on the member's everyday screens (the assertions read the page as she does). */
const WORDS = {
  es: {
    locale: 'es-MX',
    invited: 'Te invitan a Círculo de la mañana',
    topics: ['Confidencialidad', 'Respeto', 'Cuidarnos', 'Si estás en crisis', 'Facilitación'],
    name: 'Tu nombre',
    email: 'Correo electrónico',
    password: 'Contraseña',
    createAccount: 'Crear cuenta',
    tooCommon: 'Esta contraseña es demasiado común.',
    emailTaken: 'Ya existe una cuenta con este correo.',
    pseudonym: 'Tu seudónimo en este grupo',
    join: 'Unirme a Círculo de la mañana',
    home: 'Tus grupos',
    redeem: 'Abrir invitación',
    account: 'Cuenta',
    accountSections: [
      'Perfil',
      'Idioma',
      'Cambiar contraseña',
      'Verificación en dos pasos',
      'Inicios de sesión',
    ],
    preferences: 'Lo que Hearth te avisa',
    preferenceRow: 'Recordatorios de encuentros: en mis dispositivos',
    summary: 'en un resumen cada 4 horas',
    zone: 'Tu zona horaria:',
    zoneName: 'hora estándar central',
    signedIn: 'Inicio de sesión:',
    install: 'Añade Hearth a tu pantalla de inicio',
    signIn: 'Iniciar sesión',
    welcomeBack: 'Qué bueno verte de nuevo',
    wrongPassword: 'Ese correo y esa contraseña no coinciden con ninguna cuenta.',
    deadInvite: 'Esta invitación ya no funciona: puede que haya vencido',
    deleteAccount: 'Eliminar mi cuenta',
    confirmPassword: 'Tu contraseña, para confirmar',
    deleteForGood: 'Eliminar para siempre',
    deleted: 'Tu cuenta se eliminó',
  },
  en: {
    locale: 'en-US',
    invited: 'You are invited to Círculo de la mañana',
    topics: ['Confidentiality', 'Respect', 'Taking care', 'If you are in crisis', 'Facilitators'],
    name: 'Your name',
    email: 'Email',
    password: 'Password',
    createAccount: 'Create account',
    tooCommon: 'This password is too common.',
    emailTaken: 'An account with this email already exists.',
    pseudonym: 'Your pseudonym in this group',
    join: 'Join Círculo de la mañana',
    home: 'Your groups',
    redeem: 'Open invitation',
    account: 'Account',
    accountSections: ['Profile', 'Language', 'Change password', 'Two-step verification', 'Sign-ins'],
    preferences: 'What Hearth tells you',
    preferenceRow: 'Meeting reminders: on my devices',
    summary: 'in a summary every 4 hours',
    zone: 'Your time zone:',
    zoneName: 'Central Standard Time (Mexico City)',
    signedIn: 'Signed in',
    install: 'Add Hearth to your home screen',
    signIn: 'Sign in',
    welcomeBack: 'Welcome back',
    wrongPassword: 'That email and password do not match an account.',
    deadInvite: 'This invitation does not work any more: it may have expired',
    deleteAccount: 'Delete my account',
    confirmPassword: 'Your password, to confirm',
    deleteForGood: 'Delete for good',
    deleted: 'Your account has been deleted',
  },
} as const;

type Language = keyof typeof WORDS;

/**
 * A member's everyday screens in Spanish and in English, in Chromium against the real API at a phone's and a
 * laptop's width: the invitation and sign-up, home, account, notification choices and the install guide; the
 * server's errors said in her language; dates in her language; axe in both languages and in the dark theme; a
 * deleted account ending on a page that says so. Screenshots of each screen in both languages for a person to
 * look at (`home-es`, `home-en`, …).
 */
describeInBrowser('A member’s everyday screens in Spanish and English', () => {
  let t: TestApp;
  let browser: Browser;
  let facilitator: TestUser;
  let groupId = '';

  jest.setTimeout(180_000);

  beforeAll(async () => {
    ensureWebBuilt();
    t = await createTestApp({ env: { WEB_ROOT } });
    browser = await launch();
    const admin = await registerUser(t, { displayName: 'Ada Admin' });
    facilitator = await createAccount(t, admin, 'facilitator', 'Flor Facilitadora');
    // A facilitator who uses Hearth in Spanish creates the group: its agreement is written in Spanish.
    const created = await t
      .request()
      .post('/api/groups')
      .set('Authorization', facilitator.auth)
      .set('Accept-Language', 'es-MX,es;q=0.9')
      .send({
        name: 'Círculo de la mañana',
        description: 'Un lugar tranquilo para madres que siguen integrando después de la terapia.',
        kind: 'circle',
        visibility: 'unlisted',
        timezone: 'America/Mexico_City',
      })
      .expect(201);
    groupId = created.body.id;
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const expectAccessibleAndComfortable = async (page: Page) => {
    expect(await seriousAxeViolations(page)).toEqual([]);
    const { scrollWidth, small } = await comfortAt360(page);
    expect(scrollWidth).toBeLessThanOrEqual(360);
    expect(small).toEqual([]);
  };

  /** Screenshots at both sizes, taken once (in the phone pass). */
  const shoot = async (page: Page, name: string, viewport: typeof PHONE) => {
    if (viewport === PHONE) await screenshots(page, name);
  };

  const SIGN_UP_ZONE = 'America/Mexico_City';

  for (const viewport of [PHONE, LAPTOP]) {
    for (const language of ['es', 'en'] as Language[]) {
      const words = WORDS[language];

      it(`${language} at ${viewport.width} px: invitation, sign-up with the server's refusals in ${language}, home, account, notification choices, install`, async () => {
        const invite = await createInvite(t, facilitator, groupId);
        const { context, page, cspViolations } = await newContext(browser, viewport, {
          locale: words.locale,
          timezoneId: SIGN_UP_ZONE,
        });
        await page.goto(`${t.url}/invite/${invite.code}`);
        await page.getByRole('heading', { name: words.invited }).waitFor();
        expect(
          await page.evaluate(
            () =>
              (globalThis as unknown as { document: { documentElement: { lang: string } } }).document
                .documentElement.lang,
          ),
        ).toBe(language);
        // The agreement was written in Spanish when the group was made: its topics read so in both languages.
        const topics = page.locator('.invite-agreement li');
        await topics.first().waitFor();
        expect(await topics.allTextContents()).toEqual(WORDS.es.topics);
        await expectAccessibleAndComfortable(page);
        await shoot(page, `invite-${language}`, viewport);

        // The server refuses, and says why in her language: a common password beside its field, a taken address.
        await page.getByLabel(words.name, { exact: true }).fill('Luz');
        await page.getByLabel(words.email).fill(facilitator.email);
        await page.getByLabel(words.password).fill('aaaaaaaaaaaaaa');
        await page.getByRole('button', { name: words.createAccount }).click();
        await page.locator('.field-error', { hasText: words.tooCommon }).waitFor();
        await page.getByLabel(words.password).fill(GOOD_PASSWORD);
        await page.getByRole('button', { name: words.createAccount }).click();
        await page.getByRole('alert').getByText(words.emailTaken).waitFor();
        await shoot(page, `signup-errors-${language}`, viewport);
        const email = uniqueEmail(`luz-${language}`);
        await page.getByLabel(words.email).fill(email);
        await page.getByRole('button', { name: words.createAccount }).click();

        await page.getByLabel(words.pseudonym).fill(`Luz${language}${viewport.width}`);
        await page.getByRole('button', { name: words.join }).click();
        await page.waitForURL(`${t.url}/groups/${groupId}/agreement`);
        // Her notices, emails and quiet hours start in the language she signed up in and in her own time zone
        // (they were English and UTC until she found the settings).
        const login = await t
          .request()
          .post('/api/auth/login')
          .send({ email, password: GOOD_PASSWORD })
          .expect(200);
        const auth = `Bearer ${login.body.tokens.accessToken}`;
        const kept = await t.request().get('/api/me/notification-preferences').set('Authorization', auth);
        expect([kept.body.language, kept.body.timeZone]).toEqual([language, SIGN_UP_ZONE]);

        await page.goto(`${t.url}/`);
        await page.getByRole('heading', { name: words.home }).waitFor();
        await page.getByRole('button', { name: words.redeem }).waitFor();
        await page.locator('.group-card', { hasText: 'Círculo de la mañana' }).waitFor();
        // The group's name is the way into it: a 44 px target, not a 20 px line of text.
        const way = await page.locator('.group-card h3 a', { hasText: 'Círculo de la mañana' }).boundingBox();
        expect(way!.height).toBeGreaterThanOrEqual(44);
        await expectAccessibleAndComfortable(page);
        await shoot(page, `home-${language}`, viewport);

        await page.goto(`${t.url}/account`);
        await page.getByRole('heading', { name: words.account, level: 1 }).waitFor();
        for (const section of words.accountSections) {
          await page.getByRole('heading', { name: section, exact: true }).waitFor();
        }
        // Dates through Intl in her language: the sign-in just made, dated as her language writes today.
        const today = new Intl.DateTimeFormat(words.locale, {
          dateStyle: 'medium',
          timeZone: SIGN_UP_ZONE,
        }).format(new Date());
        await page
          .locator('.sign-ins li', { hasText: `${words.signedIn} ${today}` })
          .first()
          .waitFor();
        await expectAccessibleAndComfortable(page);
        await shoot(page, `account-${language}`, viewport);

        const preferences = page.getByRole('region', { name: words.preferences });
        await preferences.getByRole('checkbox', { name: words.preferenceRow }).waitFor();
        await preferences.getByRole('option', { name: words.summary }).waitFor({ state: 'attached' });
        // Her zone as people read it, in her language ("Central Standard Time (Mexico City)", "hora estándar
        // central"), never the raw "America/Mexico_City", nor the English city on a Spanish page.
        const zone = (await preferences.getByText(words.zone).textContent())!;
        expect(zone).toContain(words.zoneName);
        if (language === 'es') expect(zone).not.toContain('Mexico City');
        expect(zone).not.toContain('America/');
        expect(zone).not.toContain('_');
        await preferences.scrollIntoViewIfNeeded();
        await shoot(page, `notification-preferences-${language}`, viewport);

        await page.goto(`${t.url}/install`);
        await page.getByRole('heading', { name: words.install }).waitFor();
        await expectAccessibleAndComfortable(page);
        await shoot(page, `install-${language}`, viewport);
        expect(cspViolations).toEqual([]);
        await context.close();
      });

      it(`${language} at ${viewport.width} px: a wrong password is said in ${language}; the dark theme stays accessible`, async () => {
        const member = await registerUser(t, { displayName: 'Alma' });
        const { context, page } = await newContext(browser, viewport, {
          locale: words.locale,
          colorScheme: 'dark',
        });
        await page.goto(`${t.url}/signin`);
        await page.getByRole('heading', { name: words.welcomeBack }).waitFor();
        await page.getByLabel(words.email).fill(member.email);
        await page.getByLabel(words.password).fill('not the right password');
        await page.getByRole('button', { name: words.signIn }).click();
        await page.getByRole('alert').getByText(words.wrongPassword).waitFor();
        // The server's own English words are not what she reads.
        expect(await page.getByText('Invalid email or password').count()).toBe(0);
        expect(await seriousAxeViolations(page)).toEqual([]);
        await shoot(page, `signin-error-${language}-dark`, viewport);
        // A dead invitation link, opened signed out, says so in her language too.
        await page.goto(`${t.url}/invite/no-such-code`);
        await page.getByRole('alert').getByText(words.deadInvite).waitFor();
        await page.goto(`${t.url}/signin`);
        await page.getByLabel(words.email).fill(member.email);
        await page.getByLabel(words.password).fill(GOOD_PASSWORD);
        await page.getByRole('button', { name: words.signIn }).click();
        await page.getByRole('heading', { name: words.home }).waitFor();
        expect(await seriousAxeViolations(page)).toEqual([]);
        await page.goto(`${t.url}/account`);
        await page.getByRole('heading', { name: words.account, level: 1 }).waitFor();
        await page.getByRole('heading', { name: words.preferences }).waitFor();
        expect(await seriousAxeViolations(page)).toEqual([]);
        await shoot(page, `account-${language}-dark`, viewport);
        await context.close();
      });

      it(`${language} at ${viewport.width} px: deleting the account ends on a page that says it was deleted`, async () => {
        const member = await registerUser(t, { displayName: 'Rocío' });
        const { context, page } = await newContext(browser, viewport, { locale: words.locale });
        await page.goto(`${t.url}/signin`);
        await page.getByLabel(words.email).fill(member.email);
        await page.getByLabel(words.password).fill(GOOD_PASSWORD);
        await page.getByRole('button', { name: words.signIn }).click();
        await page.getByRole('heading', { name: words.home }).waitFor();
        await page.goto(`${t.url}/account`);
        await page.getByRole('button', { name: words.deleteAccount }).click();
        const dialog = page.getByRole('dialog');
        await dialog.getByLabel(words.confirmPassword).fill(GOOD_PASSWORD);
        await dialog.getByRole('button', { name: words.deleteForGood }).click();

        await page.getByRole('heading', { name: words.deleted, level: 1 }).waitFor();
        expect(new URL(page.url()).pathname).toBe('/account-deleted');
        expect(await page.getByRole('heading', { name: words.welcomeBack }).count()).toBe(0);
        await expectAccessibleAndComfortable(page);
        await shoot(page, `account-deleted-${language}`, viewport);
        // It stays said after a reload, and the account is truly gone.
        await page.reload();
        await page.getByRole('heading', { name: words.deleted, level: 1 }).waitFor();
        await t
          .request()
          .post('/api/auth/login')
          .send({ email: member.email, password: GOOD_PASSWORD })
          .expect(401);
        await context.close();
      });
    }
  }
});
