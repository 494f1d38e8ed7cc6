import type {
  GroupDto,
  MoodCheckinViewDto,
  QuestionnaireCadenceDto,
  QuestionnaireHistoryDto,
  QuestionnaireId,
  QuestionnaireSummaryDto,
  ScoreShareDto,
} from '@hearth/contracts';
import { useId, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

import { http } from '../../api/http';
import { Alert, Loading, formatDate, useAction } from '../../ui/components';
import { useLoad } from '../../ui/use-load';
import { ScoreChart } from './score-chart';
import { browserLanguage, changeInWords, EVERY, everyInWords, nameContext } from './wording';

const takeLink = (instrument: QuestionnaireId, groupId?: string | null) =>
  `/journal/questionnaires/${instrument}${groupId ? `?group=${groupId}` : ''}`;

/**
 * Her questionnaires: what is due, what is offered, her course on each, her own reminders, with whom she shares
 * her scores, and her export for a clinician. Scores are read as bands that suggest, never as a diagnosis.
 */
export function QuestionnairesPage() {
  const instruments = useLoad(() => http.get<QuestionnaireSummaryDto[]>('/questionnaires'), []);
  const cadences = useLoad(() => http.get<QuestionnaireCadenceDto[]>('/me/questionnaires/cadences'), []);
  const { t, i18n } = useTranslation();
  const pageLanguage = i18n.resolvedLanguage === 'es' ? 'es' : 'en';
  // The bands and what they suggest come from the server in the language the page speaks.
  const language = browserLanguage();
  const history = useLoad(
    () => http.get<QuestionnaireHistoryDto[]>(`/me/questionnaires/history?language=${language}`),
    [language],
  );
  // Her mood check-ins since her first score, drawn beneath each course on the same dates.
  const since = history.data
    ?.flatMap((h) => h.points.map((p) => p.completedAt))
    .sort()
    .at(0);
  const moods = useLoad(
    async () =>
      since
        ? http.get<MoodCheckinViewDto[]>(
            `/journal/mood/checkins?from=${since}&to=${new Date(Date.now() + 86_400_000).toISOString()}`,
          )
        : [],
    [since],
  );
  const offered = instruments.data?.filter((q) => q.available) ?? [];
  const due = cadences.data?.filter((c) => c.dueSince !== null) ?? [];
  const download = useAction();
  return (
    <div className="page narrow">
      <p>
        <Link className="back-link" to="/journal">
          {t('questionnaire.overview.back')}
        </Link>
      </p>
      <h1>{t('questionnaire.overview.title')}</h1>
      <p className="muted">{t('questionnaire.overview.intro')}</p>

      {due.length > 0 && (
        <section className="card" aria-labelledby="due-title">
          <h2 id="due-title">{t('questionnaire.overview.dueTitle')}</h2>
          <ul className="plain-list">
            {due.map((c) => (
              <li key={c.id} className="row row-spread">
                <span>
                  <strong>{nameOf(offered, c.instrument)}</strong>{' '}
                  {c.groupName
                    ? t('questionnaire.overview.dueAsked', {
                        group: c.groupName,
                        every: everyInWords(c.everyDays),
                      })
                    : t('questionnaire.overview.dueOwn', { every: everyInWords(c.everyDays) })}
                </span>
                <Link className="button" to={takeLink(c.instrument, c.groupId)}>
                  {t('questionnaire.overview.takeIt')}
                  <span className="visually-hidden">
                    {' '}
                    {t('questionnaire.overview.takeItDue', { name: nameOf(offered, c.instrument) })}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="offered-title">
        <h2 id="offered-title">{t('questionnaire.overview.offeredTitle')}</h2>
        {instruments.error && <Alert tone="error">{instruments.error}</Alert>}
        {!instruments.data ? (
          <Loading />
        ) : (
          <ul className="card-list">
            {offered.map((q) => (
              <li key={q.id} className="card">
                <div className="row row-spread">
                  <h3>{q.name}</h3>
                  <Link className="button" to={takeLink(q.id)}>
                    {t('questionnaire.overview.takeIt')}
                    <span className="visually-hidden">
                      {' '}
                      {t('questionnaire.overview.takeItNamed', { name: q.name })}
                    </span>
                  </Link>
                </div>
                {!q.languages.includes(pageLanguage) && q.languages.length > 0 && (
                  <p className="muted">
                    {t('questionnaire.overview.onlyIn', {
                      language: new Intl.DisplayNames([pageLanguage], { type: 'language' }).of(
                        q.languages[0],
                      ),
                    })}
                  </p>
                )}
                <p className="muted">
                  {t('questionnaire.overview.lookback', {
                    count: Math.round(q.lookbackDays / 7),
                    max: q.maxScore,
                  })}
                </p>
                <ReminderControl
                  instrument={q}
                  mine={cadences.data?.find((c) => c.instrument === q.id && c.groupId === null)}
                  asked={cadences.data?.filter((c) => c.instrument === q.id && c.groupId !== null) ?? []}
                  onChange={cadences.reload}
                />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="course-title">
        <h2 id="course-title">{t('questionnaire.overview.courseTitle')}</h2>
        {history.error && <Alert tone="error">{history.error}</Alert>}
        {!history.data ? (
          <Loading />
        ) : history.data.length === 0 ? (
          <p className="empty">{t('questionnaire.overview.noScores')}</p>
        ) : (
          history.data.map((h) => <Course key={h.instrument} history={h} moods={moods.data ?? []} />)
        )}
        <p>
          <Link className="button button-secondary" to="/journal/mood">
            {t('questionnaire.overview.moodLink')}
          </Link>
        </p>
      </section>

      <Sharing />

      <section className="card" aria-labelledby="fhir-title">
        <h2 id="fhir-title">{t('questionnaire.overview.fhirTitle')}</h2>
        <p>{t('questionnaire.overview.fhirBody')}</p>
        {download.error && <Alert tone="error">{download.error}</Alert>}
        <button
          type="button"
          className="button button-secondary"
          disabled={download.busy}
          onClick={() => download.run(downloadFhir)}
        >
          {t('questionnaire.overview.fhirDownload')}
        </button>
      </section>
    </div>
  );
}

function nameOf(offered: QuestionnaireSummaryDto[], id: QuestionnaireId): string {
  return offered.find((q) => q.id === id)?.name ?? id.toUpperCase();
}

function Course({ history, moods }: { history: QuestionnaireHistoryDto; moods: MoodCheckinViewDto[] }) {
  const latest = history.points.at(-1);
  const band = history.bands.find((b) => b.id === latest?.band);
  return (
    <section className="card course" aria-labelledby={`course-${history.instrument}`}>
      <h3 id={`course-${history.instrument}`}>{history.name}</h3>
      {latest && band && (
        <p>
          <Trans
            i18nKey="questionnaire.overview.latest"
            values={{
              score: latest.score,
              max: history.maxScore,
              date: formatDate(latest.completedAt),
              band: band.label,
            }}
            components={{ strong: <strong /> }}
          />{' '}
          <span className="muted">{band.suggests}</span>
        </p>
      )}
      <p className="change">{changeInWords(history)}</p>
      <ScoreChart history={history} moods={moods} />
    </section>
  );
}

function ReminderControl({
  instrument,
  mine,
  asked,
  onChange,
}: {
  instrument: QuestionnaireSummaryDto;
  mine: QuestionnaireCadenceDto | undefined;
  /** Her groups' assignments of it: they remind her whatever her own choice (shown beside it). */
  asked: QuestionnaireCadenceDto[];
  onChange: () => Promise<void>;
}) {
  const id = useId();
  const action = useAction();
  const { t } = useTranslation();
  const [saved, setSaved] = useState(false);
  const choices = mine && !EVERY.includes(mine.everyDays as never) ? [...EVERY, mine.everyDays] : EVERY;
  return (
    <div className="field">
      <label htmlFor={id}>
        {t('questionnaire.overview.remindMe', {
          name: instrument.name,
          context: nameContext(instrument.id),
        })}
      </label>
      <select
        id={id}
        value={mine?.everyDays ?? ''}
        disabled={action.busy}
        onChange={(e) =>
          action.run(async () => {
            const path = `/me/questionnaires/schedules/${instrument.id}`;
            setSaved(false);
            if (e.target.value === '') await http.delete(path);
            else await http.put(path, { everyDays: Number(e.target.value) });
            await onChange();
            setSaved(true);
          })
        }
      >
        <option value="">{t('questionnaire.overview.never')}</option>
        {choices.map((days) => (
          <option key={days} value={days}>
            {everyInWords(days, true)}
          </option>
        ))}
      </select>
      {asked.map((a) => (
        <p key={a.id} className="hint">
          {t('questionnaire.overview.groupAsks', {
            group: a.groupName ?? '',
            every: everyInWords(a.everyDays),
          })}
        </p>
      ))}
      {saved && (
        <p className="hint" role="status">
          {t('questionnaire.overview.reminderSaved')}
        </p>
      )}
      {action.error && <p className="field-error">{action.error}</p>}
    </div>
  );
}

function Sharing() {
  const groups = useLoad(() => http.get<GroupDto[]>('/groups?scope=mine'), []);
  const shares = useLoad(() => http.get<ScoreShareDto[]>('/me/questionnaires/sharing'), []);
  const action = useAction();
  const { t } = useTranslation();
  const mine = groups.data?.filter((g) => g.membership?.status === 'active') ?? [];
  return (
    <section className="card" aria-labelledby="sharing-title">
      <h2 id="sharing-title">{t('questionnaire.overview.sharingTitle')}</h2>
      <p>{t('questionnaire.overview.sharingBody')}</p>
      {groups.error && <Alert tone="error">{groups.error}</Alert>}
      {!groups.data || !shares.data ? (
        <Loading />
      ) : mine.length === 0 ? (
        <p className="empty">{t('questionnaire.overview.noGroup')}</p>
      ) : (
        <fieldset>
          <legend className="visually-hidden">{t('questionnaire.overview.sharingLegend')}</legend>
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
                  {t('questionnaire.overview.share', { name: group.name })}
                  {share?.since && (
                    <span className="muted">
                      {' '}
                      {t('questionnaire.overview.since', { date: formatDate(share.since) })}
                    </span>
                  )}
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
