/**
 * The library's prompts in Spanish (Latin-American neutral, "tú"), by id: written for Hearth like the English
 * ones, in the same calm voice rather than word for word.
 */
export const PROMPTS_IN_SPANISH: Record<string, string> = {
  'body-1': '¿En qué parte de tu cuerpo notas hoy la sesión? Descríbelo sin juzgarlo.',
  'body-2': '¿Qué te pidió tu cuerpo esta semana y cómo le respondiste?',
  'body-3': 'Describe un momento de hoy en que te sentiste a gusto en tu cuerpo, aunque haya sido breve.',
  'body-4': '¿Cómo has dormido y comido desde tu última sesión? ¿Qué te ayuda?',
  'body-5': 'Si tu cansancio pudiera hablar, ¿qué diría?',
  'emotions-1': '¿Qué sentimiento de la sesión sigue contigo? ¿Qué quiere que sepas?',
  'emotions-2': 'Nombra tres sentimientos que tuviste hoy, por pequeños que sean.',
  'emotions-3': '¿Qué sentimiento sueles apartar? ¿Qué pasa si lo dejas estar un minuto?',
  'emotions-4': '¿Cuándo fue la última vez que lloraste o reíste sin contenerte? ¿Por qué fue?',
  'emotions-5': '¿Qué se sintió pesado esta semana y qué resultó más ligero de lo que esperabas?',
  'relationships-1': '¿En quién pensaste durante la sesión o después? ¿Qué te gustaría decirle?',
  'relationships-2': 'Describe un momento de conexión que tuviste esta semana.',
  'relationships-3': '¿Qué apoyo necesitas ahora mismo y a quién podrías pedírselo?',
  'relationships-4': '¿Hay un límite que quieras poner o suavizar? ¿Cómo sería en la práctica?',
  'relationships-5': '¿Qué hizo alguien hace poco que te hizo sentir vista o visto?',
  'meaning-1':
    '¿Qué imagen, palabra o recuerdo de la sesión sigue volviendo? ¿Qué podría significar para ti?',
  'meaning-2': '¿Qué descubrimiento de la sesión quieres llevar a tus días de siempre?',
  'meaning-3': '¿Qué pequeño cambio podrías probar esta semana para honrar lo que aprendiste?',
  'meaning-4': '¿Cómo se ve sanar para ti ahora mismo, no algún día?',
  'meaning-5': '¿Qué agradeces hoy? ¿Qué todavía te enoja? Las dos cosas pueden ser ciertas.',
  'parenting-1': 'Describe un momento con tu bebé de hoy, tal como sucedió.',
  'parenting-2': '¿Qué clase de madre o padre estás aprendiendo a ser, en tus propias palabras?',
  'parenting-3': '¿Qué expectativa sobre la crianza podrías soltar, aunque sea por un día?',
  'parenting-4': '¿Cuándo te sientes más tú al cuidar de tu bebé? ¿Cuándo te sientes menos tú?',
  'parenting-5': '¿Qué te gustaría decirte en la noche más difícil desde el parto?',
  'parenting-6': '¿Quién te cuida mientras tú cuidas a tu bebé? ¿Quién más podría hacerlo?',
  'self-compassion-1':
    'Escríbete como le escribirías a una amistad querida que está pasando por lo mismo que tú.',
  'self-compassion-2': '¿Qué hiciste bien hoy, por pequeño que sea?',
  'self-compassion-3':
    '¿Qué crítica interior se oyó fuerte esta semana? ¿Qué le respondería una voz más amable?',
  'self-compassion-4': '¿Qué necesitas perdonarte y qué lo haría posible?',
  'self-compassion-5': '¿Cómo puedes descansar hoy, aunque sean diez minutos?',
  'self-compassion-6': '¿Qué ha cambiado en ti desde que empezaste estas sesiones?',
};
