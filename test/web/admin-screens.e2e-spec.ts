import { jest } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';

import { createTestApp, type TestApp } from '../support/app.js';
import {
  describeInBrowser,
  ensureWebBuilt,
  LAPTOP,
  launch,
  newContext,
  PHONE,
  screenshots,
  seriousAxeViolations,
  signInThroughPage,
  WEB_ROOT,
  sidewaysScroll as sideways,
  smallControls,
} from '../support/browser.js';
import { addActiveMember, createGroup, type GroupCard } from '../support/groups.js';
import { createAccount, GOOD_PASSWORD, registerUser, type TestUser } from '../support/users.js';
import { inRoom, said } from '../moderation/support.js';

/** The aria-label of the focused element, once the focus has settled (a dialog gives it back on the next frame). */
const focusedLabel = async (page: Page) => {
  await page.waitForTimeout(200);
  return page.evaluate(
    () =>
      (
        globalThis as unknown as {
          document: { activeElement: { getAttribute(name: string): string | null } | null };
        }
      ).document.activeElement?.getAttribute('aria-label') ?? null,
  );
};

const speak = async (page: Page, language: 'en' | 'es') => {
  await page.evaluate((code) => {
    (globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }).localStorage.setItem(
      'hearth.language',
      code,
    );
  }, language);
  await page.reload();
};

/**
 * The admin screens on a phone and a desktop (issue 17, item 12): people as readable cards with a real role
 * control, a confirmation before a role changes and a word after, the promoted person's tools appearing without a
 * reload (also when her phone was offline at the time), the crisis lines as a form per language with its checks,
 * and both languages and themes through axe.
 */
describeInBrowser('Web client: the admin screens', () => {
  let t: TestApp;
  let browser: Browser;
  let admin: TestUser;
  const csp: string[][] = [];

  jest.setTimeout(150_000);

  beforeAll(async () => {
    ensureWebBuilt();
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
  });

  // Each size and the languages check start on a fresh instance (its crisis lines still the built-in ones).
  const freshInstance = () => {
    beforeAll(async () => {
      t = await createTestApp({ env: { WEB_ROOT } });
      admin = await registerUser(t, { displayName: 'Admin' });
    });
    afterAll(async () => {
      await t?.close();
    });
  };

  const adminPage = async (viewport: typeof PHONE) => {
    const context = await newContext(browser, viewport);
    csp.push(context.cspViolations);
    await signInThroughPage(context.page, t.url, admin.email, GOOD_PASSWORD);
    await context.page.goto(`${t.url}/admin`);
    await context.page.getByRole('heading', { name: 'People' }).waitFor();
    return context;
  };

  describe.each([
    ['phone', PHONE],
    ['desktop', LAPTOP],
  ])('on a %s', (size, viewport) => {
    freshInstance();

    it('lists people as readable cards, with a role control that can be seen and pressed', async () => {
      const ash = await registerUser(t, {
        displayName: `Ash Rowan ${size}`,
        email: `ash-${size}-a-long-address@example.org`,
      });
      const { page, context } = await adminPage(viewport);
      const card = page
        .getByRole('listitem')
        .filter({ has: page.getByRole('heading', { name: `Ash Rowan ${size}` }) });
      await card.getByText(ash.email).waitFor();
      await card.getByText('Member', { exact: true }).waitFor();
      const change = card.getByRole('button', { name: `Change role: Ash Rowan ${size}` });
      expect(await change.textContent()).toBe('Change role');
      const box = (await change.boundingBox())!;
      expect(box.height).toBeGreaterThanOrEqual(44);
      expect(box.width).toBeGreaterThanOrEqual(100);
      expect(await sideways(page)).toBeLessThanOrEqual(0);
      expect(await smallControls(page, '.admin-page')).toEqual([]);
      await page.setViewportSize({ width: 360, height: 780 });
      expect(await sideways(page)).toBeLessThanOrEqual(0);
      await context.close();
    });

    it('asks before changing a role, says it was done, and the promoted person gets "New group" at once', async () => {
      const ash = await registerUser(t, { displayName: `Ash ${size}` });
      const ashContext = await newContext(browser, viewport);
      await signInThroughPage(ashContext.page, t.url, ash.email, GOOD_PASSWORD);
      const newGroup = ashContext.page.getByRole('button', { name: 'New group' });
      expect(await newGroup.count()).toBe(0);

      const { page, context } = await adminPage(viewport);
      const open = page.getByRole('button', { name: `Change role: Ash ${size}` });
      await open.click();
      const dialog = page.getByRole('dialog', { name: `Role of Ash ${size}` });
      await dialog.getByRole('radio', { name: /Member/ }).waitFor();
      expect(await dialog.getByRole('radio', { name: /Member/ }).isChecked()).toBe(true);
      expect(await dialog.getByRole('button', { name: 'Choose a new role' }).isDisabled()).toBe(true);

      // Cancelling changes nothing.
      await dialog.getByRole('radio', { name: /Facilitator/ }).check();
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await dialog.waitFor({ state: 'hidden' });
      const before = await t.request().get(`/api/admin/users?q=Ash ${size}`).set('Authorization', admin.auth);
      expect(before.body.items[0].role).toBe('member');

      await open.click();
      await dialog.getByRole('radio', { name: /Facilitator/ }).check();
      await dialog.getByText('will see the change at once').waitFor();
      await dialog.getByRole('button', { name: 'Change to Facilitator' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: `Ash ${size}’s role is now Facilitator.` })
        .waitFor();
      const card = page
        .getByRole('listitem')
        .filter({ has: page.getByRole('heading', { name: `Ash ${size}` }) });
      await card.locator('.tag', { hasText: 'Facilitator' }).waitFor();
      // The focus is back on the button that opened the dialog.
      expect(await focusedLabel(page)).toBe(`Change role: Ash ${size}`);

      // Her open app shows the facilitator tools without a reload.
      await newGroup.waitFor();
      await screenshots(page, `admin-role-changed-${size}`);

      // Her phone was offline when she was made a member again and a facilitator once more: back online,
      // the app catches up with her role without a reload.
      const setAsh = (role: string) =>
        t
          .request()
          .patch(`/api/admin/users/${ash.id}`)
          .set('Authorization', admin.auth)
          .send({ role })
          .expect(200);
      await setAsh('member');
      await newGroup.waitFor({ state: 'detached' });
      await ashContext.context.setOffline(true);
      await ashContext.page.waitForTimeout(300);
      await setAsh('facilitator');
      await ashContext.context.setOffline(false);
      await newGroup.waitFor({ timeout: 10_000 });
      expect(csp.flat()).toEqual([]);
      await ashContext.context.close();
      await context.close();
    });

    it('asks before disabling an account and says it was done', async () => {
      const birch = await registerUser(t, { displayName: `Birch ${size}` });
      const { page, context } = await adminPage(viewport);
      await page.getByRole('button', { name: `Disable account: Birch ${size}` }).click();
      const dialog = page.getByRole('dialog', { name: `Disable the account of Birch ${size}?` });
      await dialog.getByText('signed out on every device').waitFor();
      await dialog.getByRole('button', { name: 'Disable account' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: `The account of Birch ${size} is disabled.` })
        .waitFor();
      await page.getByRole('button', { name: `Enable account: Birch ${size}` }).waitFor();
      await t
        .request()
        .post('/api/auth/login')
        .send({ email: birch.email, password: GOOD_PASSWORD })
        .expect(403);
      await context.close();
    });

    it('offers an admin neither a role change nor "Disable account" on her own card; the server refuses both', async () => {
      const { page, context } = await adminPage(viewport);
      const mine = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /^Admin/ }) });
      await mine.getByText('Another admin changes your own role or turns off your account.').waitFor();
      expect(await mine.getByRole('button', { name: /Change role|Disable account/ }).count()).toBe(0);
      // Even with a second admin, so that she is not the last one, she cannot turn her own account off.
      const other = await registerUser(t, { displayName: `Second admin ${size}` });
      await t
        .request()
        .patch(`/api/admin/users/${other.id}`)
        .set('Authorization', admin.auth)
        .send({ role: 'admin' })
        .expect(200);
      const self = await t
        .request()
        .patch(`/api/admin/users/${admin.id}`)
        .set('Authorization', admin.auth)
        .send({ disabled: true })
        .expect(409);
      expect(self.body.code).toBe('CANNOT_DISABLE_SELF');
      await t.request().get('/api/me').set('Authorization', admin.auth).expect(200);
      await t
        .request()
        .patch(`/api/admin/users/${other.id}`)
        .set('Authorization', admin.auth)
        .send({ role: 'member' })
        .expect(200);
      await context.close();
    });

    it('edits the crisis lines per language in a form that checks numbers and links', async () => {
      const { page, context } = await adminPage(viewport);
      const form = page.locator('form', { has: page.getByRole('heading', { name: 'Crisis lines' }) });
      await form.getByRole('button', { name: 'English', exact: true }).waitFor();
      expect(
        await form.getByRole('button', { name: 'English', exact: true }).getAttribute('aria-pressed'),
      ).toBe('true');
      const line1 = form.getByRole('group', { name: 'Line 1' });
      await line1.getByLabel('Name').waitFor();
      expect(await line1.getByLabel('Name').inputValue()).toBe('Emergency services');

      await form.getByLabel('Country').fill('GB');
      await line1.getByLabel('Name').fill('Samaritans');
      await line1.getByLabel('What it is and when to call').fill('Someone to talk to, any time.');
      await line1.getByLabel('Phone number (optional)').fill('call us');
      await line1.getByLabel('Website (optional)').fill('http://www.samaritans.org');
      await form.getByRole('button', { name: 'Save the lines in English' }).click();
      const phone = line1.getByLabel('Phone number (optional)');
      await form.locator('.field-error', { hasText: 'This does not look like a phone number.' }).waitFor();
      expect(await phone.getAttribute('aria-invalid')).toBe('true');
      await form.locator('.field-error', { hasText: 'Use a full link that starts with https://' }).waitFor();
      expect(
        await phone.evaluate(
          (el) =>
            el ===
            (el as unknown as { ownerDocument: { activeElement: unknown } }).ownerDocument.activeElement,
        ),
      ).toBe(true);

      // A link the browser accepts but the server does not: its refusal is shown beside the field, in words.
      await phone.fill('116 123');
      await line1.getByLabel('Website (optional)').fill('https://samaritans./');
      const refused = page.waitForResponse(
        (r) => r.url().includes('/api/admin/crisis-resources') && r.request().method() === 'PUT',
      );
      await form.getByRole('button', { name: 'Save the lines in English' }).click();
      expect((await refused).status()).toBe(400);
      await form.locator('.field-error', { hasText: 'Use a full link that starts with https://' }).waitFor();
      expect(await phone.getAttribute('aria-invalid')).toBeNull();
      expect(await line1.getByLabel('Website (optional)').getAttribute('aria-invalid')).toBe('true');

      await line1.getByLabel('Website (optional)').fill('https://www.samaritans.org');
      for (let i = await form.getByRole('button', { name: /^Remove line/ }).count(); i > 1; i--) {
        await form.getByRole('button', { name: `Remove line ${i}` }).click();
      }
      await form.getByRole('button', { name: 'Save the lines in English' }).click();
      await form.getByText('The lines in English are saved.').waitFor();
      const english = await t.request().get('/api/admin/crisis-resources').set('Authorization', admin.auth);
      expect(english.body).toEqual({
        country: 'GB',
        resources: [
          {
            name: 'Samaritans',
            description: 'Someone to talk to, any time.',
            phone: '116 123',
            url: 'https://www.samaritans.org',
          },
        ],
      });

      // Spanish has its own lines: until saved it shows the English ones; saved, each language keeps its own.
      // Its answer comes slowly here: the form must wait for it, not let her type into the English lines and then
      // lose what she typed when the Spanish ones arrive.
      const slowSpanish = '**/api/admin/crisis-resources?language=es';
      await page.route(slowSpanish, async (route) => {
        await new Promise((done) => setTimeout(done, 1500));
        await route.continue();
      });
      await form.getByRole('button', { name: 'Español', exact: true }).click();
      expect(
        await form.getByRole('button', { name: 'Español', exact: true }).getAttribute('aria-pressed'),
      ).toBe('true');
      await form.getByRole('button', { name: 'Save the lines in Spanish' }).waitFor();
      expect(await line1.getByLabel('Name').inputValue()).toBe('Samaritans');
      await line1.getByLabel('Name').fill('Samaritans (en español)');
      await form.getByRole('button', { name: 'Add a line' }).click();
      const line2 = form.getByRole('group', { name: 'Line 2' });
      await line2.getByLabel('Name').fill('Línea de la Vida');
      await line2.getByLabel('What it is and when to call').fill('Apoyo emocional, las 24 horas.');
      await line2.getByLabel('Phone number (optional)').fill('+52 800 911 2000');
      await page.unroute(slowSpanish);
      await form.getByRole('button', { name: 'Save the lines in Spanish' }).click();
      await form.getByText('The lines in Spanish are saved.').waitFor();
      const spanish = await t
        .request()
        .get('/api/me/moderation/crisis-resources?language=es')
        .set('Authorization', admin.auth);
      expect(spanish.body.resources.map((r: { name: string }) => r.name)).toEqual([
        'Samaritans (en español)',
        'Línea de la Vida',
      ]);
      const englishAgain = await t
        .request()
        .get('/api/me/moderation/crisis-resources')
        .set('Authorization', admin.auth);
      expect(englishAgain.body.resources.map((r: { name: string }) => r.name)).toEqual(['Samaritans']);
      expect(await sideways(page)).toBeLessThanOrEqual(0);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await line2.scrollIntoViewIfNeeded();
      await screenshots(page, `admin-crisis-lines-${size}`);
      await context.close();
    });

    it('installs the EPDS words pasted from the clinic’s licensed copy, and the EPDS is offered from then on', async () => {
      const offered = async () =>
        (await t.request().get('/api/questionnaires').set('Authorization', admin.auth).expect(200)).body.find(
          (q: { id: string }) => q.id === 'epds',
        ).available as boolean;
      expect(await offered()).toBe(false);
      const { page, context } = await adminPage(viewport);
      const card = page.locator('section', { has: page.getByRole('heading', { name: /The EPDS/ }) });
      await card.getByText('Not installed').waitFor();
      await card.getByLabel('Title', { exact: true }).fill('Test wording of the scale');
      await card.getByLabel('Instructions').fill('Answer for the past seven days.');
      // Placeholder words: the real ones come from the clinic's licence, never from this repository.
      const blocks = Array.from({ length: 10 }, (_, i) =>
        [`Question ${i + 1}`, 'First answer', 'Second answer', 'Third answer', 'Fourth answer'].join('\n'),
      );
      await card.getByLabel('Questions and answers').fill(blocks.join('\n\n'));
      await card.getByText('10 questions read.').waitFor();
      await card.getByRole('button', { name: 'Install in English' }).click();
      await card.getByText('Installed in English: members can take the EPDS now.').waitFor();
      await card.getByText('Installed in: English.').waitFor();
      expect(await offered()).toBe(true);
      expect(await sideways(page)).toBeLessThanOrEqual(0);
      expect(await seriousAxeViolations(page)).toEqual([]);

      page.once('dialog', (dialog) => void dialog.accept());
      await card.getByRole('button', { name: 'Remove the English words' }).click();
      await card.getByText('Not installed').waitFor();
      expect(await offered()).toBe(false);
      await context.close();
    });
  });

  describe('in both languages', () => {
    freshInstance();
    let fern: TestUser;
    let group: GroupCard;

    beforeAll(async () => {
      fern = await createAccount(t, admin, 'facilitator', 'Fern');
      const wren = await registerUser(t, { displayName: 'Wren' });
      group = await createGroup(t, fern, { name: 'Willow Circle' });
      await addActiveMember(t, fern, group.id, wren, 'Wren');
      const socket = await inRoom(t, wren, group.id);
      await said(socket, group.id, 'I honestly want to die, I cannot do this anymore');
      socket.disconnect();
      await t
        .request()
        .post(`/api/groups/${group.id}/moderation/mutes`)
        .set('Authorization', fern.auth)
        .send({ userId: wren.id, minutes: 60, reason: 'A pause to breathe' })
        .expect(201);
    });

    it('speaks Spanish, stays accessible in both languages and themes, and writes the screenshots', async () => {
      const { page, context } = await adminPage(PHONE);
      await page.getByRole('link', { name: 'Willow Circle' }).waitFor();
      expect(await seriousAxeViolations(page)).toEqual([]);
      await screenshots(page, 'admin-en');

      await speak(page, 'es');
      await page.getByRole('heading', { name: 'Administración' }).waitFor();
      await page.getByRole('heading', { name: 'Personas' }).waitFor();
      await page.getByRole('heading', { name: 'Líneas de crisis' }).waitFor();
      await page.getByRole('heading', { name: 'Crear una cuenta' }).waitFor();
      await page
        .getByText(/\d+ de \d+ lugares ocupados/)
        .first()
        .waitFor();
      await page.getByRole('button', { name: 'Cambiar rol: Fern' }).waitFor();
      expect(await page.getByText('Change role').count()).toBe(0);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await screenshots(page, 'admin-es');
      await page.getByRole('button', { name: 'Cambiar rol: Fern' }).click();
      const dialog = page.getByRole('dialog', { name: 'Rol de Fern' });
      await dialog.getByRole('radio', { name: /Participante/ }).check();
      await dialog.getByRole('button', { name: 'Cambiar a Participante' }).waitFor();
      expect(await seriousAxeViolations(page)).toEqual([]);
      await dialog.getByRole('button', { name: 'Cancelar' }).click();

      await page.emulateMedia({ colorScheme: 'dark' });
      expect(await seriousAxeViolations(page)).toEqual([]);
      await speak(page, 'en');
      await page.getByRole('heading', { name: 'Administration' }).waitFor();
      expect(await seriousAxeViolations(page)).toEqual([]);
      await context.close();
      expect(csp.flat()).toEqual([]);
    });

    it('the console speaks Spanish too: sections, incidents (never a raw code), the audit log and its dates', async () => {
      const { page, context, cspViolations } = await newContext(browser, PHONE);
      await signInThroughPage(page, t.url, fern.email, GOOD_PASSWORD);
      await page.goto(`${t.url}/groups/${group.id}/console?tab=incidents`);
      await page.getByRole('heading', { name: 'Willow Circle: console' }).waitFor();
      const card = page.locator('.incident').first();
      await card.getByText('Thoughts of suicide').waitFor();
      expect(['Urgent', 'Concern']).toContain(await card.locator('.tier-badge').textContent());
      expect(await seriousAxeViolations(page)).toEqual([]);
      await screenshots(page, 'console-en');

      await speak(page, 'es');
      await page.getByRole('heading', { name: 'Willow Circle: consola' }).waitFor();
      await page.getByLabel('Sección de la consola').waitFor();
      await card.getByText('Pensamientos suicidas').waitFor();
      expect(['Urgente', 'Preocupación']).toContain(await card.locator('.tier-badge').textContent());
      await card.getByText(/palabras de crisis en su mensaje/).waitFor();
      await card.getByText(/Abierto hace/).waitFor();
      await card.getByLabel('Qué hiciste o decidiste').waitFor();
      const text = (await page.locator('main').textContent()) ?? '';
      expect(text).not.toMatch(/\b(suicide|urgent|concern|self_harm|detector|Open|Acknowledge|Resolve)\b/);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await screenshots(page, 'console-es');

      await page.getByLabel('Sección de la consola').selectOption({ label: 'Registro de actividad' });
      await page.getByRole('heading', { name: 'Registro de actividad' }).waitFor();
      const muted = page.getByRole('row').filter({ hasText: 'silenció a' });
      await muted.getByText('Wren').waitFor();
      await muted.getByText(/A pause to breathe \(hasta el /).waitFor();
      const month = new Intl.DateTimeFormat('es', { month: 'short' }).format(new Date());
      expect(await muted.locator('time').textContent()).toContain(month);
      expect(await page.getByText('took a moderation action').count()).toBe(0);
      expect(await seriousAxeViolations(page)).toEqual([]);

      await page.emulateMedia({ colorScheme: 'dark' });
      await page.getByLabel('Sección de la consola').selectOption({ label: 'Incidentes de crisis' });
      await card.getByText('Pensamientos suicidas').waitFor();
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.setViewportSize(LAPTOP);
      await page.getByRole('tab', { name: 'Participantes' }).click();
      await page.getByRole('heading', { name: 'Participantes' }).waitFor();
      expect(await seriousAxeViolations(page)).toEqual([]);
      expect(cspViolations).toEqual([]);
      await context.close();
    });
  });
});
