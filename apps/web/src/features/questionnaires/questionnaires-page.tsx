import type {
  GroupDto,
  QuestionnaireCadenceDto,
  QuestionnaireHistoryDto,
  QuestionnaireId,
  QuestionnaireSummaryDto,
  ScoreShareDto,
} from '@hearth/contracts';
import { useId } from 'react';
import { Link } from 'react-router-dom';

import { http } from '../../api/http';
import { Alert, Loading, formatDate, useAction } from '../../ui/components';
import { useLoad } from '../../ui/use-load';
import { ScoreChart } from './score-chart';
import { changeInWords, EVERY, everyInWords } from './wording';

const takeLink = (instrument: QuestionnaireId, groupId?: string | null) =>
  `/journal/questionnaires/${instrument}${groupId ? `?group=${groupId}` : ''}`;

/**
 * Her questionnaires: what is due, what is offered, her course on each, her own reminders, with whom she shares
 * her scores, and her export for a clinician. Scores are read as bands that suggest, never as a diagnosis.
 */
export function QuestionnairesPage() {
  const instruments = useLoad(() => http.get<QuestionnaireSummaryDto[]>('/questionnaires'), []);
  const cadences = useLoad(() => http.get<QuestionnaireCadenceDto[]>('/me/questionnaires/cadences'), []);
  // This page's own words are English, as the rest of the app's: the bands are read in English too.
  const history = useLoad(
    () => http.get<QuestionnaireHistoryDto[]>('/me/questionnaires/history?language=en'),
    [],
  );
  const offered = instruments.data?.filter((q) => q.available) ?? [];
  const due = cadences.data?.filter((c) => c.dueSince !== null) ?? [];
  const download = useAction();
  return (
    <div className="page narrow">
      <p>
        <Link to="/journal">← Journal</Link>
      </p>
      <h1>Questionnaires</h1>
      <p className="muted">
        Short, well-known questionnaires about mood and worry. Your answers are private and encrypted. A score
        is not a diagnosis: it helps you and, if you choose, your clinician or facilitators notice how things
        change.
      </p>

      {due.length > 0 && (
        <section className="card" aria-labelledby="due-title">
          <h2 id="due-title">Due now</h2>
          <ul className="plain-list">
            {due.map((c) => (
              <li key={c.id} className="row-spread">
                <span>
                  <strong>{nameOf(offered, c.instrument)}</strong>{' '}
                  {c.groupName ? `asked by ${c.groupName}` : 'your reminder'}, {everyInWords(c.everyDays)}
                </span>
                <Link className="button" to={takeLink(c.instrument, c.groupId)}>
                  Take it<span className="visually-hidden"> ({nameOf(offered, c.instrument)}, due)</span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="offered-title">
        <h2 id="offered-title">Questionnaires you can take</h2>
        {instruments.error && <Alert tone="error">{instruments.error}</Alert>}
        {!instruments.data ? (
          <Loading />
        ) : (
          <ul className="card-list">
            {offered.map((q) => (
              <li key={q.id} className="card">
                <div className="row-spread">
                  <h3>{q.name}</h3>
                  <Link className="button" to={takeLink(q.id)}>
                    Take it<span className="visually-hidden"> ({q.name})</span>
                  </Link>
                </div>
                <p className="muted">
                  About the last {q.lookbackDays === 7 ? 'week' : `${q.lookbackDays / 7} weeks`}. Scored 0 to{' '}
                  {q.maxScore}.
                </p>
                <ReminderControl
                  instrument={q}
                  mine={cadences.data?.find((c) => c.instrument === q.id && c.groupId === null)}
                  onChange={cadences.reload}
                />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="course-title">
        <h2 id="course-title">Your course</h2>
        {history.error && <Alert tone="error">{history.error}</Alert>}
        {!history.data ? (
          <Loading />
        ) : history.data.length === 0 ? (
          <p className="empty">No scores yet. When you take a questionnaire, your scores appear here.</p>
        ) : (
          history.data.map((h) => <Course key={h.instrument} history={h} />)
        )}
        <p>
          <Link className="button button-secondary" to="/journal/mood">
            See your mood check-ins beside these
          </Link>
        </p>
      </section>

      <Sharing />

      <section className="card" aria-labelledby="fhir-title">
        <h2 id="fhir-title">For your clinician</h2>
        <p>
          A file of your questionnaires and scores in FHIR, the format health records use. It is yours to give
          to whom you choose.
        </p>
        {download.error && <Alert tone="error">{download.error}</Alert>}
        <button
          type="button"
          className="button button-secondary"
          disabled={download.busy}
          onClick={() => download.run(downloadFhir)}
        >
          Download for my clinician (FHIR)
        </button>
      </section>
    </div>
  );
}

function nameOf(offered: QuestionnaireSummaryDto[], id: QuestionnaireId): string {
  return offered.find((q) => q.id === id)?.name ?? id.toUpperCase();
}

function Course({ history }: { history: QuestionnaireHistoryDto }) {
  const latest = history.points.at(-1);
  const band = history.bands.find((b) => b.id === latest?.band);
  return (
    <section className="card course" aria-labelledby={`course-${history.instrument}`}>
      <h3 id={`course-${history.instrument}`}>{history.name}</h3>
      {latest && band && (
        <p>
          Latest: <strong>{latest.score}</strong> of {history.maxScore}, {formatDate(latest.completedAt)} —{' '}
          <strong>{band.label}</strong>. <span className="muted">{band.suggests}</span>
        </p>
      )}
      <p className="change">{changeInWords(history)}</p>
      <ScoreChart history={history} />
    </section>
  );
}

function ReminderControl({
  instrument,
  mine,
  onChange,
}: {
  instrument: QuestionnaireSummaryDto;
  mine: QuestionnaireCadenceDto | undefined;
  onChange: () => Promise<void>;
}) {
  const id = useId();
  const action = useAction();
  const choices = mine && !EVERY.includes(mine.everyDays as never) ? [...EVERY, mine.everyDays] : EVERY;
  return (
    <div className="field">
      <label htmlFor={id}>Remind me to take the {instrument.name}</label>
      <select
        id={id}
        value={mine?.everyDays ?? ''}
        disabled={action.busy}
        onChange={(e) =>
          action.run(async () => {
            const path = `/me/questionnaires/schedules/${instrument.id}`;
            if (e.target.value === '') await http.delete(path);
            else await http.put(path, { everyDays: Number(e.target.value) });
            await onChange();
          })
        }
      >
        <option value="">Never</option>
        {choices.map((days) => (
          <option key={days} value={days}>
            {everyInWords(days).replace(/^every/, 'Every')}
          </option>
        ))}
      </select>
      {action.error && <p className="field-error">{action.error}</p>}
    </div>
  );
}

function Sharing() {
  const groups = useLoad(() => http.get<GroupDto[]>('/groups?scope=mine'), []);
  const shares = useLoad(() => http.get<ScoreShareDto[]>('/me/questionnaires/sharing'), []);
  const action = useAction();
  const mine = groups.data?.filter((g) => g.membership?.status === 'active') ?? [];
  return (
    <section className="card" aria-labelledby="sharing-title">
      <h2 id="sharing-title">Sharing your scores</h2>
      <p>
        Nobody sees your scores unless you choose. If you tick a group, its facilitators see your latest score
        on each questionnaire, the one before it and whether it went up or down — never your answers. An
        answer about harming yourself reaches them only when they were told of it already (their group asked,
        or you chose to tell them). Untick it to stop at once.
      </p>
      {groups.error && <Alert tone="error">{groups.error}</Alert>}
      {!groups.data || !shares.data ? (
        <Loading />
      ) : mine.length === 0 ? (
        <p className="empty">You are not in a group yet.</p>
      ) : (
        <fieldset>
          <legend className="visually-hidden">Groups that may see your scores</legend>
          {mine.map((group) => {
            const share = shares.data!.find((s) => s.groupId === group.id);
            return (
              <div className="check" key={group.id}>
                <input
                  type="checkbox"
                  id={`share-${group.id}`}
                  checked={!!share}
                  disabled={action.busy}
                  onChange={(e) => {
                    const on = e.target.checked;
                    const others = shares.data!.filter((s) => s.groupId !== group.id);
                    shares.setData(
                      on ? [...others, { groupId: group.id, groupName: group.name, since: '' }] : others,
                    );
                    void action
                      .run(async () => {
                        const path = `/me/questionnaires/sharing/${group.id}`;
                        if (on) await http.put(path);
                        else await http.delete(path);
                      })
                      .finally(() => shares.reload());
                  }}
                />
                <label htmlFor={`share-${group.id}`}>
                  Let the facilitators of {group.name} see my scores
                  {share?.since && <span className="muted"> (since {formatDate(share.since)})</span>}
                </label>
              </div>
            );
          })}
        </fieldset>
      )}
      {action.error && <Alert tone="error">{action.error}</Alert>}
    </section>
  );
}

async function downloadFhir(): Promise<void> {
  const bundle = await http.get<Record<string, unknown>>('/me/questionnaires/fhir');
  const url = URL.createObjectURL(
    new Blob([JSON.stringify(bundle, null, 2)], { type: 'application/fhir+json' }),
  );
  const link = document.createElement('a');
  link.href = url;
  link.download = 'hearth-questionnaires-fhir.json';
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
