import type { Instrument } from './instrument.js';
import { severityBand } from './phq.js';

/** Items scored 0-1-2-3 down the printed page; the others are scored 3-2-1-0. */
const FORWARD = new Set([0, 1, 3]);

/**
 * The Edinburgh Postnatal Depression Scale: its structure, scoring, bands and safety rule, but **not its words**,
 * which are copyrighted. An admin installs them (in English and Spanish) under the clinic's licence; until then
 * the EPDS is not offered.
 */
export const EPDS: Instrument = {
  id: 'epds',
  name: 'EPDS',
  loinc: { panel: '71354-5', total: '99046-5', items: Array.from({ length: 10 }, () => null) },
  scoring: Array.from({ length: 10 }, (_, item) => (FORWARD.has(item) ? [0, 1, 2, 3] : [3, 2, 1, 0])),
  maxScore: 30,
  bands: [
    severityBand(
      'unlikely',
      0,
      9,
      ['Low', 'Baja'],
      [
        'Few signs of postnatal depression right now.',
        'Pocas señales de depresión posparto en este momento.',
      ],
    ),
    severityBand(
      'possible',
      10,
      12,
      ['Moderate', 'Moderada'],
      [
        'A score like this can be a sign of postnatal depression. It is worth talking it over with your midwife, doctor or therapist.',
        'Una puntuación así puede ser una señal de depresión posparto. Vale la pena hablarlo con tu partera, médico o terapeuta.',
      ],
    ),
    severityBand(
      'probable',
      13,
      30,
      ['High', 'Alta'],
      [
        'A score like this suggests postnatal depression. Please talk to your clinician soon; Postpartum Support International (1-800-944-4773) can help too.',
        'Una puntuación así sugiere depresión posparto. Habla pronto con tu profesional de salud; Postpartum Support International (1-800-944-4773) también puede ayudar.',
      ],
    ),
  ],
  // Item 10: "The thought of harming myself has occurred to me", scored 0 (never) to 3 (quite often).
  safetyItem: { index: 9, tierByScore: [null, 'concern', 'urgent', 'urgent'] },
  responseDrop: 0.5,
  remissionBelow: 10,
  meaningfulChange: 4,
  lookbackDays: 7,
  wording: null,
  attribution: {
    en:
      'Edinburgh Postnatal Depression Scale: Cox, J.L., Holden, J.M., and Sagovsky, R. (1987). Detection of ' +
      'postnatal depression. British Journal of Psychiatry, 150, 782-786. Its wording is installed under the ' +
      "clinic's licence.",
    es:
      'Escala de Depresión Postnatal de Edimburgo: Cox, J.L., Holden, J.M. y Sagovsky, R. (1987). Detection of ' +
      'postnatal depression. British Journal of Psychiatry, 150, 782-786. Su texto se instala con la licencia ' +
      'de la clínica.',
  },
};
