import type { TherapySessionDto } from '@hearth/contracts';
import { useState } from 'react';
import { Link } from 'react-router-dom';

import { http } from '../../api/http';
import { Alert, Field, Loading, useAction } from '../../ui/components';
import { formatCalendarDay, todayHere } from '../../ui/local-time';
import { useLoad } from '../../ui/use-load';

/** My therapy sessions: after each, the journal offers prompts on the days that follow. */
export function SessionsPage() {
  const sessions = useLoad(() => http.get<TherapySessionDto[]>('/journal/sessions'), []);
  const [form, setForm] = useState({ date: todayHere(), kind: '', intention: '' });
  const action = useAction();
  return (
    <div className="page narrow">
      <p>
        <Link to="/journal">← Journal</Link>
      </p>
      <h1>Sessions</h1>
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
            await sessions.reload();
          }, e)
        }
      >
        <h2>Add a session</h2>
        <Field
          label="Date"
          type="date"
          required
          value={form.date}
          onChange={(e) => setForm({ ...form, date: e.target.value })}
          error={action.fieldError('date')}
        />
        <Field
          label="Kind"
          hint="For example: ketamine-assisted therapy, integration session"
          required
          value={form.kind}
          onChange={(e) => setForm({ ...form, kind: e.target.value })}
          error={action.fieldError('kind')}
        />
        <Field
          label="Intention (optional)"
          multiline
          rows={2}
          value={form.intention}
          onChange={(e) => setForm({ ...form, intention: e.target.value })}
        />
        {action.error && <Alert tone="error">{action.error}</Alert>}
        <button className="button" disabled={action.busy}>
          Add session
        </button>
      </form>
      {sessions.data ? (
        <ul className="card-list">
          {sessions.data.map((s) => (
            <li key={s.id} className="card">
              <p>
                <strong>{formatCalendarDay(s.date)}</strong> · {s.kind}
              </p>
              {s.intention && <p>Intention: {s.intention}</p>}
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
                Delete
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
