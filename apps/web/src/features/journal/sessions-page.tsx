import type { TherapySessionDto } from '@hearth/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

import { http } from '../../api/http';
import { Alert, Field, Loading, useAction } from '../../ui/components';
import { formatCalendarDay, todayHere } from '../../ui/local-time';
import { useLoad } from '../../ui/use-load';

/** My therapy sessions: after each, the journal offers prompts on the days that follow. */
export function SessionsPage() {
  const { t } = useTranslation();
  const sessions = useLoad(() => http.get<TherapySessionDto[]>('/journal/sessions'), []);
  // The day of the session just added, while the journal offers its prompts (from that day, for two weeks).
  const [added, setAdded] = useState<string | null>(null);
  const offersPrompts =
    added !== null && added <= todayHere() && added >= todayHere(new Date(Date.now() - 14 * 86_400_000));
  const [form, setForm] = useState({ date: todayHere(), kind: '', intention: '' });
  const action = useAction();
  return (
    <div className="page narrow">
      <p>
        <Link className="back-link" to="/journal">
          {t('journal.back')}
        </Link>
      </p>
      <h1>{t('journal.sessions.title')}</h1>
      <form
        className="card"
        onSubmit={(e) =>
          action.run(async () => {
            await http.post('/journal/sessions', {
              date: form.date,
              kind: form.kind,
              ...(form.intention ? { intention: form.intention } : {}),
            });
            setForm({ ...form, kind: '', intention: '' });
            setAdded(form.date);
            await sessions.reload();
          }, e)
        }
      >
        <h2>{t('journal.sessions.add')}</h2>
        <Field
          label={t('journal.sessions.date')}
          type="date"
          required
          value={form.date}
          onChange={(e) => setForm({ ...form, date: e.target.value })}
          error={action.fieldError('date')}
        />
        <Field
          label={t('journal.sessions.kind')}
          hint={t('journal.sessions.kindHint')}
          required
          value={form.kind}
          onChange={(e) => setForm({ ...form, kind: e.target.value })}
          error={action.fieldError('kind')}
        />
        <Field
          label={t('journal.sessions.intention')}
          multiline
          rows={2}
          value={form.intention}
          onChange={(e) => setForm({ ...form, intention: e.target.value })}
        />
        {action.error && <Alert tone="error">{action.error}</Alert>}
        {offersPrompts && (
          <Alert tone="success">
            {t('journal.sessions.prompts')} <Link to="/journal">{t('journal.sessions.toJournal')}</Link>
          </Alert>
        )}
        <button className="button" disabled={action.busy}>
          {t('journal.sessions.addButton')}
        </button>
      </form>
      {sessions.data ? (
        <ul className="card-list">
          {sessions.data.map((s) => (
            <li key={s.id} className="card">
              <p>
                <strong>{formatCalendarDay(s.date)}</strong> · {s.kind}
              </p>
              {s.intention && <p>{t('journal.sessions.intentionLine', { intention: s.intention })}</p>}
              <button
                type="button"
                className="button-quiet"
                onClick={() =>
                  action.run(async () => {
                    await http.delete(`/journal/sessions/${s.id}`);
                    await sessions.reload();
                  })
                }
              >
                {t('journal.sessions.delete')}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <Loading />
      )}
    </div>
  );
}
