import type {
  QuestionnaireCadenceDto,
  QuestionnaireId,
  QuestionnaireSummaryDto,
  SharedScoresDto,
} from '@hearth/contracts';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { http } from '../../api/http';
import { Alert, Field, Pending, formatDate, useAction } from '../../ui/components';
import { useLoad } from '../../ui/use-load';
import { browserLanguage, everyInWords, nameContext } from '../questionnaires/wording';

/** For facilitators: the scores members chose to share with them, and what the group asks members to fill in. */
export function QuestionnairesTab({ groupId }: { groupId: string }) {
  return (
    <>
      <SharedScores groupId={groupId} />
      <Assignments groupId={groupId} />
    </>
  );
}

/** How often an open console reads the shared scores again. */
const REFRESH_MS = 10_000;

function SharedScores({ groupId }: { groupId: string }) {
  const { t } = useTranslation();
  const language = browserLanguage();
  const shared = useLoad(
    () => http.get<SharedScoresDto[]>(`/groups/${groupId}/questionnaires/shared?language=${language}`),
    [groupId, language],
  );
  // Her withdrawal is honoured by the server at once; an open console reads the scores again every 10 s while it
  // is shown, and when it is shown again, so that it does not keep showing what she no longer shares.
  const { reload } = shared;
  useEffect(() => {
    const again = () => {
      if (document.visibilityState === 'visible') void reload();
    };
    const timer = setInterval(again, REFRESH_MS);
    document.addEventListener('visibilitychange', again);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', again);
    };
  }, [reload]);
  const trend = {
    better: t('questionnaire.console.better'),
    worse: t('questionnaire.console.worse'),
    steady: t('questionnaire.console.steady'),
  };
  const rows = (shared.data ?? []).flatMap((member) =>
    member.instruments.map((entry) => ({ member, entry })),
  );
  return (
    <section aria-labelledby="shared-scores-title">
      <h2 id="shared-scores-title">{t('questionnaire.console.sharedTitle')}</h2>
      <p className="muted">{t('questionnaire.console.sharedIntro')}</p>
      {!shared.data ? (
        <Pending loaded={shared} />
      ) : rows.length === 0 ? (
        <p className="empty">{t('questionnaire.console.noneShared')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table shared-scores">
            <caption className="visually-hidden">{t('questionnaire.console.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('questionnaire.console.member')}</th>
                <th scope="col">{t('questionnaire.console.questionnaire')}</th>
                <th scope="col">{t('questionnaire.console.latest')}</th>
                <th scope="col">{t('questionnaire.console.previous')}</th>
                <th scope="col">{t('questionnaire.console.trend')}</th>
                <th scope="col">{t('questionnaire.console.safety')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ member, entry }) => (
                <tr key={`${member.membershipId}-${entry.instrument}`}>
                  <th scope="row">{member.pseudonym ?? t('questionnaire.console.aMember')}</th>
                  <td data-label={t('questionnaire.console.questionnaire')}>{entry.name}</td>
                  <td data-label={t('questionnaire.console.latest')}>
                    <strong>
                      {entry.latest.score}/{entry.latest.maxScore}
                    </strong>{' '}
                    {entry.latest.band}
                    <br />
                    <span className="muted">{formatDate(entry.latest.completedAt)}</span>
                  </td>
                  <td data-label={t('questionnaire.console.previous')}>{entry.previous ?? '—'}</td>
                  <td data-label={t('questionnaire.console.trend')}>
                    {entry.trend ? trend[entry.trend] : '—'}
                  </td>
                  <td data-label={t('questionnaire.console.safety')}>
                    {entry.safety ? (
                      <span className={`tier-badge tier-${entry.safety.tier}`}>
                        {t('questionnaire.console.selfHarm', {
                          date: formatDate(entry.safety.completedAt),
                        })}
                      </span>
                    ) : (
                      '—'
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function Assignments({ groupId }: { groupId: string }) {
  const base = `/groups/${groupId}/questionnaires/assignments`;
  const assignments = useLoad(() => http.get<QuestionnaireCadenceDto[]>(base), [groupId]);
  const instruments = useLoad(() => http.get<QuestionnaireSummaryDto[]>('/questionnaires'), []);
  const offered = instruments.data?.filter((q) => q.available) ?? [];
  const [instrument, setInstrument] = useState<QuestionnaireId>('phq9');
  const [everyDays, setEveryDays] = useState('14');
  const [done, setDone] = useState<string | null>(null);
  const action = useAction();
  const { t } = useTranslation();
  const nameOf = (id: QuestionnaireId) => offered.find((q) => q.id === id)?.name ?? id;
  // What the group asks for already is not offered again: asking twice could only be refused.
  const askable = offered.filter((q) => !assignments.data?.some((a) => a.instrument === q.id));
  const chosen = askable.some((q) => q.id === instrument) ? instrument : (askable[0]?.id ?? instrument);
  return (
    <section className="card" aria-labelledby="assignments-title">
      <h2 id="assignments-title">{t('questionnaire.console.askTitle')}</h2>
      <p>{t('questionnaire.console.askIntro')}</p>
      {!assignments.data ? (
        <Pending loaded={assignments} />
      ) : assignments.data.length === 0 ? (
        <p className="empty">{t('questionnaire.console.noAssignments')}</p>
      ) : (
        <ul className="plain-list">
          {assignments.data.map((a) => (
            <li key={a.id} className="row row-spread">
              <span>
                {t('questionnaire.console.assignment', {
                  name: nameOf(a.instrument),
                  every: everyInWords(a.everyDays),
                  date: formatDate(a.startsAt),
                })}
              </span>
              <button
                type="button"
                className="button button-secondary"
                disabled={action.busy}
                onClick={() =>
                  action.run(async () => {
                    await http.delete(`${base}/${a.id}`);
                    setDone(
                      t('questionnaire.console.ended', {
                        name: nameOf(a.instrument),
                        context: nameContext(a.instrument),
                      }),
                    );
                    await assignments.reload();
                  })
                }
              >
                {t('questionnaire.console.end')}
                <span className="visually-hidden">
                  {' '}
                  {t('questionnaire.console.endWhich', {
                    name: nameOf(a.instrument),
                    context: nameContext(a.instrument),
                  })}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {done && askable.length === 0 && <Alert tone="success">{done}</Alert>}
      {instruments.data && askable.length === 0 ? (
        <p className="muted">{t('questionnaire.console.allAsked')}</p>
      ) : (
        <form
          className="inline-form"
          onSubmit={(e) =>
            action.run(async () => {
              await http.post(base, { instrument: chosen, everyDays: Number(everyDays) });
              setDone(
                t('questionnaire.console.asked', {
                  name: nameOf(chosen),
                  every: everyInWords(Number(everyDays)),
                  context: nameContext(chosen),
                }),
              );
              await assignments.reload();
            }, e)
          }
        >
          <div className="field">
            <label htmlFor="assign-instrument">{t('questionnaire.console.questionnaire')}</label>
            <select
              id="assign-instrument"
              value={chosen}
              onChange={(e) => setInstrument(e.target.value as QuestionnaireId)}
            >
              {askable.map((q) => (
                <option key={q.id} value={q.id}>
                  {q.name}
                </option>
              ))}
            </select>
          </div>
          <Field
            label={t('questionnaire.console.everyDays')}
            type="number"
            min={7}
            max={90}
            value={everyDays}
            onChange={(e) => setEveryDays(e.target.value)}
            error={action.fieldError('everyDays')}
          />
          {action.error && <Alert tone="error">{action.error}</Alert>}
          {done && <Alert tone="success">{done}</Alert>}
          <button className="button" disabled={action.busy}>
            {t('questionnaire.console.ask')}
          </button>
        </form>
      )}
    </section>
  );
}
