import { readFileSync } from 'node:fs';

import { jest } from '@jest/globals';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';

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
} from '../support/browser.js';
import { acceptAgreement, addActiveMember, createGroup, type GroupCard } from '../support/groups.js';
import { until } from '../support/sockets.js';
import { createAccount, GOOD_PASSWORD, registerUser, type TestUser } from '../support/users.js';

/** The page's globals, typed here: the test's TypeScript has no DOM types. */
interface Doc {
  sessionStorage: { getItem: (key: string) => string | null };
  document: {
    documentElement: { scrollWidth: number };
    activeElement: { classList: { contains: (name: string) => boolean } } | null;
  };
}

/**
 * Mia takes the PHQ-9 on her phone, follows her course, meets the safety screen and chooses to tell her
 * facilitator; Fern sees her scores only while she shares them, and asks the group for the GAD-7. Steps build on
 * each other, as a person's days do.
 */
describeInBrowser('Web client: questionnaires', () => {
  let t: TestApp;
  let browser: Browser;
  let m: Page;
  let f: Page;
  let admin: TestUser;
  let facilitator: TestUser;
  let mia: TestUser;
  let group: GroupCard;
  const csp: string[][] = [];
  const pageErrors: string[] = [];

  jest.setTimeout(120_000);

  beforeAll(async () => {
    ensureWebBuilt();
    t = await createTestApp({ env: { WEB_ROOT } });
    admin = await registerUser(t, { displayName: 'Admin' });
    facilitator = await createAccount(t, admin, 'facilitator', 'Fern');
    mia = await registerUser(t, { displayName: 'Mia' });
    group = await createGroup(t, facilitator, { name: 'Dawn Circle', facilitatorPseudonym: 'Fern' });
    await addActiveMember(t, facilitator, group.id, mia, 'Mia');
    browser = await launch();
    // Without the service worker: on these pages, used for minutes, a navigation hung past a minute in three
    // fresh-clone CI runs of four (each time a questionnaire page, at "load" or before), never in a context
    // without long service-worker work behind it. What this suite tests is online; the offline answers below run
    // in contexts of their own with the service worker, and installable-app.e2e-spec.ts tests the worker itself.
    const member = await newContext(browser, PHONE, { locale: 'en-US', serviceWorkers: 'block' });
    const staff = await newContext(browser, LAPTOP, { locale: 'en-US', serviceWorkers: 'block' });
    m = member.page;
    f = staff.page;
    csp.push(member.cspViolations, staff.cspViolations);
    for (const page of [m, f]) page.on('pageerror', (error) => pageErrors.push(error.message));
    await signInThroughPage(m, t.url, mia.email, GOOD_PASSWORD);
    await signInThroughPage(f, t.url, facilitator.email, GOOD_PASSWORD);
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const api = (user: TestUser, path: string) =>
    t.request().get(`/api${path}`).set('Authorization', user.auth).expect(200);
  const question = (page: Page, n: number) => page.getByRole('group', { name: new RegExp(`^${n}\\. `) });
  /** Answers the PHQ-9 on screen: the option of each question by its label, item 9 with the keyboard. */
  async function answer(page: Page, labels: string[]): Promise<void> {
    for (let i = 0; i < 8; i++)
      await question(page, i + 1)
        .getByLabel(labels[i], { exact: true })
        .check();
    await question(page, 9).getByLabel(labels[8], { exact: true }).focus();
    await page.keyboard.press('Space');
  }
  const all = (label: string) => Array<string>(9).fill(label);
  /** The row the facilitator's tab shows for a member who shares, read once her consent is recorded. */
  async function sharedRow(staff: Page, openTab: () => Promise<void>, pseudonym: string): Promise<string[]> {
    await openTab();
    const row = staff.locator('.shared-scores tbody tr', { hasText: pseudonym });
    await row.waitFor();
    return row.locator('th, td').allTextContents();
  }
  /**
   * She unticks her consent: once the server has it, the facilitator's tab shows nothing of her, when opened again
   * or (`openTab` null) by itself, while it stays open.
   */
  async function withdrawn(
    share: Locator,
    member: TestUser,
    staff: Page,
    openTab: (() => Promise<void>) | null,
    nothing: string,
  ): Promise<void> {
    await share.uncheck();
    await until(
      async () => (await api(member, '/me/questionnaires/sharing')).body.length === 0,
      'the withdrawal',
    );
    if (openTab) await openTab();
    await staff.getByText(nothing).waitFor({ timeout: 20_000 });
    expect(await staff.locator('.shared-scores').count()).toBe(0);
  }
  /** Whether `button` sits clear of `text`: beside it with a gap, or on a line of its own below. */
  async function apart(text: Locator, button: Locator): Promise<boolean> {
    const [words, control] = await Promise.all([text.boundingBox(), button.boundingBox()]);
    return control!.x >= words!.x + words!.width + 4 || control!.y >= words!.y + words!.height;
  }
  const consoleTab = async () => {
    await f.goto(`${t.url}/groups/${group.id}/console?tab=questionnaires`);
    await f.getByRole('tab', { name: 'Questionnaires', selected: true }).waitFor();
  };

  it('a member takes the PHQ-9 on her phone and sees her score and its band, never called a diagnosis', async () => {
    await m.goto(`${t.url}/journal`);
    await m.getByRole('link', { name: 'Questionnaires' }).click();
    await m.getByRole('heading', { name: 'Questionnaires', level: 1 }).waitFor();
    await m.getByRole('heading', { name: 'PHQ-9' }).waitFor();
    await m.getByText('No scores yet').waitFor();
    expect(await seriousAxeViolations(m)).toEqual([]);
    await screenshots(m, 'questionnaires-en-empty');

    await m.getByRole('link', { name: 'Take it (PHQ-9)' }).click();
    await m.getByRole('heading', { name: 'PHQ-9: how your mood has been' }).waitFor();
    await m.getByText('Over the last 2 weeks').waitFor();
    await m.getByText('Pfizer').waitFor();
    await m.getByText('0 of 9 answered').waitFor();
    const submit = m.getByRole('button', { name: 'Submit' });
    expect(await submit.isDisabled()).toBe(true);
    expect(await m.getByRole('radio').count()).toBe(36);
    expect(await seriousAxeViolations(m)).toEqual([]);

    await answer(m, [...all('Several days').slice(0, 8), 'Not at all']);
    await m.getByText('9 of 9 answered').waitFor();
    expect(await submit.isEnabled()).toBe(true);
    expect(
      await m.evaluate(() => (globalThis as unknown as Doc).document.documentElement.scrollWidth),
    ).toBeLessThanOrEqual(PHONE.width);
    await screenshots(m, 'questionnaires-en-phq9');
    await submit.click();

    const result = m.locator('.score-result');
    await result.getByText('8 of 27').waitFor();
    await result.getByText('Mild').waitFor();
    await result.getByText(/^This is not a diagnosis/).waitFor();
    // Said once: the band's words say it; the line under them no longer says it again.
    expect(await result.getByText(/not a diagnosis/).count()).toBe(1);
    await result.getByText('A score is a way to notice how things change over time.').waitFor();
    expect(await m.locator('.safety-screen').count()).toBe(0);
    expect(await seriousAxeViolations(m)).toEqual([]);
    await screenshots(m, 'questionnaires-en-score');
  });

  it('draws her course with the bands after a second response, says the change in words, and exports FHIR', async () => {
    // A mood check-in between her two scores is drawn beneath them, on the same dates.
    await t.request().post('/api/journal/mood').set('Authorization', mia.auth).send({ mood: 4 }).expect(201);
    await m.getByRole('button', { name: 'Take it again' }).click();
    await answer(m, all('Not at all'));
    await m.getByRole('button', { name: 'Submit' }).click();
    await m.locator('.score-result').getByText('0 of 27').waitFor();
    await m.getByRole('link', { name: 'See your course' }).click();

    const course = m.locator('.course', { hasText: 'PHQ-9' });
    await course.locator('svg[data-points="2"]').waitFor();
    expect(await course.locator('.score-band').count()).toBe(5);
    expect(await course.locator('.score-point').count()).toBe(2);
    await course
      .getByText(
        'Down 8 points since your first PHQ-9 — a drop of half or more, which clinicians call a response.',
      )
      .waitFor();
    await course.getByText('Minimal').first().waitFor();
    const label = await course.locator('svg').getAttribute('aria-labelledby');
    expect(await m.locator(`[id="${label}"]`).textContent()).toContain('from 8 to 0');
    // Beside her mood check-ins: beneath the scores, on the same dates, said in words too.
    await course.locator('.mood-strip[data-moods="1"] .mood-point').waitFor();
    expect(await m.locator(`[id="${label}"]`).textContent()).toContain(
      'one mood check-in on the same dates: 4 out of 10',
    );
    await course.getByText('Beneath the scores, on the same dates: your mood check-ins').waitFor();
    await course.getByText('Scores as a table').click();
    expect(await course.locator('tbody tr').count()).toBe(2);
    await m.getByRole('link', { name: 'Your mood check-ins' }).waitFor();
    expect(await seriousAxeViolations(m)).toEqual([]);
    await screenshots(m, 'questionnaires-en-course');

    await m.getByLabel('Remind me to take the PHQ-9').selectOption({ label: 'Every 2 weeks' });
    await until(async () => {
      const { body } = await api(mia, '/me/questionnaires/cadences');
      return body.some(
        (c: { instrument: string; everyDays: number; groupId: string | null }) =>
          c.instrument === 'phq9' && c.everyDays === 14 && c.groupId === null,
      );
    }, 'her reminder');

    const download = m.waitForEvent('download');
    await m.getByRole('button', { name: 'Download for my clinician (FHIR)' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('hearth-questionnaires-fhir.json');
    const bundle = JSON.parse(readFileSync((await file.path())!, 'utf8'));
    expect(bundle.resourceType).toBe('Bundle');
  });

  it('a reload keeps the answers given so far, in this tab only as positions; Cancel forgets them', async () => {
    const kept = () =>
      m.evaluate(() =>
        (globalThis as unknown as Doc).sessionStorage.getItem('hearth.draft.questionnaire.phq9.own'),
      );
    await m.goto(`${t.url}/journal/questionnaires/phq9`);
    await m.getByText('0 of 9 answered').waitFor();
    await question(m, 1).getByLabel('Several days', { exact: true }).check();
    await question(m, 3).getByLabel('Nearly every day', { exact: true }).check();
    await m.getByText('2 of 9 answered').waitFor();
    // Only the positions chosen are kept, never the questions' words.
    expect(await kept()).toBe('1,,3');

    await m.reload();
    await m.getByRole('heading', { name: 'PHQ-9: how your mood has been' }).waitFor();
    await m.getByText('2 of 9 answered').waitFor();
    expect(await question(m, 1).getByLabel('Several days', { exact: true }).isChecked()).toBe(true);
    expect(await question(m, 3).getByLabel('Nearly every day', { exact: true }).isChecked()).toBe(true);
    expect(await question(m, 2).getByRole('radio', { checked: true }).count()).toBe(0);

    // Cancel asks first: dismissed, the answers stay; accepted, they are forgotten.
    m.once('dialog', (dialog) => void dialog.dismiss());
    await m.getByRole('button', { name: 'Cancel' }).click();
    expect(await question(m, 1).getByLabel('Several days', { exact: true }).isChecked()).toBe(true);
    m.once('dialog', (dialog) => {
      expect(dialog.message()).toContain('will be forgotten');
      void dialog.accept();
    });
    await m.getByRole('button', { name: 'Cancel' }).click();
    await m.getByRole('heading', { name: 'Questionnaires', level: 1 }).waitFor();
    expect(await kept()).toBeNull();
    await m.goto(`${t.url}/journal/questionnaires/phq9`);
    await m.getByText('0 of 9 answered').waitFor();
  });

  it('an answer above zero on item 9 shows the lines first; she chooses to tell, and an incident opens', async () => {
    await m.goto(`${t.url}/journal/questionnaires/phq9`);
    await answer(m, [...all('Several days').slice(0, 4), ...all('Not at all').slice(0, 4), 'Several days']);
    await m.getByRole('button', { name: 'Submit' }).click();

    const safety = m.locator('.safety-screen');
    await safety.getByRole('heading', { name: 'You don’t have to hold this alone' }).waitFor();
    // Sent: the answers kept in the tab are gone.
    expect(
      await m.evaluate(() =>
        (globalThis as unknown as Doc).sessionStorage.getItem('hearth.draft.questionnaire.phq9.own'),
      ),
    ).toBeNull();
    await safety.locator('.resource-list li').first().waitFor();
    expect(await safety.locator('.resource-list').textContent()).toContain('988');
    await safety.getByRole('link', { name: 'Make my safety plan' }).waitFor();
    await safety.getByText('Nothing leaves your journal unless you choose').waitFor();
    // The lines come before the score, in the page and on the screen.
    const [lines, score] = await Promise.all([
      safety.boundingBox(),
      m.locator('.score-result').boundingBox(),
    ]);
    expect(lines!.y).toBeLessThan(score!.y);
    expect(
      await m.evaluate(() =>
        (globalThis as unknown as Doc).document.activeElement?.classList.contains('safety-screen'),
      ),
    ).toBe(true);
    expect(
      (await api(facilitator, `/groups/${group.id}/moderation/incidents`)).body.filter(
        (i: { source: string }) => i.source === 'questionnaire',
      ),
    ).toEqual([]);
    expect(await seriousAxeViolations(m)).toEqual([]);
    await screenshots(m, 'questionnaires-en-safety');

    // To her safety plan and back, or a reload: the lines and the offer to tell are still there.
    await safety.getByRole('link', { name: 'Make my safety plan' }).click();
    await m.getByRole('heading', { name: /safety plan/i, level: 1 }).waitFor();
    await m.goBack();
    await safety.getByRole('button', { name: 'Let my facilitator know' }).waitFor();
    await m.reload();
    await safety.getByRole('button', { name: 'Let my facilitator know' }).waitFor();

    await safety.getByRole('radio', { name: 'Dawn Circle' }).waitFor();
    await safety.getByRole('button', { name: 'Let my facilitator know' }).click();
    await safety.getByText('The facilitators of Dawn Circle have been told about this answer').waitFor();
    expect(await safety.getByRole('button', { name: 'Let my facilitator know' }).count()).toBe(0);
    const incidents = (await api(facilitator, `/groups/${group.id}/moderation/incidents`)).body;
    expect(incidents).toEqual([
      expect.objectContaining({ source: 'questionnaire', tier: 'concern', messageId: null }),
    ]);
    expect(await seriousAxeViolations(m)).toEqual([]);
  });

  it('the facilitator sees scores only while she shares them', async () => {
    await consoleTab();
    // Her choice to tell reached the facilitator as an alert that says where it came from.
    await f.locator('.crisis-alert').getByText('from a questionnaire answer').waitFor();
    await f.getByText('No member shares scores with you yet').waitFor();
    await f.getByText('nothing is shown for those who do not').waitFor();
    expect(await seriousAxeViolations(f)).toEqual([]);
    await screenshots(f, 'questionnaires-en-console-empty');

    await m.goto(`${t.url}/journal/questionnaires`);
    const share = m.getByLabel('Let the facilitators of Dawn Circle see my scores');
    await share.check();
    await m.getByText(/\(since /).waitFor();
    expect(await seriousAxeViolations(m)).toEqual([]);

    expect(await sharedRow(f, consoleTab, 'Mia')).toEqual([
      'Mia',
      'PHQ-9',
      expect.stringMatching(/^5\/27 Mild/),
      '0',
      'Worse',
      expect.stringContaining('Self-harm answer above zero'),
    ]);
    expect(await seriousAxeViolations(f)).toEqual([]);
    await screenshots(f, 'questionnaires-en-console-shared');

    // The console stays open: it reads the shared scores again by itself.
    await withdrawn(share, mia, f, null, 'No member shares scores with you yet');
  });

  it('her account page says that her facilitator’s look at her scores is logged, and that erasure takes her answers', async () => {
    await m.goto(`${t.url}/account`);
    const history = m.locator('section', {
      has: m.getByRole('heading', { name: 'Who has viewed your details' }),
    });
    await history.getByText('the scores you share with a group’s facilitators', { exact: false }).waitFor();
    await history.getByText('saw scores you shared').first().waitFor();
    await m.getByText('including your journal and your questionnaire answers', { exact: false }).waitFor();
    await m.getByRole('button', { name: 'Delete my account' }).click();
    const dialog = m.getByRole('dialog', { name: 'Delete your account?' });
    await dialog
      .getByText('Your journal, mood check-ins, questionnaire answers and account will be erased for good.', {
        exact: false,
      })
      .waitFor();
    await dialog.getByRole('button', { name: 'Keep my account' }).click();
  });

  it('the facilitator asks the group for the GAD-7 every two weeks; it is due for her, and ended', async () => {
    await consoleTab();
    await f.getByText('publishes a new version of the group’s agreement').waitFor();
    await f.getByLabel('Questionnaire', { exact: true }).selectOption('gad7');
    await f.getByLabel('Every how many days (7 to 90)').fill('14');
    await f.getByRole('button', { name: 'Ask the group' }).click();
    await f.getByText('The group now asks for the GAD-7, every 2 weeks.').waitFor();
    await f.getByText(/^GAD-7, every 2 weeks/).waitFor();
    // What the group asks for already is not offered again (it could only be refused).
    expect(
      await f
        .getByLabel('Questionnaire', { exact: true })
        .locator('option')
        .evaluateAll((options) => options.map((o) => (o as unknown as { value: string }).value)),
    ).toEqual(['phq9']);
    // The request and its End button are a row, not run together (", 2026)End") on a phone or a laptop.
    const request = f.locator('#assignments-title ~ ul li').first();
    for (const size of [PHONE, LAPTOP]) {
      await f.setViewportSize(size);
      expect(await apart(request.locator('span').first(), request.getByRole('button'))).toBe(true);
    }
    expect(await seriousAxeViolations(f)).toEqual([]);

    const { body: card } = await api(mia, `/groups/${group.id}`);
    await acceptAgreement(t, mia, group.id, card.agreementVersion).expect(200);
    await m.goto(`${t.url}/journal/questionnaires`);
    const due = m.locator('section', { has: m.getByRole('heading', { name: 'Due now' }) });
    await due.getByText('asked by Dawn Circle').waitFor();
    const dueRow = due.locator('li').first();
    expect(await apart(dueRow.locator('span').first(), dueRow.getByRole('link'))).toBe(true);
    // Beside her own reminder choice, she reads that her group asks for it too.
    await m.getByText('Dawn Circle also asks for it, every 2 weeks', { exact: false }).waitFor();
    await due.getByRole('link', { name: /Take it \(GAD-7/ }).click();
    await m.getByRole('heading', { name: 'GAD-7: how anxious you have felt' }).waitFor();
    await m.getByText('Dawn Circle asks its members to fill this in.', { exact: false }).waitFor();
    expect(new URL(m.url()).searchParams.get('group')).toBe(group.id);

    await consoleTab();
    await f.getByRole('button', { name: 'End the GAD-7 request' }).click();
    await f.getByText('The group asks for no questionnaire.').waitFor();
  });

  it('answering her group’s PHQ-9 with item 9 above zero: the lines, and her facilitators already told', async () => {
    await t
      .request()
      .post(`/api/groups/${group.id}/questionnaires/assignments`)
      .set('Authorization', facilitator.auth)
      .send({ instrument: 'phq9', everyDays: 28 })
      .expect(201);
    const { body: card } = await api(mia, `/groups/${group.id}`);
    await acceptAgreement(t, mia, group.id, card.agreementVersion).expect(200);
    await m.goto(`${t.url}/journal/questionnaires/phq9?group=${group.id}`);
    // Before she answers, she is told what a self-harm answer does here.
    await m.getByText('its facilitators are told (not your other answers)', { exact: false }).waitFor();
    await answer(m, [...all('Not at all').slice(0, 8), 'More than half the days']);
    await m.getByRole('button', { name: 'Submit' }).click();

    const safety = m.locator('.safety-screen');
    await safety.locator('.resource-list li').first().waitFor();
    await safety.getByText('The facilitators of Dawn Circle have been told about this answer').waitFor();
    expect(await safety.getByRole('button', { name: 'Let my facilitator know' }).count()).toBe(0);
    const incidents = (await api(facilitator, `/groups/${group.id}/moderation/incidents`)).body;
    expect(incidents.filter((i: { source: string }) => i.source === 'questionnaire')).toHaveLength(2);
    expect(await seriousAxeViolations(m)).toEqual([]);
  });

  it('speaks Spanish to a Spanish browser, with a visible switch to English', async () => {
    const { context, page: es, cspViolations } = await newContext(browser, PHONE, { locale: 'es-ES' });
    csp.push(cspViolations);
    await signInThroughPage(es, t.url, mia.email, GOOD_PASSWORD);
    const asked = es.waitForRequest((r) => r.url().includes('/api/questionnaires/phq9?language=es'));
    await es.goto(`${t.url}/journal/questionnaires/phq9`);
    await asked;
    await es.getByRole('heading', { name: 'PHQ-9: cómo ha estado tu ánimo' }).waitFor();
    await question(es, 1).getByText('Poco interés o placer en hacer cosas').waitFor();
    await question(es, 1).getByLabel('Ningún día').waitFor();
    await es.getByRole('button', { name: 'Enviar' }).waitFor();
    expect(await es.getByRole('button', { name: 'Español' }).getAttribute('aria-pressed')).toBe('true');
    expect(await es.locator('.questionnaire').getAttribute('lang')).toBe('es');
    expect(await seriousAxeViolations(es)).toEqual([]);
    await screenshots(es, 'questionnaires-es-switch');

    await es.getByRole('button', { name: 'English' }).click();
    await question(es, 1).getByText('Little interest or pleasure in doing things').waitFor();
    expect(await es.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe('true');
    await context.close();
  });

  describe('in Spanish: a member on her phone and her facilitator, both in Spanish', () => {
    let s: Page;
    let flor: Page;
    let sofia: TestUser;
    let florUser: TestUser;
    let circle: GroupCard;

    beforeAll(async () => {
      florUser = await createAccount(t, admin, 'facilitator', 'Flor');
      sofia = await registerUser(t, { displayName: 'Sofía' });
      circle = await createGroup(t, florUser, { name: 'Círculo del Alba', facilitatorPseudonym: 'Flor' });
      await addActiveMember(t, florUser, circle.id, sofia, 'Sofía');
      const member = await newContext(browser, PHONE, { locale: 'es-ES' });
      const staff = await newContext(browser, LAPTOP, { locale: 'es-ES' });
      s = member.page;
      flor = staff.page;
      csp.push(member.cspViolations, staff.cspViolations);
      for (const page of [s, flor]) page.on('pageerror', (error) => pageErrors.push(error.message));
      await signInThroughPage(s, t.url, sofia.email, GOOD_PASSWORD);
      await signInThroughPage(flor, t.url, florUser.email, GOOD_PASSWORD);
    });

    const florsTab = async () => {
      await flor.goto(`${t.url}/groups/${circle.id}/console?tab=questionnaires`);
      await flor.getByRole('heading', { name: 'Puntuaciones compartidas' }).waitFor();
    };

    it('she takes the PHQ-9 at 390 px, every word around it in Spanish, and reads her score', async () => {
      await s.goto(`${t.url}/journal/questionnaires`);
      await s.getByRole('heading', { name: 'Cuestionarios', level: 1 }).waitFor();
      await s.getByText('Todavía no hay puntuaciones').waitFor();
      await s.getByText('Sobre las últimas 2 semanas. Puntuación de 0 a 27.').first().waitFor();
      await s.getByLabel('Recordarme responder el PHQ-9').waitFor();
      await s.getByRole('button', { name: 'Descargar para mi clínico (FHIR)' }).waitFor();
      expect(await seriousAxeViolations(s)).toEqual([]);
      await screenshots(s, 'questionnaires-es-empty');

      await s.getByRole('link', { name: 'Responder (PHQ-9)' }).click();
      await s.getByRole('heading', { name: 'PHQ-9: cómo ha estado tu ánimo' }).waitFor();
      await s.getByText('0 de 9 respondidas').waitFor();
      const submit = s.getByRole('button', { name: 'Enviar' });
      expect(await submit.isDisabled()).toBe(true);
      await answer(s, [...all('Varios días').slice(0, 8), 'Ningún día']);
      await s.getByText('9 de 9 respondidas').waitFor();
      expect(
        await s.evaluate(() => (globalThis as unknown as Doc).document.documentElement.scrollWidth),
      ).toBeLessThanOrEqual(PHONE.width);
      expect(await seriousAxeViolations(s)).toEqual([]);
      await screenshots(s, 'questionnaires-es-phq9');
      await submit.click();

      const result = s.locator('.score-result');
      await result.getByRole('heading', { name: 'Tu puntuación' }).waitFor();
      await result.getByText('8 de 27').waitFor();
      await result.getByText('Leve').waitFor();
      await result.getByText(/^Esto no es un diagnóstico/).waitFor();
      expect(await seriousAxeViolations(s)).toEqual([]);
      await screenshots(s, 'questionnaires-es-score');
    });

    it('her course: bands named in Spanish and readable, dates in Spanish, the change in words', async () => {
      await s.getByRole('button', { name: 'Responder de nuevo' }).click();
      await answer(s, all('Ningún día'));
      await s.getByRole('button', { name: 'Enviar' }).click();
      await s.locator('.score-result').getByText('0 de 27').waitFor();
      await s.getByRole('link', { name: 'Ver tu evolución' }).click();
      await s.getByRole('heading', { name: 'Tu evolución' }).waitFor();

      const course = s.locator('.course', { hasText: 'PHQ-9' });
      const chart = course.locator('svg[data-points="2"]');
      await chart.waitFor();
      expect(await course.locator('.score-band').count()).toBe(5);
      expect(await course.locator('.score-band-label').allTextContents()).toEqual([
        'Mínima',
        'Leve',
        'Moderada',
        'Moderadamente grave',
        'Grave',
      ]);
      // Drawn at the size shown: the band names and the axis are at least 12 px on the phone's screen.
      const sizes = await course
        .locator('.score-band-label, .score-axis')
        .evaluateAll((texts) =>
          texts.map(
            (text) =>
              (text as unknown as { getBoundingClientRect: () => { height: number } }).getBoundingClientRect()
                .height,
          ),
        );
      expect(Math.min(...sizes)).toBeGreaterThanOrEqual(12);
      const axis = await course.locator('.score-axis').allTextContents();
      expect(axis.join(' ')).toMatch(/\b(ene|feb|mar|abr|may|jun|jul|ago|sept?|oct|nov|dic)\b/);
      await course
        .getByText('PHQ-9: 8 puntos menos que tu primera puntuación — un descenso de la mitad o más')
        .waitFor();
      await course.getByText(/^La más reciente: 0 de 27, .* — Mínima\./).waitFor();
      const label = await chart.getAttribute('aria-labelledby');
      expect(await s.locator(`[id="${label}"]`).textContent()).toContain('2 puntuaciones sobre 27, de 8 a 0');
      await course.getByText('Las puntuaciones en una tabla').click();
      expect(await course.locator('thead th').allTextContents()).toEqual(['Fecha', 'Puntuación', 'Rango']);
      expect(await course.locator('tbody tr').count()).toBe(2);
      expect(
        await s.evaluate(() => (globalThis as unknown as Doc).document.documentElement.scrollWidth),
      ).toBeLessThanOrEqual(PHONE.width);
      expect(await seriousAxeViolations(s)).toEqual([]);
      await screenshots(s, 'questionnaires-es-course');

      await s.getByLabel('Recordarme responder el PHQ-9').selectOption({ label: 'Cada 2 semanas' });
      await until(async () => {
        const { body } = await api(sofia, '/me/questionnaires/cadences');
        return body.some((c: { everyDays: number }) => c.everyDays === 14);
      }, 'her reminder');
    });

    it('item 9 above zero: the safety screen in Spanish, and she chooses to tell her facilitator', async () => {
      await s.goto(`${t.url}/journal/questionnaires/phq9`);
      await answer(s, [...all('Varios días').slice(0, 4), ...all('Ningún día').slice(0, 4), 'Varios días']);
      await s.getByRole('button', { name: 'Enviar' }).click();

      const safety = s.locator('.safety-screen');
      await safety.getByRole('heading', { name: 'No tienes que cargar con esto a solas' }).waitFor();
      await safety.getByText('Si crees que podrías actuar según ellos, o estás en peligro ahora').waitFor();
      await safety.locator('.resource-list li').first().waitFor();
      // A button a finger finds at once, not a few words at the end of a sentence.
      const makePlan = safety.getByRole('link', { name: 'Hacer mi plan de seguridad' });
      expect(await makePlan.getAttribute('class')).toContain('button');
      expect((await makePlan.boundingBox())!.height).toBeGreaterThanOrEqual(44);
      // Her lines' texting options are all buttons, "AYUDA al 988" too (it was plain words).
      expect(await safety.locator('.resource-text').count()).toBe(0);
      await safety.locator('a[href="sms:988?body=AYUDA"]').waitFor();
      await safety.getByText('Nada sale de tu diario a menos que tú lo decidas').first().waitFor();
      const score = s.locator('.score-result');
      expect(await score.getByText(/no es un diagnóstico/).count()).toBe(1);
      expect(await safety.getAttribute('lang')).toBe('es');
      expect(
        await s.evaluate(() =>
          (globalThis as unknown as Doc).document.activeElement?.classList.contains('safety-screen'),
        ),
      ).toBe(true);
      expect(await seriousAxeViolations(s)).toEqual([]);
      await screenshots(s, 'questionnaires-es-safety');

      await safety.getByRole('radio', { name: 'Círculo del Alba' }).waitFor();
      await safety.getByRole('button', { name: 'Avisar a quienes facilitan' }).click();
      await safety.getByText('Quienes facilitan Círculo del Alba ya saben de esta respuesta').waitFor();
      expect(
        (await api(florUser, `/groups/${circle.id}/moderation/incidents`)).body.filter(
          (i: { source: string }) => i.source === 'questionnaire',
        ),
      ).toHaveLength(1);
    });

    it('her facilitator, in Spanish, sees nothing without her consent, her scores with it, nothing after', async () => {
      await florsTab();
      // Sofía's choice to tell reached Flor as an alert in her language, which says where it came from.
      const alert = flor.locator('.crisis-alert');
      await alert.getByText('Alguien podría necesitar apoyo.').waitFor();
      await alert.getByText('por una respuesta de un cuestionario', { exact: false }).waitFor();
      await alert.getByRole('link', { name: 'Abrir el incidente' }).waitFor();
      await flor.getByText('Todavía ningún miembro comparte sus puntuaciones contigo').waitFor();
      expect(await flor.locator('.shared-scores').count()).toBe(0);
      await flor.getByRole('heading', { name: 'Pedir al grupo' }).waitFor();
      expect(await seriousAxeViolations(flor)).toEqual([]);
      await screenshots(flor, 'questionnaires-es-console-empty');

      await s.goto(`${t.url}/journal/questionnaires`);
      const share = s.getByLabel('Dejar que quienes facilitan Círculo del Alba vean mis puntuaciones');
      await share.check();
      await s.getByText(/\(desde el /).waitFor();

      const cells = await sharedRow(flor, florsTab, 'Sofía');
      expect(await flor.locator('.shared-scores thead th').allTextContents()).toEqual([
        'Miembro',
        'Cuestionario',
        'Más reciente',
        'Anterior',
        'Tendencia',
        'Seguridad',
      ]);
      expect(cells).toEqual([
        'Sofía',
        'PHQ-9',
        expect.stringMatching(/^5\/27 Leve/),
        '0',
        'Peor',
        expect.stringContaining('Respuesta sobre autolesión mayor que cero'),
      ]);
      expect(await seriousAxeViolations(flor)).toEqual([]);
      await screenshots(flor, 'questionnaires-es-console-shared');
      // On her phone the safety answer is on screen, not in a box that scrolls sideways.
      const size = flor.viewportSize();
      await flor.setViewportSize(PHONE);
      const badge = await flor.locator('.shared-scores .tier-badge').boundingBox();
      expect(badge!.x + badge!.width).toBeLessThanOrEqual(PHONE.width);
      if (size) await flor.setViewportSize(size);

      await withdrawn(
        share,
        sofia,
        flor,
        florsTab,
        'Todavía ningún miembro comparte sus puntuaciones contigo',
      );
    });
    it('names the EPDS as Spanish does, "la EPDS", wherever a sentence names it, and an English page says its words are Spanish only', async () => {
      const wording = {
        title: 'Texto de prueba de la escala',
        instructions: 'Instrucciones de prueba',
        // Placeholder words: the real ones come from the clinic's licence, never from this repository.
        items: Array.from({ length: 10 }, (_, i) => ({
          text: `Pregunta ${i + 1}`,
          options: ['Primera', 'Segunda', 'Tercera', 'Cuarta'],
        })),
      };
      const wordingPath = '/api/admin/questionnaires/epds/wording/es';
      await t.request().put(wordingPath).set('Authorization', admin.auth).send(wording).expect(200);
      try {
        await s.goto(`${t.url}/journal/questionnaires`);
        await s.getByLabel('Recordarme responder la EPDS').waitFor();
        await s.getByLabel('Recordarme responder el PHQ-9').waitFor();
        expect(await s.getByText('Por ahora solo en').count()).toBe(0);
        // On an English page the EPDS is offered too, and says that its words are Spanish only.
        await m.goto(`${t.url}/journal/questionnaires`);
        const epds = m.locator('.card-list > li', { has: m.getByRole('heading', { name: /EPDS/ }) });
        await epds.getByText('For now only in Spanish').waitFor();
        const phq = m.locator('.card-list > li', { has: m.getByRole('heading', { name: /PHQ-9/ }) });
        expect(await phq.getByText('For now only in').count()).toBe(0);
        await florsTab();
        await flor.getByLabel('Cuestionario', { exact: true }).selectOption('epds');
        await flor.getByLabel('Cada cuántos días (de 7 a 90)').fill('28');
        await flor.getByRole('button', { name: 'Pedir al grupo' }).click();
        await flor.getByText('Ahora el grupo pide la EPDS, cada 4 semanas.').waitFor();
        await flor.getByRole('button', { name: 'Terminar la solicitud de la EPDS' }).click();
        await flor.getByText('El grupo ya no pide la EPDS.').waitFor();
      } finally {
        await t.request().delete(wordingPath).set('Authorization', admin.auth).expect(204);
      }
    });
  });

  describe('when the answers cannot be sent', () => {
    /**
     * Each test here has a browser context of its own, with Mia signed in afresh. On the page the rest of the
     * suite has used for minutes, a navigation has been seen to hang past a minute on the loaded CI machine, three
     * times in two places (the "load" event, then even the first byte; once before any offline step): Chromium
     * driven over the DevTools protocol with a service worker that had long been writing its caches. A fresh
     * context loaded at once every time. What these tests check does not depend on the page's history.
     */
    async function asFreshMia(test: (page: Page, context: BrowserContext) => Promise<void>): Promise<void> {
      const fresh = await newContext(browser, PHONE, { locale: 'en-US' });
      csp.push(fresh.cspViolations);
      fresh.page.on('pageerror', (error) => pageErrors.push(error.message));
      try {
        await signInThroughPage(fresh.page, t.url, mia.email, GOOD_PASSWORD);
        await test(fresh.page, fresh.context);
      } finally {
        await fresh.context.close();
      }
    }

    it('a self-harm answer still shows the crisis lines at once, from the device; the answers go when she is back', async () => {
      await asFreshMia(async (p, context) => {
        await p.goto(`${t.url}/journal/questionnaires/phq9`);
        await p.getByRole('heading', { name: /PHQ-9/ }).first().waitFor();
        await answer(p, [...all('Not at all').slice(0, 8), 'More than half the days']);
        await context.setOffline(true);
        try {
          await p.getByRole('button', { name: 'Submit' }).click();
          const unsent = p.locator('.unsent-safety');
          await unsent.getByRole('heading', { name: 'Your answers have not been sent yet' }).waitFor();
          await unsent.locator('.resource-list li').first().waitFor();
          expect(await unsent.locator('.resource-list').textContent()).toContain('988');
          await unsent.getByRole('link', { name: 'Open your safety plan' }).waitFor();
          // Axe's target sizes depend on what the sticky bars cover where the page is scrolled: read from the top.
          await p.evaluate(() =>
            (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0),
          );
          expect(await seriousAxeViolations(p)).toEqual([]);
        } finally {
          await context.setOffline(false);
        }
        await p.getByRole('button', { name: 'Submit' }).click();
        await p
          .locator('.safety-screen:not(.unsent-safety)')
          .getByRole('button', { name: 'Let my facilitator know' })
          .waitFor();
        expect(await p.locator('.unsent-safety').count()).toBe(0);
      });
    });

    it('an answer with no self-harm shows no crisis screen when it cannot be sent', async () => {
      await asFreshMia(async (p, context) => {
        await p.goto(`${t.url}/journal/questionnaires/gad7`);
        await p.getByRole('heading', { name: /GAD-7/ }).first().waitFor();
        for (let i = 1; i <= 7; i++) await question(p, i).getByLabel('Several days', { exact: true }).check();
        await context.setOffline(true);
        await p.getByRole('button', { name: 'Submit' }).click();
        await p.getByRole('alert').first().waitFor();
        expect(await p.locator('.unsent-safety').count()).toBe(0);
      });
    });
  });

  // In a block of its own so that it runs last, after the Spanish block's tests too.
  describe('afterwards', () => {
    it('breaks no Content-Security-Policy and throws no page error', () => {
      expect(csp.flat()).toEqual([]);
      expect(pageErrors).toEqual([]);
    });
  });
});
