import { jest } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';

import { createTestApp, type TestApp } from '../support/app.js';
import {
  describeInBrowser,
  ensureWebBuilt,
  launch,
  newContext,
  PHONE,
  signInThroughPage,
  timeline,
  WEB_ROOT,
} from '../support/browser.js';
import { addActiveMember, createGroup } from '../support/groups.js';
import { createAccount, GOOD_PASSWORD, registerUser, type TestUser } from '../support/users.js';

/**
 * Issue 17, item 13: the server's refusals reach a Spanish speaker in Spanish, over HTTP (a field's rule, a coded
 * body) and through a socket ack (the outbox's "not sent" line), never in the server's English.
 */
describeInBrowser('Web client: the server’s refusals in Spanish', () => {
  let t: TestApp;
  let browser: Browser;
  let admin: TestUser;
  let facilitator: TestUser;
  let luz: TestUser;
  let groupId: string;

  jest.setTimeout(120_000);

  beforeAll(async () => {
    ensureWebBuilt();
    t = await createTestApp({ env: { WEB_ROOT, CHAT_RATE_LIMIT: '1000' } });
    admin = await registerUser(t, { displayName: 'Admin' });
    facilitator = await createAccount(t, admin, 'facilitator', 'Fern');
    luz = await registerUser(t, { displayName: 'Luz' });
    groupId = (await createGroup(t, facilitator, { name: 'Círculo del alba', facilitatorPseudonym: 'Fern' }))
      .id;
    await addActiveMember(t, facilitator, groupId, luz, 'Luz');
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function inSpanish(user: TestUser): Promise<Page> {
    const { page } = await newContext(browser, PHONE, { locale: 'es-ES' });
    await signInThroughPage(page, t.url, user.email, GOOD_PASSWORD);
    return page;
  }

  it('a journal excerpt that is not a passage of the entry', async () => {
    const entry = await t
      .request()
      .post('/api/journal/entries')
      .set('Authorization', luz.auth)
      .send({ body: 'Hoy dormí cuatro horas y el bebé sonrió.' })
      .expect(201);
    const page = await inSpanish(luz);
    await page.goto(`${t.url}/journal/entries/${entry.body.id}`);
    await page.getByLabel('Todo el grupo, en la conversación').check();
    await page.getByLabel('Solo un fragmento (opcional)').fill('Algo que nunca escribí');
    await page.getByRole('button', { name: 'Compartir', exact: true }).click();
    await page
      .getByText('El fragmento tiene que ser un pasaje de esta entrada, palabra por palabra.')
      .waitFor();
    expect(await page.content()).not.toContain('must be a passage');
    await page.context().close();
  });

  it('a wrong current password', async () => {
    const page = await inSpanish(luz);
    await page.goto(`${t.url}/account`);
    await page.getByLabel('Contraseña actual').fill('not my password at all');
    await page.getByLabel('Contraseña nueva', { exact: true }).fill('a brand new passphrase for luz');
    await page.getByRole('button', { name: 'Cambiar contraseña' }).click();
    await page.getByText('Esa contraseña no es correcta.').waitFor();
    expect(await page.content()).not.toContain('is incorrect');
    await page.context().close();
  });

  it('a message written offline and refused once she is muted says why in Spanish', async () => {
    const page = await inSpanish(luz);
    await page.goto(`${t.url}/groups/${groupId}`);
    const writing = page.locator('#composer-input');
    await writing.waitFor();
    await page.context().setOffline(true);
    await writing.fill('Escrito en el túnel');
    await writing.press('Enter');
    await page.locator('.message-pending', { hasText: 'Escrito en el túnel' }).waitFor();
    await t
      .request()
      .post(`/api/groups/${groupId}/moderation/mutes`)
      .set('Authorization', facilitator.auth)
      .send({ userId: luz.id, minutes: 60 })
      .expect(201);
    await page.context().setOffline(false);
    const failed = page.locator('.message-pending', { hasText: 'Escrito en el túnel' });
    await failed
      .getByText(
        'No se envió: Una persona facilitadora te silenció por ahora. Podrás escribir de nuevo cuando termine.',
      )
      .waitFor();
    expect(await failed.textContent()).not.toContain('muted you');
    expect(await timeline(page).filter({ hasText: 'Escrito en el túnel' }).count()).toBe(0);
    await page.context().close();
    await t
      .request()
      .delete(`/api/groups/${groupId}/moderation/mutes/${luz.id}`)
      .set('Authorization', facilitator.auth)
      .expect(204);
  });

  it('a refusal with a code over HTTP: asking twice to join the same group', async () => {
    const open = await createGroup(t, facilitator, {
      name: 'Círculo abierto',
      facilitatorPseudonym: 'Fern',
      visibility: 'listed',
    });
    const sol = await registerUser(t, { displayName: 'Sol' });
    await t
      .request()
      .post(`/api/groups/${open.id}/join-requests`)
      .set('Authorization', sol.auth)
      .send({ pseudonym: 'Sol' })
      .expect(201);
    const again = await t
      .request()
      .post(`/api/groups/${open.id}/join-requests`)
      .set('Authorization', sol.auth)
      .send({ pseudonym: 'Sol' });
    // The code is what the client translates; the English message stays for API readers.
    expect([again.status, again.body.code]).toEqual([409, 'ALREADY_ASKED']);
    expect(again.body.message).toBe('You have already asked to join this group');
  });

  it('a constraint that names its own rule: a helper’s phone that is not a phone number', async () => {
    const refused = await t
      .request()
      .put('/api/me/safety-plan')
      .set('Authorization', luz.auth)
      .send({
        warningSigns: [],
        calmingActions: [],
        distractions: [],
        helpers: [{ name: 'Mamá', phone: 'llamar a mamá' }],
        professionals: [],
        saferSurroundings: [],
      })
      .expect(400);
    expect(refused.body.details).toEqual([
      {
        field: 'helpers.0.phone',
        message: 'phone must be a phone number (digits, spaces, + ( ) - .)',
        code: 'phone',
      },
    ]);
  });
});
