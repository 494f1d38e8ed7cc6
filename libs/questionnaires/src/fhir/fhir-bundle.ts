import { INSTRUMENTS } from '../instruments/catalogue.js';
import type { InstrumentId, Wording } from '../instruments/instrument.js';
import type { SealedAnswers } from '../responses/response-codec.js';

const LOINC = 'http://loinc.org';

export interface FhirSource {
  id: string;
  instrument: InstrumentId;
  language: 'en' | 'es';
  completedAt: Date;
  sealed: SealedAnswers;
  /** The words she answered, when Hearth still has them (each answer's text goes with it). */
  wording: Wording | null;
}

/**
 * A FHIR R4 `Bundle` (type `collection`) of her responses: per response a `QuestionnaireResponse` (the
 * instrument by its LOINC panel code, each item's answer as the option's score, with its text when known) and
 * an `Observation` of the total score (LOINC, in `{score}`, with the band as its interpretation text), derived
 * from the response. The subject is left out: the file is hers, to hand to her clinic, which knows her.
 */
export function fhirBundle(sources: FhirSource[], now: Date): Record<string, unknown> {
  const entry = sources.flatMap((source) => {
    const instrument = INSTRUMENTS[source.instrument];
    const authored = source.completedAt.toISOString();
    const responseUrl = `urn:uuid:${source.id}`;
    const band = instrument.bands.find((b) => b.id === source.sealed.band)!;
    const questionnaireResponse = {
      resourceType: 'QuestionnaireResponse',
      id: source.id,
      language: source.language,
      questionnaire: `${LOINC}/q/${instrument.loinc.panel}`,
      status: 'completed',
      authored,
      item: source.sealed.answers.map((position, index) => {
        const linkId = instrument.loinc.items[index] ?? `${instrument.id}-${index + 1}`;
        const value = instrument.scoring[index][position];
        const display = source.wording?.options[index]?.[position];
        return {
          linkId,
          ...(source.wording ? { text: source.wording.items[index] } : {}),
          answer: [
            display
              ? {
                  valueCoding: { system: `urn:hearth:${instrument.id}:answer`, code: String(value), display },
                }
              : { valueInteger: value },
          ],
        };
      }),
    };
    const observation = {
      resourceType: 'Observation',
      id: `${source.id}-score`,
      status: 'final',
      category: [
        {
          coding: [
            {
              system: 'http://terminology.hl7.org/CodeSystem/observation-category',
              code: 'survey',
              display: 'Survey',
            },
          ],
        },
      ],
      code: {
        coding: [{ system: LOINC, code: instrument.loinc.total, display: `${instrument.name} total score` }],
        text: `${instrument.name} total score`,
      },
      effectiveDateTime: authored,
      valueQuantity: {
        value: source.sealed.score,
        unit: 'score',
        system: 'http://unitsofmeasure.org',
        code: '{score}',
      },
      interpretation: [{ text: band.label.en }],
      referenceRange: [{ low: { value: band.min }, high: { value: band.max }, text: band.label.en }],
      derivedFrom: [{ reference: responseUrl }],
    };
    return [
      { fullUrl: responseUrl, resource: questionnaireResponse },
      { fullUrl: `urn:uuid:${source.id}-score`, resource: observation },
    ];
  });
  return {
    resourceType: 'Bundle',
    type: 'collection',
    timestamp: now.toISOString(),
    meta: { lastUpdated: now.toISOString() },
    entry,
  };
}
