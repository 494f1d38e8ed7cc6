import type { QuestionnaireHistoryDto } from '@hearth/contracts';

import { i18next } from '../../i18n';

export type Language = 'en' | 'es';

/** The language the app speaks now: the person's choice in her account, else the browser's. */
export function browserLanguage(): Language {
  return i18next.resolvedLanguage === 'es' ? 'es' : 'en';
}

/** The words around a questionnaire while she takes it, in the language she answers in. */
export const TAKING = {
  en: {
    back: '← Questionnaires',
    language: 'Language',
    answered: (done: number, total: number) => `${done} of ${total} answered`,
    progress: 'Progress',
    submit: 'Submit',
    submitHint: 'Submit becomes available once every question has an answer.',
    sending: 'Sending…',
    forGroup: (name: string) => `${name} asks its members to fill this in.`,
    scoreTitle: 'Your score',
    score: (score: number, max: number) => `${score} of ${max}`,
    notDiagnosis: 'A score is not a diagnosis. It is a way to notice how things change over time.',
    course: 'See your course',
    again: 'Take it again',
    unavailable: 'This questionnaire is not offered.',
  },
  es: {
    back: '← Cuestionarios',
    language: 'Idioma',
    answered: (done: number, total: number) => `${done} de ${total} respondidas`,
    progress: 'Progreso',
    submit: 'Enviar',
    submitHint: 'Podrás enviar cuando todas las preguntas tengan respuesta.',
    sending: 'Enviando…',
    forGroup: (name: string) => `${name} pide a sus miembros que lo completen.`,
    scoreTitle: 'Tu puntuación',
    score: (score: number, max: number) => `${score} de ${max}`,
    notDiagnosis:
      'Una puntuación no es un diagnóstico. Sirve para notar cómo cambian las cosas con el tiempo.',
    course: 'Ver tu evolución',
    again: 'Responder de nuevo',
    unavailable: 'Este cuestionario no está disponible.',
  },
};

/** The safety screen: calm, it offers, and it says plainly who knows. */
export const SAFETY = {
  en: {
    title: 'You don’t have to hold this alone',
    body: 'One of your answers says that thoughts of being better off dead, or of hurting yourself, have been there lately. That is heavy to carry. If you might act on them, or you are in danger now, please reach out: these lines are there day and night.',
    plan: 'Your safety plan',
    openPlan: 'Open your safety plan',
    makePlan: 'Make my safety plan',
    invitation:
      'A safety plan is a short list of your warning signs, what helps, and who to call. It stays private.',
    told: (names: string) =>
      `The facilitators of ${names} have been told about this answer, so that one of them can check in with you. Their alert names this one answer, none of your others.`,
    toldGroup: 'your group',
    notTold:
      'Hearth has not told anyone. Nothing leaves your journal unless you choose. If you would like someone from your group to check in with you, you can let your facilitator know.',
    tellTitle: 'Let my facilitator know',
    tellWhich: 'Whose facilitators should know?',
    tell: 'Let my facilitator know',
    nobody: 'Hearth has not told anyone. Nothing leaves your journal unless you choose.',
    noResources: 'If you are in danger, call your local emergency number.',
  },
  es: {
    title: 'No tienes que cargar con esto a solas',
    body: 'Una de tus respuestas dice que últimamente has tenido pensamientos de que estarías mejor muerta o de hacerte daño. Es mucho para cargar. Si pudieras actuar según ellos, o estás en peligro ahora, por favor busca ayuda: estas líneas están ahí de día y de noche.',
    plan: 'Tu plan de seguridad',
    openPlan: 'Abrir tu plan de seguridad',
    makePlan: 'Hacer mi plan de seguridad',
    invitation:
      'Un plan de seguridad es una lista corta de tus señales de alerta, lo que te ayuda y a quién llamar. Es privado.',
    told: (names: string) =>
      `Las facilitadoras de ${names} ya saben de esta respuesta, para que una de ellas pueda hablar contigo. Su aviso menciona solo esta respuesta, ninguna de las demás.`,
    toldGroup: 'tu grupo',
    notTold:
      'Hearth no se lo ha contado a nadie. Nada sale de tu diario a menos que tú lo decidas. Si quieres que alguien de tu grupo hable contigo, puedes avisar a tu facilitadora.',
    tellTitle: 'Avisar a mi facilitadora',
    tellWhich: '¿Qué facilitadoras deben saberlo?',
    tell: 'Avisar a mi facilitadora',
    nobody: 'Hearth no se lo ha contado a nadie. Nada sale de tu diario a menos que tú lo decidas.',
    noResources: 'Si estás en peligro, llama al número de emergencias de tu país.',
  },
};

const short = (name: string) => name.split(':')[0].trim();

/** Her change since the first score, in words; never a diagnosis, only what clinicians call such a change. */
export function changeInWords(history: QuestionnaireHistoryDto): string {
  const name = short(history.name);
  if (history.points.length < 2) return `Your first ${name}. Take it again later to see how things change.`;
  const points = (n: number) => `${n} point${n === 1 ? '' : 's'}`;
  const parts: string[] = [];
  if (history.change < 0) {
    parts.push(`Down ${points(-history.change)} since your first ${name}`);
    if (history.response) parts[0] += ' — a drop of half or more, which clinicians call a response';
  } else if (history.change > 0) {
    parts.push(`Up ${points(history.change)} since your first ${name}`);
  } else {
    parts.push(`The same score as your first ${name}`);
  }
  if (history.remission && history.first !== history.latest)
    parts.push('Your latest score is in the range clinicians call remission');
  return `${parts.join('. ')}.`;
}

export const EVERY = [7, 14, 28, 56] as const;

export function everyInWords(days: number): string {
  if (days % 7 === 0) {
    const weeks = days / 7;
    return weeks === 1 ? 'every week' : `every ${weeks} weeks`;
  }
  return `every ${days} days`;
}
