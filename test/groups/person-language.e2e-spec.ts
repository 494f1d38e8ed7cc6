import { createTestApp, type TestApp } from '../support/app.js';
import { createInvite } from '../support/groups.js';
import { registerUser, type TestUser } from '../support/users.js';

/**
 * What the server writes for a person comes in her language: the request's `Accept-Language` (the web client sends
 * the language it speaks to her, her account's choice or else her browser's), English when it names none Hearth
 * speaks.
 */
describe('Text written in the person’s language', () => {
  let t: TestApp;
  let admin: TestUser;
  let mia: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await registerUser(t, { displayName: 'Admin' });
    mia = await registerUser(t, { displayName: 'Mia' });
  });

  afterAll(async () => {
    await t.close();
  });

  const createGroup = async (name: string, acceptLanguage?: string) => {
    const request = t.request().post('/api/groups').set('Authorization', admin.auth);
    if (acceptLanguage) request.set('Accept-Language', acceptLanguage);
    const created = await request.send({ name, kind: 'circle', timezone: 'America/Mexico_City' }).expect(201);
    const agreement = await t
      .request()
      .get(`/api/groups/${created.body.id}/agreement`)
      .set('Authorization', admin.auth)
      .expect(200);
    return { id: created.body.id as string, text: agreement.body.text as string };
  };

  describe('A new group’s agreement - POST /api/groups', () => {
    it('is written in Spanish for a creator who uses Hearth in Spanish, and its invitation summarises it so', async () => {
      const group = await createGroup('Círculo de los martes', 'es-MX,es;q=0.9,en;q=0.8');
      expect(group.text).toMatch(/^# Nuestro acuerdo de grupo/);
      expect(group.text).toContain('## Confidencialidad');
      expect(group.text).toContain('988');
      expect(group.text).not.toContain('What is shared here stays here');

      const invite = await createInvite(t, admin, group.id);
      const preview = await t.request().get(`/api/invites/${invite.code}/preview`).expect(200);
      expect(preview.body.agreementTopics).toEqual([
        'Confidencialidad',
        'Respeto',
        'Cuidarnos',
        'Si estás en crisis',
        'Facilitación',
      ]);
    });

    it.each([
      ['English', 'en-US,en;q=0.9'],
      ['a language Hearth does not speak', 'fr-FR,fr;q=0.9'],
      ['no language', undefined],
    ])('is written in English for a creator whose request names %s', async (_, header) => {
      const group = await createGroup('Tuesday circle', header);
      expect(group.text).toMatch(/^# Our group agreement/);
      expect(group.text).toContain('## Confidentiality');
    });
  });

  describe('After-session prompts - GET /api/journal/prompts/due', () => {
    it('come in the language of the request, the same prompts by id', async () => {
      const date = new Date(t.clock.now().getTime() - 3 * 86_400_000).toISOString().slice(0, 10);
      await t
        .request()
        .post('/api/journal/sessions')
        .set('Authorization', mia.auth)
        .send({ date, kind: 'Sesión 2' })
        .expect(201);
      const due = async (header?: string) => {
        const request = t.request().get('/api/journal/prompts/due').set('Authorization', mia.auth);
        if (header) request.set('Accept-Language', header);
        return (await request.expect(200)).body as { id: string; text: string }[];
      };
      const spanish = await due('es');
      const english = await due('en-GB');
      expect(spanish.map((p) => p.id)).toEqual(english.map((p) => p.id));
      const body1 = (prompts: { id: string; text: string }[]) =>
        prompts.find((p) => p.id === 'lib:body-1')!.text;
      expect(body1(spanish)).toBe('¿En qué parte de tu cuerpo notas hoy la sesión? Descríbelo sin juzgarlo.');
      expect(body1(english)).toBe(
        'Where in your body do you notice the session today? Describe it without judging it.',
      );
      expect(body1(await due())).toBe(body1(english));

      const today = await t
        .request()
        .get('/api/journal/prompts/today')
        .set('Authorization', mia.auth)
        .set('Accept-Language', 'es')
        .expect(200);
      const library = await t
        .request()
        .get('/api/journal/prompts')
        .set('Authorization', mia.auth)
        .set('Accept-Language', 'es')
        .expect(200);
      expect(library.body.find((p: { id: string }) => p.id === today.body.id).text).toBe(today.body.text);
      expect(library.body.find((p: { id: string }) => p.id === 'lib:self-compassion-5').text).toBe(
        '¿Cómo puedes descansar hoy, aunque sea diez minutos?',
      );
    });
  });
});
