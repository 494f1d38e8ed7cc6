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
  signInThroughPage,
  WEB_ROOT,
} from '../support/browser.js';
import { acceptAgreement, createGroup, createInvite, redeem } from '../support/groups.js';
import { createAccount, GOOD_PASSWORD, registerUser, uniqueEmail, type TestUser } from '../support/users.js';

const DESCRIPTION = 'A gentle place for new mothers to keep integrating after ketamine-assisted therapy.';

/** A zone whose calendar day is not UTC's right now: late evening in Los Angeles, or tomorrow in Auckland. */
function zoneWhereTodayIsNotUtcToday(now = new Date()): string {
  const hour = now.getUTCHours();
  if (hour < 8) return 'America/Los_Angeles';
  if (hour >= 11) return 'Pacific/Auckland';
  return 'Pacific/Pago_Pago';
}

/** Today's date (YYYY-MM-DD) in a zone, worked out here, apart from the client's code. */
function todayIn(timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
}

/**
 * A member's first steps in real Chromium against the real API, at a phone's and a laptop's width: an invitation
 * that says where it leads, errors that say what went wrong, days in her own time zone, and Markdown rendered.
 */
describeInBrowser('A member’s first steps in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let facilitator: TestUser;
  let groupId = '';

  jest.setTimeout(120_000);

  beforeAll(async () => {
    ensureWebBuilt();
    t = await createTestApp({ env: { WEB_ROOT } });
    browser = await launch();
    const admin = await registerUser(t, { displayName: 'Ada Admin' });
    facilitator = await createAccount(t, admin, 'facilitator', 'Fern Facilitator');
    const group = await createGroup(t, facilitator, {
      name: 'Morning Circle',
      description: DESCRIPTION,
      visibility: 'unlisted',
    });
    groupId = group.id;
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const expectAccessible = async (page: Page) => {
    expect(await seriousAxeViolations(page)).toEqual([]);
  };

  /** No sideways scrolling at the narrowest phone width, and every button and field is at least 44 px tall. */
  const expectComfortable = async (page: Page) => {
    const { scrollWidth, small } = await comfortAt360(page);
    expect(scrollWidth).toBeLessThanOrEqual(360);
    expect(small).toEqual([]);
  };

  /** A member of Morning Circle, through the API: invited, joined and agreed. */
  const activeMember = async (name: string): Promise<TestUser> => {
    const member = await registerUser(t, { displayName: name });
    const invite = await createInvite(t, facilitator, groupId);
    expect((await redeem(t, member, invite.code, name)).status).toBe(200);
    expect((await acceptAgreement(t, member, groupId)).status).toBe(200);
    return member;
  };

  for (const viewport of [PHONE, LAPTOP]) {
    describe(`at ${viewport.width} px`, () => {
      it('an invitation opened signed out says who invites and what they agree to, leads with an account, then continues to the invite', async () => {
        const invite = await createInvite(t, facilitator, groupId);
        const { context, page, cspViolations } = await newContext(browser, viewport, { locale: 'en-US' });
        await page.goto(`${t.url}/invite/${invite.code}`);
        await page.getByRole('heading', { name: 'You are invited to Morning Circle' }).waitFor();
        expect(page.url()).toBe(`${t.url}/invite/${invite.code}`);
        expect(await page.getByText('Welcome back').count()).toBe(0);
        await page.getByText(DESCRIPTION).waitFor();
        await page.getByText(/This is a space to make sense of what came up/).waitFor();
        const topics = page.getByRole('list', { name: 'It covers:' }).getByRole('listitem');
        expect(await topics.allTextContents()).toEqual([
          'Confidentiality',
          'Respect',
          'Taking care',
          'If you are in crisis',
          'Facilitators',
        ]);
        const create = page.getByRole('button', { name: 'Create account' });
        const signIn = page.getByRole('link', { name: 'Sign in' });
        expect((await create.boundingBox())!.y).toBeLessThan((await signIn.boundingBox())!.y);
        await expectAccessible(page);
        await expectComfortable(page);
        await screenshots(page, 'members-invite-welcome');

        await page.getByLabel('Your name').fill('Wren Member');
        await page.getByLabel('Email').fill(uniqueEmail('wren'));
        await page.getByLabel('Password').fill(GOOD_PASSWORD);
        await create.click();
        await page.getByLabel('Your pseudonym in this group').fill(`Wren${viewport.width}`);
        await page.getByRole('button', { name: 'Join Morning Circle' }).click();
        await page.getByRole('heading', { name: 'Morning Circle: our agreement' }).waitFor();

        // The agreement is Markdown, rendered: headings and a list, not "#" and "-".
        const agreement = page.getByRole('article', { name: 'Agreement' });
        await agreement.getByRole('heading', { name: 'Our group agreement', level: 2 }).waitFor();
        await agreement.getByRole('heading', { name: 'Confidentiality', level: 3 }).waitFor();
        expect(await agreement.getByRole('listitem').count()).toBeGreaterThan(10);
        const text = await agreement.innerText();
        expect(text).not.toMatch(/^#|^- /m);
        await expectAccessible(page);
        await expectComfortable(page);
        expect(cspViolations).toEqual([]);
        await context.close();
      });

      it('someone with an account signs in second and comes back to the invitation; a dead link says so', async () => {
        const invite = await createInvite(t, facilitator, groupId);
        const existing = await registerUser(t, { displayName: 'Moss' });
        const { context, page } = await newContext(browser, viewport, { locale: 'en-US' });
        await page.goto(`${t.url}/invite/${invite.code}`);
        await page.getByRole('link', { name: 'Sign in' }).click();
        await page.getByRole('heading', { name: 'Welcome back' }).waitFor();
        await page.getByLabel('Email').fill(existing.email);
        await page.getByLabel('Password').fill(GOOD_PASSWORD);
        await page.getByRole('button', { name: 'Sign in' }).click();
        await page.getByLabel('Your pseudonym in this group').waitFor();
        expect(page.url()).toBe(`${t.url}/invite/${invite.code}`);
        await page.getByRole('heading', { name: 'You are invited to Morning Circle' }).waitFor();
        await context.close();

        const stranger = await newContext(browser, viewport, { locale: 'en-US' });
        await stranger.page.goto(`${t.url}/invite/no-such-code`);
        await stranger.page.getByRole('alert').getByText('This invitation does not work any more').waitFor();
        await expectAccessible(stranger.page);
        await stranger.context.close();
      });

      it('says what went wrong: the server’s own words, beside the field they are about, never "Validation failed"', async () => {
        const member = await activeMember(`Ivy${viewport.width}`);
        const entry = await t
          .request()
          .post('/api/journal/entries')
          .set('Authorization', member.auth)
          .send({ body: 'The fog lifted a little today.' })
          .expect(201);
        const { context, page } = await newContext(browser, viewport, { locale: 'en-US' });
        await signInThroughPage(page, t.url, member.email, GOOD_PASSWORD);
        await page.goto(`${t.url}/journal/entries/${entry.body.id}`);
        await page.getByLabel('Only the facilitators').check();
        await page.getByLabel('Only a passage (optional)').fill('words that were never written');
        await page.getByRole('button', { name: 'Share' }).click();
        const excerpt = page.getByRole('textbox', { name: 'Only a passage (optional)' });
        await page.locator('.field-error', { hasText: 'excerpt must be a passage of this entry' }).waitFor();
        expect(await excerpt.getAttribute('aria-invalid')).toBe('true');
        expect(await page.getByText('Validation failed').count()).toBe(0);
        await expectAccessible(page);

        await page.goto(`${t.url}/account`);
        await page.getByLabel('Current password').fill('not my password at all');
        await page.getByLabel('New password').fill('another long walk by the sea');
        await page.getByRole('button', { name: 'Change password' }).click();
        await page.locator('.field-error', { hasText: 'That password is incorrect.' }).waitFor();
        expect(await page.getByText('Validation failed').count()).toBe(0);
        await expectAccessible(page);
        await context.close();
      });

      it('days are her own: the mood chart’s day and the session form’s default date follow the browser’s time zone', async () => {
        const member = await activeMember(`Sage${viewport.width}`);
        await t
          .request()
          .post('/api/journal/mood')
          .set('Authorization', member.auth)
          .send({ mood: 3 })
          .expect(201);
        await t
          .request()
          .post('/api/journal/entries')
          .set('Authorization', member.auth)
          .send({ body: 'Evening pages.', mood: 7 })
          .expect(201);

        // West of UTC a day's bucket labelled from UTC midnight slides to the day before.
        const losAngeles = 'America/Los_Angeles';
        const west = await newContext(browser, viewport, { timezoneId: losAngeles, locale: 'en-US' });
        await signInThroughPage(west.page, t.url, member.email, GOOD_PASSWORD);
        await west.page.goto(`${t.url}/journal/mood`);
        await west.page.getByText('The numbers, day by day').click();
        const today = new Intl.DateTimeFormat('en-US', { timeZone: losAngeles, dateStyle: 'medium' }).format(
          new Date(),
        );
        const row = west.page.getByRole('row', { name: new RegExp(`^${today}`) });
        await row.waitFor();
        expect(await row.getByRole('cell').allTextContents()).toEqual(['5.0', '3', '7', '2']);
        expect(await west.page.getByRole('row').count()).toBe(2);
        await west.page.getByText('Mood on one day: 5.0 out of 10.').first().waitFor();
        await expectAccessible(west.page);
        await expectComfortable(west.page);
        await screenshots(west.page, 'members-mood');
        await west.context.close();

        const zone = zoneWhereTodayIsNotUtcToday();
        expect(todayIn(zone)).not.toBe(new Date().toISOString().slice(0, 10));
        const away = await newContext(browser, viewport, { timezoneId: zone, locale: 'en-US' });
        await signInThroughPage(away.page, t.url, member.email, GOOD_PASSWORD);
        await away.page.goto(`${t.url}/journal/sessions`);
        expect(await away.page.getByLabel('Date').inputValue()).toBe(todayIn(zone));
        await away.page.getByLabel('Kind').fill('ketamine-assisted therapy');
        await away.page.getByRole('button', { name: 'Add session' }).click();
        const [year, month, day] = todayIn(zone).split('-').map(Number);
        const shown = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' }).format(
          new Date(Date.UTC(year, month - 1, day, 12)),
        );
        await away.page.getByText(`${shown} · ketamine-assisted therapy`).waitFor();
        await expectAccessible(away.page);
        await away.context.close();
      });

      it('journal cards render Markdown safely: emphasis and quotes, no raw HTML, no script links', async () => {
        const member = await activeMember(`Lark${viewport.width}`);
        await t
          .request()
          .post('/api/journal/entries')
          .set('Authorization', member.auth)
          .send({
            title: 'After the session',
            body: '*Gently* held, **all** of it.\n\n> a line I keep\n\n<img src="x" alt="raw"> [a link](javascript:alert(1))',
          })
          .expect(201);
        const { context, page } = await newContext(browser, viewport, { locale: 'en-US' });
        await signInThroughPage(page, t.url, member.email, GOOD_PASSWORD);
        await page.goto(`${t.url}/journal`);
        const card = page.locator('.entry-card', { hasText: 'After the session' });
        await card.locator('em', { hasText: 'Gently' }).waitFor();
        await card.locator('strong', { hasText: 'all' }).waitFor();
        await card.locator('blockquote', { hasText: 'a line I keep' }).waitFor();
        const text = await card.innerText();
        expect(text).not.toContain('*');
        expect(text).not.toMatch(/^>/m);
        expect(await card.locator('img').count()).toBe(0);
        for (const href of await card
          .locator('a')
          .evaluateAll((links) => links.map((a) => (a as unknown as { href: string }).href))) {
          expect(href).not.toMatch(/^javascript:/i);
        }
        await expectAccessible(page);
        await expectComfortable(page);
        await screenshots(page, 'members-journal');
        await context.close();
      });
    });
  }
});
