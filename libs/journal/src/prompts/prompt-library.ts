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
  text: string;
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
    text: 'Where in your body do you notice the session today? Describe it without judging it.',
    daysAfterSession: 0,
  },
  {
    id: 'body-2',
    category: 'body',
    text: 'What did your body ask of you this week, and how did you answer?',
  },
  {
    id: 'body-3',
    category: 'body',
    text: 'Describe a moment today when you felt at home in your body, even briefly.',
  },
  {
    id: 'body-4',
    category: 'body',
    text: 'How have you been sleeping and eating since your last session? What helps?',
    daysAfterSession: 3,
  },
  { id: 'body-5', category: 'body', text: 'If your tiredness could speak, what would it say?' },
  {
    id: 'emotions-1',
    category: 'emotions',
    text: 'Which feeling from the session is still with you? What does it want you to know?',
    daysAfterSession: 0,
  },
  { id: 'emotions-2', category: 'emotions', text: 'Name three feelings you had today, however small.' },
  {
    id: 'emotions-3',
    category: 'emotions',
    text: 'What is a feeling you tend to push away? What happens when you let it stay for a minute?',
  },
  {
    id: 'emotions-4',
    category: 'emotions',
    text: 'When did you last cry or laugh without holding back? What was it about?',
  },
  {
    id: 'emotions-5',
    category: 'emotions',
    text: 'What felt heavy this week, and what felt lighter than you expected?',
    daysAfterSession: 7,
  },
  {
    id: 'relationships-1',
    category: 'relationships',
    text: 'Who did you think of during or after the session? What would you like to tell them?',
    daysAfterSession: 3,
  },
  {
    id: 'relationships-2',
    category: 'relationships',
    text: 'Describe a moment of connection you had this week.',
  },
  {
    id: 'relationships-3',
    category: 'relationships',
    text: 'What support do you need right now, and who could you ask for it?',
  },
  {
    id: 'relationships-4',
    category: 'relationships',
    text: 'Is there a boundary you want to set or soften? What would it look like in practice?',
  },
  {
    id: 'relationships-5',
    category: 'relationships',
    text: 'What did someone do recently that made you feel seen?',
  },
  {
    id: 'meaning-1',
    category: 'meaning',
    text: 'What image, word or memory from the session keeps coming back? What might it mean to you?',
    daysAfterSession: 1,
  },
  {
    id: 'meaning-2',
    category: 'meaning',
    text: 'What insight from the session do you want to carry into ordinary days?',
    daysAfterSession: 7,
  },
  {
    id: 'meaning-3',
    category: 'meaning',
    text: 'What is one small change you could try this week that honours what you learned?',
  },
  {
    id: 'meaning-4',
    category: 'meaning',
    text: 'What does healing look like for you right now, not someday?',
  },
  {
    id: 'meaning-5',
    category: 'meaning',
    text: 'What are you grateful for today? What are you still angry about? Both can be true.',
  },
  {
    id: 'parenting-1',
    category: 'parenting',
    text: 'Describe a moment with your baby today, exactly as it happened.',
  },
  {
    id: 'parenting-2',
    category: 'parenting',
    text: 'What kind of parent are you learning to be, in your own words?',
  },
  {
    id: 'parenting-3',
    category: 'parenting',
    text: 'What expectation about parenthood could you set down, even for a day?',
  },
  {
    id: 'parenting-4',
    category: 'parenting',
    text: 'When do you feel most yourself as a parent? When do you feel least yourself?',
  },
  {
    id: 'parenting-5',
    category: 'parenting',
    text: 'What would you want to say to yourself on the hardest night since the birth?',
  },
  {
    id: 'parenting-6',
    category: 'parenting',
    text: 'Who looks after you while you look after your baby? Who else could?',
  },
  {
    id: 'self-compassion-1',
    category: 'self-compassion',
    text: 'Write to yourself as you would to a dear friend who is going through what you are.',
  },
  {
    id: 'self-compassion-2',
    category: 'self-compassion',
    text: 'What did you do well today, however small?',
  },
  {
    id: 'self-compassion-3',
    category: 'self-compassion',
    text: 'Which inner critic was loud this week? What would a kinder voice answer?',
    daysAfterSession: 3,
  },
  {
    id: 'self-compassion-4',
    category: 'self-compassion',
    text: 'What do you need to forgive yourself for, and what would make that possible?',
  },
  {
    id: 'self-compassion-5',
    category: 'self-compassion',
    text: 'How can you rest today, even for ten minutes?',
  },
  {
    id: 'self-compassion-6',
    category: 'self-compassion',
    text: 'What has changed in you since you began these sessions?',
    daysAfterSession: 7,
  },
];
