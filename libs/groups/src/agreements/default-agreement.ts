/**
 * Version 1 of every new group's agreement. Facilitators adapt it to their group and publish a new version.
 * Written for integration circles after psychedelic-assisted therapy; plain words, no legal language.
 */
export const DEFAULT_AGREEMENT = `# Our group agreement

This is a space to make sense of what came up in and after your sessions, at your own pace, alongside people
walking a similar path. To keep it safe for everyone, we agree to the following.

## Confidentiality
- What is shared here stays here. We do not copy, screenshot or repeat anyone's words outside the group.
- We use our pseudonyms. We do not try to find out who anyone is, and we do not share our own or anyone
  else's identifying details (full names, addresses, workplaces, photos of faces or children).

## Respect
- We speak from our own experience ("I noticed…", "For me…"), not about what others should feel or do.
- We do not give medical or dosing advice, and we do not encourage anyone to change their treatment.
- Every path is different. We listen without judging, fixing or comparing.
- We do not share anything that promotes substance use outside a clinical setting.

## Taking care
- Content can be intense. When you share something that may be hard to read, say so at the start.
- You may step back, stay quiet or leave at any time; you owe no one an explanation.
- If something in the group troubles you, report it privately to the facilitators.

## If you are in crisis
- This group is not an emergency service and is not watched around the clock.
- If you might hurt yourself, your baby or someone else, call your local emergency number now.
- In the US you can call or text 988 (Suicide & Crisis Lifeline), or call the Postpartum Support
  International HelpLine at 1-800-944-4773.
- When you write about wanting to die or to hurt yourself, Hearth shows you where to find help at once and lets
  a facilitator know, so that someone can reach out to you.

## Facilitators
- Facilitators hold the space: they may remove messages, mute, or remove someone to keep the group safe, and
  will tell you why.
- Facilitators can see your account name and email so they can look after you; other members only see your
  pseudonym.

By accepting, you agree to keep to this agreement for as long as you are in the group.
`;

/** The same agreement in Spanish (tú, Latin-American neutral), for a group created by someone who uses Hearth in Spanish. */
export const DEFAULT_AGREEMENT_ES = `# Nuestro acuerdo de grupo

Este es un espacio para dar sentido a lo que surgió durante y después de tus sesiones, a tu propio ritmo, junto a
personas que recorren un camino parecido. Para que sea un lugar seguro para todas las personas, acordamos lo
siguiente.

## Confidencialidad
- Lo que se comparte aquí se queda aquí. No copiamos, no hacemos capturas de pantalla ni repetimos fuera del
  grupo las palabras de nadie.
- Usamos nuestros seudónimos. No intentamos averiguar quién es nadie, y no compartimos datos que identifiquen a
  nadie, ni los nuestros (nombres completos, direcciones, lugares de trabajo, fotos de caras o de niños).

## Respeto
- Hablamos desde nuestra propia experiencia ("Noté que…", "Para mí…"), no sobre lo que otras personas deberían
  sentir o hacer.
- No damos consejos médicos ni sobre dosis, y no animamos a nadie a cambiar su tratamiento.
- Cada camino es distinto. Escuchamos sin juzgar, sin querer arreglar y sin comparar.
- No compartimos nada que promueva el consumo de sustancias fuera de un contexto clínico.

## Cuidarnos
- Los temas pueden ser intensos. Si compartes algo que puede ser difícil de leer, avísalo al principio.
- Puedes tomar distancia, quedarte en silencio o irte cuando quieras; no le debes explicaciones a nadie.
- Si algo del grupo te incomoda, avísale en privado al equipo de facilitación.

## Si estás en crisis
- Este grupo no es un servicio de emergencias y nadie lo vigila a toda hora.
- Si crees que podrías hacerte daño, o hacérselo a tu bebé o a otra persona, llama ahora al número de
  emergencias de tu zona.
- En Estados Unidos puedes llamar o enviar un mensaje de texto al 988 (Línea de Prevención del Suicidio y
  Crisis; marca 2 para español o escribe AYUDA), o llamar a la línea de ayuda de Postpartum Support
  International al 1-800-944-4773.
- Cuando escribes que quieres morir o hacerte daño, Hearth te muestra enseguida dónde encontrar ayuda y le avisa
  a alguien del equipo de facilitación, para que pueda acercarse a ti.

## Facilitación
- Quienes facilitan cuidan el espacio: pueden quitar mensajes, silenciar o sacar a alguien del grupo para
  mantenerlo seguro, y te dirán por qué.
- Quienes facilitan pueden ver el nombre y el correo de tu cuenta para poder cuidarte; las demás personas del
  grupo solo ven tu seudónimo.

Al aceptar, te comprometes a respetar este acuerdo mientras estés en el grupo.
`;

/** Version 1 of a new group's agreement, in the language of the person who creates the group. */
export function defaultAgreement(language: 'en' | 'es'): string {
  return language === 'es' ? DEFAULT_AGREEMENT_ES : DEFAULT_AGREEMENT;
}
