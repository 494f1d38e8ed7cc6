export { QuestionnairesModule } from './questionnaires.module.js';
export { questionnairesEntities } from './entities.js';
export { Cadences, type DueQuestionnaire } from './cadence/cadences.service.js';
export { INSTRUMENTS } from './instruments/catalogue.js';
export { answersScoring } from './instruments/instrument.js';
