import type { SpokenLanguage } from '@hearth/core';

/**
 * Integration prompts, written for Hearth. Each has a stable id (entries record which prompt they answer) and a
 * category; some are suggested a set number of days after a therapy session.
 */
export const PROMPT_CATEGORIES = [
  'body',
  'emotions',
  'relationships',
  'meaning',
  'parenting',
  'self-compassion',
] as const;
export type PromptCategory = (typeof PROMPT_CATEGORIES)[number];

export interface Prompt {
  id: string;
  category: PromptCategory;
  /** In each language Hearth speaks; the person's (her request's) is shown. */
  text: Record<SpokenLanguage, string>;
  /**
   * Suggested this many days after a session, from that day on (for two weeks). 0 is the session's own day: the
   * first prompts are offered the day she records it, while it is fresh.
   */
  daysAfterSession?: number;
}

export const PROMPT_LIBRARY: Prompt[] = [
  {
    id: 'body-1',
    category: 'body',
    text: {
      en: 'Where in your body do you notice the session today? Describe it without judging it.',
      es: '¿En qué parte de tu cuerpo notas hoy la sesión? Descríbelo sin juzgarlo.',
    },
    daysAfterSession: 0,
  },
  {
    id: 'body-2',
    category: 'body',
    text: {
      en: 'What did your body ask of you this week, and how did you answer?',
      es: '¿Qué te pidió tu cuerpo esta semana, y cómo le respondiste?',
    },
  },
  {
    id: 'body-3',
    category: 'body',
    text: {
      en: 'Describe a moment today when you felt at home in your body, even briefly.',
      es: 'Describe un momento de hoy en que te sentiste en casa dentro de tu cuerpo, aunque fuera un instante.',
    },
  },
  {
    id: 'body-4',
    category: 'body',
    text: {
      en: 'How have you been sleeping and eating since your last session? What helps?',
      es: '¿Cómo has dormido y comido desde tu última sesión? ¿Qué te ayuda?',
    },
    daysAfterSession: 3,
  },
  {
    id: 'body-5',
    category: 'body',
    text: {
      en: 'If your tiredness could speak, what would it say?',
      es: 'Si tu cansancio pudiera hablar, ¿qué diría?',
    },
  },
  {
    id: 'emotions-1',
    category: 'emotions',
    text: {
      en: 'Which feeling from the session is still with you? What does it want you to know?',
      es: '¿Qué sentimiento de la sesión sigue contigo? ¿Qué quiere que sepas?',
    },
    daysAfterSession: 0,
  },
  {
    id: 'emotions-2',
    category: 'emotions',
    text: {
      en: 'Name three feelings you had today, however small.',
      es: 'Nombra tres cosas que sentiste hoy, por pequeñas que sean.',
    },
  },
  {
    id: 'emotions-3',
    category: 'emotions',
    text: {
      en: 'What is a feeling you tend to push away? What happens when you let it stay for a minute?',
      es: '¿Qué sentimiento sueles apartar? ¿Qué pasa si lo dejas quedarse un minuto?',
    },
  },
  {
    id: 'emotions-4',
    category: 'emotions',
    text: {
      en: 'When did you last cry or laugh without holding back? What was it about?',
      es: '¿Cuándo fue la última vez que lloraste o reíste sin contenerte? ¿De qué se trataba?',
    },
  },
  {
    id: 'emotions-5',
    category: 'emotions',
    text: {
      en: 'What felt heavy this week, and what felt lighter than you expected?',
      es: '¿Qué se sintió pesado esta semana, y qué resultó más ligero de lo que esperabas?',
    },
    daysAfterSession: 7,
  },
  {
    id: 'relationships-1',
    category: 'relationships',
    text: {
      en: 'Who did you think of during or after the session? What would you like to tell them?',
      es: '¿En quién pensaste durante la sesión o después? ¿Qué te gustaría decirle?',
    },
    daysAfterSession: 3,
  },
  {
    id: 'relationships-2',
    category: 'relationships',
    text: {
      en: 'Describe a moment of connection you had this week.',
      es: 'Describe un momento de conexión que tuviste esta semana.',
    },
  },
  {
    id: 'relationships-3',
    category: 'relationships',
    text: {
      en: 'What support do you need right now, and who could you ask for it?',
      es: '¿Qué apoyo necesitas ahora mismo, y a quién podrías pedírselo?',
    },
  },
  {
    id: 'relationships-4',
    category: 'relationships',
    text: {
      en: 'Is there a boundary you want to set or soften? What would it look like in practice?',
      es: '¿Hay algún límite que quieras poner o suavizar? ¿Cómo se vería en la práctica?',
    },
  },
  {
    id: 'relationships-5',
    category: 'relationships',
    text: {
      en: 'What did someone do recently that made you feel seen?',
      es: '¿Qué hizo alguien hace poco que te hizo sentir vista o visto?',
    },
  },
  {
    id: 'meaning-1',
    category: 'meaning',
    text: {
      en: 'What image, word or memory from the session keeps coming back? What might it mean to you?',
      es: '¿Qué imagen, palabra o recuerdo de la sesión sigue volviendo? ¿Qué podría significar para ti?',
    },
    daysAfterSession: 1,
  },
  {
    id: 'meaning-2',
    category: 'meaning',
    text: {
      en: 'What insight from the session do you want to carry into ordinary days?',
      es: '¿Qué aprendizaje de la sesión quieres llevar a tus días de siempre?',
    },
    daysAfterSession: 7,
  },
  {
    id: 'meaning-3',
    category: 'meaning',
    text: {
      en: 'What is one small change you could try this week that honours what you learned?',
      es: '¿Qué pequeño cambio podrías probar esta semana para honrar lo que aprendiste?',
    },
  },
  {
    id: 'meaning-4',
    category: 'meaning',
    text: {
      en: 'What does healing look like for you right now, not someday?',
      es: '¿Cómo se ve sanar para ti ahora mismo, no algún día?',
    },
  },
  {
    id: 'meaning-5',
    category: 'meaning',
    text: {
      en: 'What are you grateful for today? What are you still angry about? Both can be true.',
      es: '¿Qué agradeces hoy? ¿Qué todavía te enoja? Las dos cosas pueden ser verdad.',
    },
  },
  {
    id: 'parenting-1',
    category: 'parenting',
    text: {
      en: 'Describe a moment with your baby today, exactly as it happened.',
      es: 'Describe un momento de hoy con tu bebé, tal como sucedió.',
    },
  },
  {
    id: 'parenting-2',
    category: 'parenting',
    text: {
      en: 'What kind of parent are you learning to be, in your own words?',
      es: '¿Qué tipo de madre o padre estás aprendiendo a ser, con tus propias palabras?',
    },
  },
  {
    id: 'parenting-3',
    category: 'parenting',
    text: {
      en: 'What expectation about parenthood could you set down, even for a day?',
      es: '¿Qué expectativa sobre la crianza podrías soltar, aunque sea por un día?',
    },
  },
  {
    id: 'parenting-4',
    category: 'parenting',
    text: {
      en: 'When do you feel most yourself as a parent? When do you feel least yourself?',
      es: '¿Cuándo te sientes más tú en tu maternidad o paternidad? ¿Cuándo te sientes menos tú?',
    },
  },
  {
    id: 'parenting-5',
    category: 'parenting',
    text: {
      en: 'What would you want to say to yourself on the hardest night since the birth?',
      es: '¿Qué te gustaría decirte a ti misma o a ti mismo en la noche más difícil desde el nacimiento?',
    },
  },
  {
    id: 'parenting-6',
    category: 'parenting',
    text: {
      en: 'Who looks after you while you look after your baby? Who else could?',
      es: '¿Quién te cuida mientras tú cuidas a tu bebé? ¿Quién más podría hacerlo?',
    },
  },
  {
    id: 'self-compassion-1',
    category: 'self-compassion',
    text: {
      en: 'Write to yourself as you would to a dear friend who is going through what you are.',
      es: 'Escríbete como le escribirías a una amiga o un amigo querido que está pasando por lo mismo que tú.',
    },
  },
  {
    id: 'self-compassion-2',
    category: 'self-compassion',
    text: {
      en: 'What did you do well today, however small?',
      es: '¿Qué hiciste bien hoy, por pequeño que sea?',
    },
  },
  {
    id: 'self-compassion-3',
    category: 'self-compassion',
    text: {
      en: 'Which inner critic was loud this week? What would a kinder voice answer?',
      es: '¿Qué crítica interna habló fuerte esta semana? ¿Qué le respondería una voz más amable?',
    },
    daysAfterSession: 3,
  },
  {
    id: 'self-compassion-4',
    category: 'self-compassion',
    text: {
      en: 'What do you need to forgive yourself for, and what would make that possible?',
      es: '¿Qué necesitas perdonarte, y qué lo haría posible?',
    },
  },
  {
    id: 'self-compassion-5',
    category: 'self-compassion',
    text: {
      en: 'How can you rest today, even for ten minutes?',
      es: '¿Cómo puedes descansar hoy, aunque sea diez minutos?',
    },
  },
  {
    id: 'self-compassion-6',
    category: 'self-compassion',
    text: {
      en: 'What has changed in you since you began these sessions?',
      es: '¿Qué ha cambiado en ti desde que empezaste estas sesiones?',
    },
    daysAfterSession: 7,
  },
];
