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
  signInThroughPage,
  WEB_ROOT,
} from '../support/browser.js';
import { addActiveMember, createGroup } from '../support/groups.js';
import { until } from '../support/sockets.js';
import { createAccount, GOOD_PASSWORD, registerUser, type TestUser } from '../support/users.js';

/** The page's globals, typed here: the test's TypeScript has no DOM types. */
interface Box {
  getBoundingClientRect: () => { height: number };
  closest: (selector: string) => Box | null;
}

const ZONE = 'America/Mexico_City';
/** A calendar day as a Spanish reader in Mexico City reads it, worked out here, apart from the client's code. */
const spanishDay = (date: Date) =>
  new Intl.DateTimeFormat('es-ES', { dateStyle: 'medium', timeZone: ZONE }).format(date);

/**
 * Lucía keeps her journal in Spanish on her phone: the journal, a session and the prompts it brings the same day,
 * an entry and its sharing panel, a mood check-in and its chart, and her safety plan; every word around her own in
 * Spanish, dates and numbers as Spanish writes them. Mia does the same in English, for the screenshots beside them.
 */
describeInBrowser('Web client: the journal in Spanish (and in English)', () => {
  let t: TestApp;
  let browser: Browser;
  let es: Page;
  let en: Page;
  let lucia: TestUser;
  const csp: string[][] = [];
  const pageErrors: string[] = [];

  jest.setTimeout(120_000);

  beforeAll(async () => {
    ensureWebBuilt();
    t = await createTestApp({ env: { WEB_ROOT } });
    const admin = await registerUser(t, { displayName: 'Admin' });
    const facilitator = await createAccount(t, admin, 'facilitator', 'Flor');
    const group = await createGroup(t, facilitator, {
      name: 'Círculo del Alba',
      facilitatorPseudonym: 'Flor',
    });
    lucia = await registerUser(t, { displayName: 'Lucía' });
    const mia: TestUser = await registerUser(t, { displayName: 'Mia' });
    await addActiveMember(t, facilitator, group.id, lucia, 'Lucía');
    browser = await launch();
    const spanish = await newContext(browser, PHONE, { locale: 'es-ES', timezoneId: ZONE });
    const english = await newContext(browser, PHONE, { locale: 'en-US', timezoneId: ZONE });
    es = spanish.page;
    en = english.page;
    csp.push(spanish.cspViolations, english.cspViolations);
    for (const page of [es, en]) page.on('pageerror', (error) => pageErrors.push(error.message));
    await signInThroughPage(es, t.url, lucia.email, GOOD_PASSWORD);
    await signInThroughPage(en, t.url, mia.email, GOOD_PASSWORD);
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  /** axe finds nothing serious; nothing scrolls sideways at 360 px; every control is at least 44 px tall. */
  async function expectComfortable(page: Page): Promise<void> {
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 360, height: 740 });
    const heights = await page
      .locator('main :is(button, input, select, textarea, a.button)')
      .evaluateAll((controls) =>
        controls
          .map((control) => (control as unknown as Box).closest('.check') ?? (control as unknown as Box))
          .map((box) => Math.round(box.getBoundingClientRect().height))
          .filter((height) => height > 0),
      );
    expect(heights.filter((height) => height < 44)).toEqual([]);
    // A chart follows its box a few frames after the window narrows.
    await until(
      async () => (await page.evaluate<number>('document.documentElement.scrollWidth')) <= 360,
      'no sideways scrolling at 360 px',
    );
    await page.setViewportSize(PHONE);
  }

  it('the journal in English, with the prompts of a session recorded today', async () => {
    await en.goto(`${t.url}/journal/sessions`);
    await en.getByRole('heading', { name: 'Sessions', level: 1 }).waitFor();
    await en.getByLabel('Kind').fill('Ketamine-assisted session');
    await en.getByRole('button', { name: 'Add session' }).click();
    await en.getByText('Your journal offers a few prompts for after this session, starting today.').waitFor();
    await en.getByRole('link', { name: 'See them in your journal' }).click();

    await en.getByRole('heading', { name: 'Journal', level: 1 }).waitFor();
    const after = en.locator('section', { has: en.getByRole('heading', { name: 'After your session' }) });
    await after.getByText('Where in your body do you notice the session today?').waitFor();
    await en.getByText('No entries yet. Whenever you are ready.').waitFor();
    await expectComfortable(en);
    await screenshots(en, 'journal-en');
  });

  it('the journal in Spanish: its words, and the prompts of a session recorded today', async () => {
    await es.goto(`${t.url}/journal`);
    await es.getByRole('heading', { name: 'Diario', level: 1 }).waitFor();
    for (const link of ['Nueva entrada', 'Ánimo', 'Cuestionarios', 'Sesiones', 'Plan de seguridad'])
      await es.getByRole('link', { name: link, exact: true }).waitFor();
    await es.getByText('Solo tú puedes leer tu diario.').waitFor();
    // The prompt of the day is the library's, in Spanish.
    const { body: prompt } = await t
      .request()
      .get(`/api/journal/prompts/today?tz=${ZONE}`)
      .set('Accept-Language', 'es')
      .set('Authorization', lucia.auth)
      .expect(200);
    const ofTheDay = es.locator('section', { has: es.getByRole('heading', { name: 'Pregunta del día' }) });
    await ofTheDay.getByText(prompt.text).waitFor();
    await es.getByRole('search').getByLabel('Buscar en tus entradas').waitFor();
    await es.getByText('Todavía no hay entradas. Escribe cuando quieras.').waitFor();
    expect(await es.getByRole('heading', { name: 'Después de tu sesión' }).count()).toBe(0);

    await es.getByRole('link', { name: 'Sesiones', exact: true }).click();
    await es.getByRole('heading', { name: 'Sesiones', level: 1 }).waitFor();
    await es.getByText('Por ejemplo: terapia asistida con ketamina, sesión de integración').waitFor();
    await es.getByLabel('Tipo').fill('Terapia asistida con ketamina');
    await es.getByLabel('Intención (opcional)').fill('Escuchar a mi cuerpo');
    await es.getByRole('button', { name: 'Agregar sesión' }).click();
    await es
      .getByText('Tu diario te ofrece algunas preguntas para después de esta sesión, desde hoy.')
      .waitFor();
    const card = es.locator('.card-list li', { hasText: 'Terapia asistida con ketamina' });
    await card.getByText(spanishDay(new Date())).waitFor();
    await card.getByText('Intención: Escuchar a mi cuerpo').waitFor();
    await expectComfortable(es);
    await screenshots(es, 'journal-es-sessions');

    await es.getByRole('link', { name: 'Verlas en tu diario' }).click();
    const after = es.locator('section', { has: es.getByRole('heading', { name: 'Después de tu sesión' }) });
    await after
      .getByText('¿En qué parte de tu cuerpo notas hoy la sesión? Descríbelo sin juzgarlo.')
      .waitFor();
    await after.getByText('¿Qué sentimiento de la sesión sigue contigo? ¿Qué quiere que sepas?').waitFor();
    expect(await after.locator('li').count()).toBe(2);
    expect(await after.getByRole('link', { name: 'Escribir' }).count()).toBe(2);
    await expectComfortable(es);
    await screenshots(es, 'journal-es');
  });

  it('an entry in Spanish: the editor, the sharing panel, and its card with the date as Spanish writes it', async () => {
    await es.getByRole('link', { name: 'Nueva entrada', exact: true }).click();
    await es.getByRole('heading', { name: 'Nueva entrada', level: 1 }).waitFor();
    await es.getByLabel('Título (opcional)').fill('Una mañana tranquila');
    await es.getByRole('group', { name: 'Vista del editor' }).waitFor();
    await es.getByText('Puedes usar Markdown: *énfasis*, listas, > citas.').waitFor();
    await es.getByLabel('Tu reflexión').fill('Hoy respiré *despacio* antes de levantarme.');
    await es.getByLabel('Ánimo ahora, de 0 a 10 (opcional)').fill('6');
    await es.getByLabel('Sobre una sesión (opcional)').waitFor();
    await es.getByRole('button', { name: 'Vista previa' }).click();
    await es.locator('em', { hasText: 'despacio' }).waitFor();
    await es.getByRole('button', { name: 'Guardar entrada' }).click();
    await es.getByText('Guardado.').waitFor();

    const share = es.locator('section', { has: es.getByRole('heading', { name: 'Compartir' }) });
    await share.getByText('No se comparte nada a menos que tú lo decidas.').waitFor();
    await share.getByRole('group', { name: 'Con quién' }).waitFor();
    await share.getByLabel('Todo el grupo, en la conversación').waitFor();
    await share.getByLabel('Solo quienes facilitan').waitFor();
    expect(await share.getByRole('button', { name: 'Compartir' }).isDisabled()).toBe(true);
    await expectComfortable(es);
    await screenshots(es, 'journal-es-entry');

    await es.getByRole('link', { name: '← Diario' }).click();
    const entry = es.locator('.entry-card', { hasText: 'Una mañana tranquila' });
    await entry.getByText(`${spanishDay(new Date())} · ánimo 6/10`).waitFor();
  });

  it('a mood check-in in Spanish: the chart’s words, and numbers with a decimal comma', async () => {
    await es.goto(`${t.url}/journal/mood`);
    await es.getByRole('heading', { name: 'Ánimo', level: 1 }).waitFor();
    await es.getByLabel('¿Cómo te sientes? 5 de 10').waitFor();
    expect(await es.getByRole('slider').getAttribute('aria-valuetext')).toBe('5 de 10');
    await es.getByLabel('Horas de sueño (opcional)').fill('7.5');
    await es.getByRole('button', { name: 'Guardar registro' }).click();
    await es.getByText('Registro guardado.').waitFor();
    await es
      .getByText(/^Ánimo en un día: \d+,\d sobre 10\.$/)
      .first()
      .waitFor();
    await es.locator('.checkins li', { hasText: ': ánimo 5, 7,5 h de sueño' }).waitFor();
    await es.getByText('Los números, día por día').click();
    expect(await es.locator('.chart-numbers thead th').allTextContents()).toEqual([
      'Día',
      'Ánimo (promedio)',
      'Más bajo',
      'Más alto',
      'Registros',
    ]);
    await expectComfortable(es);
    await screenshots(es, 'journal-es-mood');
  });

  it('her safety plan in Spanish: the six steps, an item, saved, and read back', async () => {
    await es.goto(`${t.url}/journal/safety-plan`);
    await es.getByRole('heading', { name: 'Mi plan de seguridad', level: 1 }).waitFor();
    await es.getByRole('heading', { name: 'Seis pasos pequeños' }).waitFor();
    await es.getByText('Señales de alerta').waitFor();
    await es.getByRole('button', { name: 'Hacer mi plan' }).click();
    const signs = es.getByRole('group', { name: /Señales de alerta/ });
    await signs.getByText('Pensamientos, sentimientos o cosas que hago').waitFor();
    await signs.getByRole('button', { name: 'Agregar a “Señales de alerta”' }).click();
    await signs.getByLabel('Señales de alerta, punto 1').fill('Dejo de comer');
    const helpers = es.getByRole('group', { name: /Personas a las que puedo pedir ayuda/ });
    await helpers.getByRole('button', { name: 'Agregar una persona' }).click();
    await helpers.getByLabel('Nombre').fill('Mi hermana Ana');
    await helpers.getByLabel('Teléfono (opcional)').fill('+52 55 1234 5678');
    await expectComfortable(es);
    await es.getByRole('button', { name: 'Guardar mi plan' }).click();
    await es.getByText('Tu plan está guardado.').waitFor();
    await es.getByRole('heading', { name: /Señales de alerta/ }).waitFor();
    await es.getByRole('link', { name: 'Llamar al +52 55 1234 5678' }).waitFor();
    await es.getByText(/^Último cambio: /).waitFor();
    await expectComfortable(es);
    await screenshots(es, 'journal-es-safety-plan');
  });

  it('breaks no Content-Security-Policy and throws no page error', () => {
    expect(csp.flat()).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
