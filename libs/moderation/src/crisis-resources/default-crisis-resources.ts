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

/** The same help, in Spanish, for someone who writes in Spanish (988 and the maternal hotline answer in Spanish). */
export const DEFAULT_CRISIS_RESOURCES_ES: CrisisResourceDto[] = [
  {
    name: 'Servicios de emergencia',
    description:
      'Si tú o tu bebé están en peligro ahora mismo, llama al número de emergencias de tu zona (911 en EE. UU.).',
    phone: '911',
  },
  {
    name: '988 Línea de Prevención del Suicidio y Crisis (en español)',
    description:
      'Gratis, confidencial, las 24 horas. Llama al 988 y marca 2, o envía AYUDA por texto al 988.',
    phone: '988',
    text: 'AYUDA al 988',
    url: 'https://988lifeline.org/es/',
  },
  {
    name: 'Postpartum Support International: línea en español',
    description:
      'Apoyo para madres, padres y familias durante el embarazo y después del parto. Marca 1 para español.',
    phone: '1-800-944-4773',
    text: '971-203-7773',
    url: 'https://www.postpartum.net/en-espanol/',
  },
  {
    name: 'Línea Nacional de Salud Mental Materna',
    description:
      'Para embarazadas y madres y padres recientes, 24/7, por llamada o texto, en español e inglés.',
    phone: '1-833-852-6262',
    text: '1-833-852-6262',
  },
];

const MESSAGES = {
  en: {
    crisis:
      'It sounds like things are really hard right now. You are not alone, and you deserve support. ' +
      'If you might act on these feelings, please reach out now to one of the lines below.',
    concern:
      'Thank you for telling us. What you are feeling sounds heavy, and you do not have to carry it alone: with ' +
      'support it can ease. The lines below are there to talk, any time, day or night. If it turns into a plan, ' +
      'or you feel you might act on it, please call one of them now.',
    intrusive:
      'Thank you for saying this. Frightening thoughts of harm coming to your baby are common after birth, and ' +
      'having them is not the same as acting on them: they are a sign of how much you care. You do not have to ' +
      'carry them alone. The Postpartum Support International line is there for exactly this. If you feel you ' +
      'might act on them, call one of the lines below now.',
  },
  es: {
    crisis:
      'Parece que ahora mismo las cosas están muy difíciles. No tienes que pasar por esto a solas, y mereces apoyo. ' +
      'Si crees que podrías actuar según lo que sientes, busca ayuda ahora en una de las líneas de abajo.',
    concern:
      'Gracias por contarlo. Lo que sientes suena muy pesado, y no tienes que cargarlo a solas: con apoyo puede ' +
      'aliviarse. Las líneas de abajo están para hablar, a cualquier hora, de día o de noche. Si se convierte en ' +
      'un plan, o sientes que podrías actuar, llama ahora a una de ellas.',
    intrusive:
      'Gracias por contarlo. Los pensamientos que asustan, de que algo malo le pase a tu bebé, son frecuentes ' +
      'después del parto, y tenerlos no es lo mismo que actuar: muestran cuánto te importa. No tienes que ' +
      'cargarlos a solas. La línea de Postpartum Support International está justo para esto. Si sientes que ' +
      'podrías actuar, llama ahora a una de las líneas de abajo.',
  },
} as const;

const TOLD = {
  en: {
    pending:
      'We are letting your group’s facilitators know. Until one of them answers, the lines below are there for you now.',
    told: 'A facilitator has been told.',
  },
  es: {
    pending:
      'Estamos avisando a quienes facilitan tu grupo. Hasta que alguien responda, las líneas de abajo están para ti ahora.',
    told: 'Ya avisamos a una persona facilitadora.',
  },
} as const;

/**
 * Whether a facilitator knows, said truthfully: `told` only once an alert reached someone (a live connection, or
 * a push or an email accepted by its service).
 */
export function toldMessage(language: 'en' | 'es', told: boolean): string {
  return TOLD[language][told ? 'told' : 'pending'];
}

/**
 * What the person who wrote words of crisis reads first, in her language: for an urgent finding, to reach out
 * now; for a concern (a passive wish, a burden, hopelessness), a gentler word that the lines are there to talk;
 * for a frightening thought of harm to her baby, that such thoughts are common and are not acts.
 */
export function resourcesMessage(
  language: 'en' | 'es',
  tier: 'urgent' | 'concern',
  intrusive: boolean,
): string {
  return MESSAGES[language][intrusive ? 'intrusive' : tier === 'concern' ? 'concern' : 'crisis'];
}
