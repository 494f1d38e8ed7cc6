import { assessCrisis } from './assess.js';

/** Sentences that must reach a facilitator. Written for this test; none is from a real person. */
const POSITIVE: [string, string][] = [
  ['I want to die', 'suicide'],
  ['honestly i just wanna die', 'suicide'],
  ['I want to d i e', 'suicide'],
  ['i want to diiie', 'suicide'],
  ['Some nights I think about killing myself', 'suicide'],
  ['I have been thinking about suicide again', 'suicide'],
  ['I feel suicidal since the session', 'suicide'],
  ['I don’t want to live anymore', 'suicide'],
  ["I'm not sure I want to live", 'suicide'],
  ['Everyone would be better off without me', 'suicide'],
  ['There is no reason to live', 'suicide'],
  ['I just want to end it all', 'suicide'],
  ['I cant go on like this', 'suicide'],
  ['I wish I was dead', 'suicide'],
  ['Thinking of taking an overdose tonight', 'suicide'],
  ['I want to k1ll mys3lf', 'suicide'],
  ['I would never say it out loud but I want to die', 'suicide'],
  ['I want to hurt myself', 'self_harm'],
  ['I started cutting myself again', 'self_harm'],
  ['the urge to self-harm is back', 'self_harm'],
  ['I am scared I will hurt my baby', 'harm_to_baby'],
  ['Sometimes I feel like I could shake the baby', 'harm_to_baby'],
  ['I had thoughts of hurting my baby', 'harm_to_baby'],
  ['my baby would be better off without me', 'suicide'],
  ['I am afraid I will harm my baby when she cries', 'harm_to_baby'],
  ['I feel like I could hurt someone', 'harm_to_others'],
  ["I'd never kill myself but sometimes I wish I were dead", 'suicide'],
  ['No one would care if I killed myself', 'suicide'],
  // A negation that says something will not stop is no denial.
  ["I can't stop thinking about killing myself", 'suicide'],
  ['since the integration session i cant stop thinking about suicide', 'suicide'],
  ['no puedo dejar de pensar en matarme', 'suicide'],
  ["i can't help thinking everyone would be better off without me", 'suicide'],
];

/** Sentences that must not raise an alarm. */
const NEGATIVE: string[] = [
  "I'm not going to hurt myself, I promise",
  'I would never hurt my baby',
  'I do not want to die, I want to feel better',
  "I don't want to die",
  'I am not suicidal, just tired',
  "I'm no longer suicidal and the meds help",
  'I will never hurt myself again',
  'This traffic is killing me',
  "I'm dying to see you all next week",
  'I could just die of embarrassment',
  'The session felt like a little death and rebirth',
  'We talked about the suicide prevention line in group',
  'I saved the suicide hotline number just in case',
  'My baby smiled at me today',
  'I hurt my back carrying the stroller',
  'I cut my hair short',
  'I feel like I am finally living',
  'the deadline is killing my mood',
  'she is a killer at trivia night',
  'I felt numb but safe',
  'I took my baby to the doctor',
  'I want to learn to be kind to myself',
  'I overdid it at the gym',
  'I want to live fully',
];

describe('assessCrisis', () => {
  it.each(POSITIVE)('finds %j (%s)', (sentence, category) => {
    expect(assessCrisis(sentence)?.category).toBe(category);
  });

  it.each(NEGATIVE)('leaves %j alone', (sentence) => {
    expect(assessCrisis(sentence)).toBeNull();
  });

  it.each([
    ['I have pills saved and I am going to take them all tonight', 'urgent', 'suicide'],
    ['tengo las pastillas guardadas y esta noche me las tomo todas', 'urgent', 'suicide'],
    ['honestly everyone would be better off without me', 'concern', 'suicide'],
    ['ojala no despertar mañana', 'concern', 'suicide'],
    ['cut myself again last night', 'urgent', 'self_harm'],
    ['she is not my baby, they switched her and god wants her back', 'urgent', 'harm_to_baby'],
  ])('reads %j as %s (%s)', (sentence, tier, category) => {
    expect(assessCrisis(sentence)).toMatchObject({ tier, category });
  });

  it.each([
    'i keep picturing dropping the baby down the stairs and it terrifies me',
    // The baby named only by her care, and a need to say it that is no intent (a walk-through in Chromium).
    'I need to say this somewhere. When I was bathing her yesterday a picture flashed in my head of letting her slip under the water. I would never, it made me feel sick and I held her so tight after. Why does my brain do this?',
    'while i was feeding him last night i pictured smothering him and i felt sick, i would never',
    'mientras la bañaba me vino la imagen de soltarla en el agua, me dio asco de mí misma, nunca lo haría',
  ])('gives intrusive thoughts the writer fears their own reading: %j', (sentence) => {
    expect(assessCrisis(sentence)).toMatchObject({
      category: 'harm_to_baby',
      tier: 'concern',
      intrusive: true,
    });
  });

  it.each(['i need to tell you all goodbye', 'i have to write my note tonight'])(
    'still reads a goodbye or a note someone needs to write as one: %j',
    (sentence) => {
      expect(assessCrisis(sentence)).toMatchObject({ tier: 'urgent', category: 'suicide' });
    },
  );

  it('still reads a plan as a plan after "I need to tell you"', () => {
    expect(assessCrisis('i need to tell you all, tonight i am going to take all the pills')).toMatchObject({
      tier: 'urgent',
      category: 'suicide',
    });
  });

  it.each([
    ['ya no quiero vivir, estoy cansada de existir', 'es'],
    ['i dont want to be here anymore', 'en'],
  ])('tells the language of %j', (sentence, language) => {
    expect(assessCrisis(sentence)?.language).toBe(language);
  });

  it('sets aside a screening question answered no, a film, and a past that is over', () => {
    expect(assessCrisis('the nurse asked if i had thoughts of hurting myself, i said no')).toBeNull();
    expect(assessCrisis('watched a documentary about a suicide attempt survivor, so moving')).toBeNull();
    expect(assessCrisis('three years ago i wanted to die. today i am grateful and well')).toBeNull();
  });

  it('lets the model overrule the grammar only where the grammar read a doubtful context', () => {
    // Someone else's past, told as over: the grammar finds harm to a baby beside a doubtful context.
    expect(
      assessCrisis('my friend from the maternity ward heard voices about her baby, she is doing well now'),
    ).toBeNull();
    expect(
      assessCrisis("my sister told me she's been cutting, we got her into therapy and she's doing great"),
    ).toBeNull();
    // A plain finding stands, however the model weighs the rest ("session" is everyday integration talk).
    expect(assessCrisis('I feel suicidal since the session')).toMatchObject({ category: 'suicide' });
    expect(
      assessCrisis("my facilitator asked and yes, I've been thinking about killing myself"),
    ).toMatchObject({ category: 'suicide' });
  });

  it('reads no crisis into numbers, times and codes after an ordinary message', () => {
    // The benchmark's own message, with its sender's key, step, number and time stamp: the model once took 6.5 %
    // of such messages for crises, their letters and digits read as pieces of words ("22119a5e" as "22ii9ase"),
    // and a later one 1 in 1,000 for the pieces of a four-digit number.
    const ordinary = [
      'Thinking about what came up on Tuesday, and what I want to bring next time.',
      'see you all thursday, the zoom link is the same as last week',
      'booked my next session, the confirmation number is',
    ];
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const code = () =>
      Math.floor(random() * 0xffffffff)
        .toString(16)
        .padStart(8, '0');
    const alarms = [];
    for (const sentence of ordinary)
      for (let i = 0; i < 2000; i++) {
        const text = `${sentence} ${code()}-${i % 25}-${i % 3}|${1 + (i % 5)}|${i}|${Math.round(1.7963e15 + random() * 1e9)}`;
        if (assessCrisis(text)) alarms.push(text);
      }
    expect(alarms).toEqual([]);
  });

  it('still reads a time or a dose written with its unit', () => {
    expect(assessCrisis('took all 30 of them at 1am, 50mg each')).toMatchObject({ tier: 'urgent' });
  });

  it('never throws, whatever the text', () => {
    const texts = ['', ' ', '!!!', '\u0000', 'a'.repeat(10_000), '🙂'.repeat(500), 'no no no no'];
    // Words that are also the names of an object's own properties.
    texts.push('my constructor and __proto__ and toString are fine', 'hasOwnProperty valueOf');
    for (const text of texts) {
      expect(() => assessCrisis(text)).not.toThrow();
    }
  });
});
