import type { CrisisResourceDto } from '@hearth/contracts';

/**
 * The help shown, privately, to someone who writes words of crisis, when neither the instance nor the group has
 * set its own. United States defaults; admins set an instance's country and resources.
 */
export const DEFAULT_CRISIS_COUNTRY = 'US';

export const DEFAULT_CRISIS_RESOURCES: CrisisResourceDto[] = [
  {
    name: 'Emergency services',
    description:
      'If you or your baby are in danger right now, call your local emergency number (911 in the US).',
    phone: '911',
  },
  {
    name: '988 Suicide & Crisis Lifeline',
    description: 'Free, confidential support, 24/7, by call, text or chat.',
    phone: '988',
    text: '988',
    url: 'https://988lifeline.org',
  },
  {
    name: 'Postpartum Support International HelpLine',
    description: 'Support for parents during pregnancy and after birth, and for their families.',
    phone: '1-800-944-4773',
    url: 'https://www.postpartum.net',
  },
  {
    name: 'National Maternal Mental Health Hotline',
    description: 'For pregnant and new parents, 24/7, by call or text, in English and Spanish.',
    phone: '1-833-852-6262',
    text: '1-833-852-6262',
  },
];

export const RESOURCES_MESSAGE =
  'It sounds like things are really hard right now. You are not alone, and you deserve support. ' +
  'A facilitator has been told. If you might act on these feelings, please reach out now:';
