import type {
  QuestionnaireCadenceDto,
  QuestionnaireId,
  QuestionnaireSummaryDto,
  SharedScoresDto,
} from '@hearth/contracts';
import { useState } from 'react';

import { http } from '../../api/http';
import { Alert, Field, Pending, formatDate, useAction } from '../../ui/components';
import { useLoad } from '../../ui/use-load';
import { everyInWords } from '../questionnaires/wording';

const TREND = { better: 'Better', worse: 'Worse', steady: 'Steady' } as const;

/** For facilitators: the scores members chose to share with them, and what the group asks members to fill in. */
export function QuestionnairesTab({ groupId }: { groupId: string }) {
  return (
    <>
      <SharedScores groupId={groupId} />
      <Assignments groupId={groupId} />
    </>
  );
}

function SharedScores({ groupId }: { groupId: string }) {
  const shared = useLoad(
    () => http.get<SharedScoresDto[]>(`/groups/${groupId}/questionnaires/shared`),
    [groupId],
  );
  const rows = (shared.data ?? []).flatMap((member) =>
    member.instruments.map((entry) => ({ member, entry })),
  );
  return (
    <section aria-labelledby="shared-scores-title">
      <h2 id="shared-scores-title">Shared scores</h2>
      <p className="muted">
        Members choose whether to share their questionnaire scores with this group’s facilitators, and may
        withdraw at any time. Nothing is shown for members who do not share. A score is not a diagnosis.
      </p>
      {!shared.data ? (
        <Pending loaded={shared} />
      ) : rows.length === 0 ? (
        <p className="empty">
          No member shares scores with you yet. Members choose whether to share; nothing is shown for those
          who do not.
        </p>
      ) : (
        <div className="table-wrap">
          <table className="table shared-scores">
            <caption className="visually-hidden">Scores members share with you</caption>
            <thead>
              <tr>
                <th scope="col">Member</th>
                <th scope="col">Questionnaire</th>
                <th scope="col">Latest</th>
                <th scope="col">Previous</th>
                <th scope="col">Trend</th>
                <th scope="col">Safety</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ member, entry }) => (
                <tr key={`${member.membershipId}-${entry.instrument}`}>
                  <th scope="row">{member.pseudonym ?? 'A member'}</th>
                  <td>{entry.name}</td>
                  <td>
                    <strong>
                      {entry.latest.score}/{entry.latest.maxScore}
                    </strong>{' '}
                    {entry.latest.band}
                    <br />
                    <span className="muted">{formatDate(entry.latest.completedAt)}</span>
                  </td>
                  <td>{entry.previous ?? '—'}</td>
                  <td>{entry.trend ? TREND[entry.trend] : '—'}</td>
                  <td>
                    {entry.safety ? (
                      <span className={`tier-badge tier-${entry.safety.tier}`}>
                        Self-harm answer above zero ({formatDate(entry.safety.completedAt)})
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
  const nameOf = (id: QuestionnaireId) => offered.find((q) => q.id === id)?.name ?? id;
  return (
    <section className="card" aria-labelledby="assignments-title">
      <h2 id="assignments-title">Ask the group</h2>
      <p>
        Ask every member to fill in a questionnaire regularly. This publishes a new version of the group’s
        agreement that says so, which members must accept; they answer for themselves, and their scores stay
        private unless each chooses to share them.
      </p>
      {!assignments.data ? (
        <Pending loaded={assignments} />
      ) : assignments.data.length === 0 ? (
        <p className="empty">The group asks for no questionnaire.</p>
      ) : (
        <ul className="plain-list">
          {assignments.data.map((a) => (
            <li key={a.id} className="row-spread">
              <span>
                {nameOf(a.instrument)}, {everyInWords(a.everyDays)} (since {formatDate(a.startsAt)})
              </span>
              <button
                type="button"
                className="button button-secondary"
                disabled={action.busy}
                onClick={() =>
                  action.run(async () => {
                    await http.delete(`${base}/${a.id}`);
                    setDone(`The group no longer asks for the ${nameOf(a.instrument)}.`);
                    await assignments.reload();
                  })
                }
              >
                End<span className="visually-hidden"> the {nameOf(a.instrument)} request</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        className="inline-form"
        onSubmit={(e) =>
          action.run(async () => {
            await http.post(base, { instrument, everyDays: Number(everyDays) });
            setDone(`The group now asks for the ${nameOf(instrument)}, ${everyInWords(Number(everyDays))}.`);
            await assignments.reload();
          }, e)
        }
      >
        <div className="field">
          <label htmlFor="assign-instrument">Questionnaire</label>
          <select
            id="assign-instrument"
            value={instrument}
            onChange={(e) => setInstrument(e.target.value as QuestionnaireId)}
          >
            {offered.map((q) => (
              <option key={q.id} value={q.id}>
                {q.name}
              </option>
            ))}
          </select>
        </div>
        <Field
          label="Every how many days (7 to 90)"
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
          Ask the group
        </button>
      </form>
    </section>
  );
}
