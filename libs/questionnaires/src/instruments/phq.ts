import type { Band, Instrument } from './instrument.js';

/** The four answers of the PHQ family, scored 0 to 3. */
export const FREQUENCY = {
  en: ['Not at all', 'Several days', 'More than half the days', 'Nearly every day'],
  es: ['Ningún día', 'Varios días', 'Más de la mitad de los días', 'Casi todos los días'],
};

export const PHQ_ATTRIBUTION = {
  en:
    'Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues, with an educational ' +
    'grant from Pfizer Inc. No permission required to reproduce, translate, display or distribute.',
  es:
    'Desarrollado por los Dres. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke y colegas, con una subvención ' +
    'educativa de Pfizer Inc. No se requiere permiso para reproducir, traducir, mostrar o distribuir.',
};

const TALK = {
  en: 'This is not a diagnosis. ',
  es: 'Esto no es un diagnóstico. ',
};

function band(
  id: string,
  min: number,
  max: number,
  label: [string, string],
  suggests: [string, string],
): Band {
  return {
    id,
    min,
    max,
    label: { en: label[0], es: label[1] },
    suggests: { en: TALK.en + suggests[0], es: TALK.es + suggests[1] },
  };
}

const PHQ9_ITEMS = {
  en: [
    'Little interest or pleasure in doing things',
    'Feeling down, depressed, or hopeless',
    'Trouble falling or staying asleep, or sleeping too much',
    'Feeling tired or having little energy',
    'Poor appetite or overeating',
    'Feeling bad about yourself — or that you are a failure or have let yourself or your family down',
    'Trouble concentrating on things, such as reading the newspaper or watching television',
    'Moving or speaking so slowly that other people could have noticed? Or the opposite — being so fidgety ' +
      'or restless that you have been moving around a lot more than usual',
    'Thoughts that you would be better off dead or of hurting yourself in some way',
  ],
  es: [
    'Poco interés o placer en hacer cosas',
    'Se ha sentido decaído(a), deprimido(a) o sin esperanzas',
    'Ha tenido dificultad para quedarse o permanecer dormido(a), o ha dormido demasiado',
    'Se ha sentido cansado(a) o con poca energía',
    'Sin apetito o ha comido en exceso',
    'Se ha sentido mal con usted mismo(a) — o que es un fracaso o que ha quedado mal con usted mismo(a) o con ' +
      'su familia',
    'Ha tenido dificultad para concentrarse en ciertas actividades, tales como leer el periódico o ver la ' +
      'televisión',
    '¿Se ha movido o hablado tan lento que otras personas podrían haberlo notado? O lo contrario — muy ' +
      'inquieto(a) o agitado(a) que ha estado moviéndose mucho más de lo normal',
    'Pensamientos de que estaría mejor muerto(a) o de lastimarse de alguna manera',
  ],
};

export const PHQ9: Instrument = {
  id: 'phq9',
  name: 'PHQ-9',
  loinc: {
    panel: '44249-1',
    total: '44261-6',
    items: [
      '44250-9',
      '44255-8',
      '44259-0',
      '44254-1',
      '44251-7',
      '44258-2',
      '44252-5',
      '44253-3',
      '44260-8',
    ],
  },
  scoring: PHQ9_ITEMS.en.map(() => [0, 1, 2, 3]),
  maxScore: 27,
  bands: [
    band(
      'minimal',
      0,
      4,
      ['Minimal', 'Mínima'],
      ['Few signs of depression right now.', 'Pocas señales de depresión en este momento.'],
    ),
    band(
      'mild',
      5,
      9,
      ['Mild', 'Leve'],
      [
        'Some signs of depression. Keep an eye on how you feel, and mention it to your clinician.',
        'Algunas señales de depresión. Observa cómo te sientes y coméntaselo a tu profesional de salud.',
      ],
    ),
    band(
      'moderate',
      10,
      14,
      ['Moderate', 'Moderada'],
      [
        'A score like this often means depression is getting in the way. It is worth talking it over with your clinician or therapist soon.',
        'Una puntuación así suele indicar que la depresión está afectando tu vida. Vale la pena hablarlo pronto con tu profesional de salud o terapeuta.',
      ],
    ),
    band(
      'moderately_severe',
      15,
      19,
      ['Moderately severe', 'Moderadamente grave'],
      [
        'A score like this suggests depression is weighing heavily. Please talk to your clinician this week.',
        'Una puntuación así sugiere que la depresión pesa mucho. Habla con tu profesional de salud esta semana.',
      ],
    ),
    band(
      'severe',
      20,
      27,
      ['Severe', 'Grave'],
      [
        'A score like this suggests severe depression. Please reach your clinician as soon as you can, and use Help now if things feel unsafe.',
        'Una puntuación así sugiere una depresión grave. Comunícate con tu profesional de salud lo antes posible, y usa Ayuda ahora si no te sientes a salvo.',
      ],
    ),
  ],
  safetyItem: { index: 8, tierByScore: [null, 'concern', 'urgent', 'urgent'] },
  responseDrop: 0.5,
  remissionBelow: 5,
  meaningfulChange: 5,
  lookbackDays: 14,
  wording: {
    en: {
      title: 'PHQ-9: how your mood has been',
      instructions:
        'Over the last 2 weeks, how often have you been bothered by any of the following problems?',
      items: PHQ9_ITEMS.en,
      options: PHQ9_ITEMS.en.map(() => FREQUENCY.en),
    },
    es: {
      title: 'PHQ-9: cómo ha estado tu ánimo',
      instructions:
        'Durante las últimas 2 semanas, ¿qué tan seguido ha tenido molestias debido a los siguientes problemas?',
      items: PHQ9_ITEMS.es,
      options: PHQ9_ITEMS.es.map(() => FREQUENCY.es),
    },
  },
  attribution: PHQ_ATTRIBUTION,
};

const GAD7_ITEMS = {
  en: [
    'Feeling nervous, anxious, or on edge',
    'Not being able to stop or control worrying',
    'Worrying too much about different things',
    'Trouble relaxing',
    'Being so restless that it is hard to sit still',
    'Becoming easily annoyed or irritable',
    'Feeling afraid, as if something awful might happen',
  ],
  es: [
    'Se ha sentido nervioso(a), ansioso(a) o con los nervios de punta',
    'No ha sido capaz de parar o controlar su preocupación',
    'Se ha preocupado demasiado por motivos diferentes',
    'Ha tenido dificultad para relajarse',
    'Se ha sentido tan inquieto(a) que no ha podido quedarse quieto(a)',
    'Se ha molestado o irritado fácilmente',
    'Ha tenido miedo de que algo terrible fuera a pasar',
  ],
};

export const GAD7: Instrument = {
  id: 'gad7',
  name: 'GAD-7',
  loinc: {
    panel: '69737-5',
    total: '70274-6',
    items: ['69725-0', '68509-9', '69733-4', '69734-2', '69735-9', '69689-8', '69736-7'],
  },
  scoring: GAD7_ITEMS.en.map(() => [0, 1, 2, 3]),
  maxScore: 21,
  bands: [
    band(
      'minimal',
      0,
      4,
      ['Minimal', 'Mínima'],
      ['Few signs of anxiety right now.', 'Pocas señales de ansiedad en este momento.'],
    ),
    band(
      'mild',
      5,
      9,
      ['Mild', 'Leve'],
      [
        'Some signs of anxiety. Notice what helps, and mention it to your clinician.',
        'Algunas señales de ansiedad. Fíjate en lo que te ayuda y coméntaselo a tu profesional de salud.',
      ],
    ),
    band(
      'moderate',
      10,
      14,
      ['Moderate', 'Moderada'],
      [
        'A score like this often means anxiety is getting in the way. It is worth talking it over with your clinician or therapist soon.',
        'Una puntuación así suele indicar que la ansiedad está afectando tu vida. Vale la pena hablarlo pronto con tu profesional de salud o terapeuta.',
      ],
    ),
    band(
      'severe',
      15,
      21,
      ['Severe', 'Grave'],
      [
        'A score like this suggests severe anxiety. Please talk to your clinician as soon as you can.',
        'Una puntuación así sugiere una ansiedad grave. Habla con tu profesional de salud lo antes posible.',
      ],
    ),
  ],
  // The GAD-7 has no self-harm item.
  safetyItem: { index: 0, tierByScore: [null, null, null, null] },
  responseDrop: 0.5,
  remissionBelow: 5,
  meaningfulChange: 4,
  lookbackDays: 14,
  wording: {
    en: {
      title: 'GAD-7: how anxious you have felt',
      instructions: 'Over the last 2 weeks, how often have you been bothered by the following problems?',
      items: GAD7_ITEMS.en,
      options: GAD7_ITEMS.en.map(() => FREQUENCY.en),
    },
    es: {
      title: 'GAD-7: cuánta ansiedad has sentido',
      instructions:
        'Durante las últimas 2 semanas, ¿con qué frecuencia ha sentido molestias por los siguientes problemas?',
      items: GAD7_ITEMS.es,
      options: GAD7_ITEMS.es.map(() => FREQUENCY.es),
    },
  },
  attribution: PHQ_ATTRIBUTION,
};

export { band as severityBand };
