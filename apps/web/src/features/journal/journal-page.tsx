import type { DuePromptDto, JournalEntryDto, PromptDto } from '@hearth/contracts';
import { useState } from 'react';
import { Link } from 'react-router-dom';

import { http } from '../../api/http';
import { Alert, Loading, formatDate } from '../../ui/components';
import { myTimeZone } from '../../ui/local-time';
import { Markdown, openingOf } from '../../ui/markdown';
import { useLoad } from '../../ui/use-load';

/** My journal: only I can read it (it is encrypted at rest; facilitators and admins never see it). */
export function JournalPage() {
  const [query, setQuery] = useState('');
  const [search, setSearch] = useState('');
  const [tag, setTag] = useState('');
  const entries = useLoad(() => {
    const params = new URLSearchParams();
    if (search) params.set('q', search);
    if (tag) params.set('tag', tag);
    return http.get<JournalEntryDto[]>(`/journal/entries?${params}`);
  }, [search, tag]);
  const today = useLoad(
    () =>
      http.get<PromptDto & { date: string }>(`/journal/prompts/today?tz=${encodeURIComponent(myTimeZone())}`),
    [],
  );
  const due = useLoad(
    () => http.get<DuePromptDto[]>(`/journal/prompts/due?tz=${encodeURIComponent(myTimeZone())}`),
    [],
  );
  return (
    <div className="page">
      <div className="page-head">
        <h1>Journal</h1>
        <div className="row">
          <Link className="button" to="/journal/new">
            New entry
          </Link>
          <Link className="button button-secondary" to="/journal/mood">
            Mood
          </Link>
          <Link className="button button-secondary" to="/journal/questionnaires">
            Questionnaires
          </Link>
          <Link className="button button-secondary" to="/journal/sessions">
            Sessions
          </Link>
          <Link className="button button-secondary" to="/journal/safety-plan">
            Safety plan
          </Link>
        </div>
      </div>
      <p className="muted">
        Only you can read your journal. You choose what, if anything, to share. If you write here about being
        in danger, Hearth offers you help on the page and tells nobody.
      </p>
      {today.data && (
        <section className="card prompt" aria-labelledby="prompt-title">
          <h2 id="prompt-title">Prompt of the day</h2>
          <p>{today.data.text}</p>
          <Link
            to={`/journal/new?prompt=${encodeURIComponent(today.data.id)}&text=${encodeURIComponent(today.data.text)}`}
          >
            Write about this
          </Link>
        </section>
      )}
      {due.data && due.data.length > 0 && (
        <section className="card" aria-labelledby="due-title">
          <h2 id="due-title">After your session</h2>
          <ul>
            {due.data.map((prompt) => (
              <li key={`${prompt.id}-${prompt.sessionId}`}>
                {prompt.text}{' '}
                <Link
                  to={`/journal/new?prompt=${encodeURIComponent(prompt.id)}&session=${prompt.sessionId}&text=${encodeURIComponent(prompt.text)}`}
                >
                  Write
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      <form
        className="search"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setSearch(query.trim());
        }}
      >
        <label htmlFor="journal-search">Search your entries</label>
        <div className="row">
          <input id="journal-search" type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
          <button className="button button-secondary">Search</button>
        </div>
      </form>
      {tag && (
        <p>
          Tag: <strong>{tag}</strong>{' '}
          <button type="button" className="button-quiet" onClick={() => setTag('')}>
            Clear
          </button>
        </p>
      )}
      {entries.error && <Alert tone="error">{entries.error}</Alert>}
      {entries.loading && !entries.data ? (
        <Loading />
      ) : entries.data?.length ? (
        <ul className="card-list" aria-label="Entries">
          {entries.data.map((entry) => (
            <li key={entry.id} className="card entry-card">
              <h3>
                <Link to={`/journal/entries/${entry.id}`}>{entry.title || formatDate(entry.createdAt)}</Link>
              </h3>
              <p className="muted">
                {formatDate(entry.createdAt)}
                {entry.mood !== null ? ` · mood ${entry.mood}/10` : ''}
              </p>
              <Markdown
                text={openingOf(entry.body)}
                topHeading={4}
                className="markdown-text markdown-compact"
              />
              {entry.tags.length > 0 && (
                <ul className="tags" aria-label="Tags">
                  {entry.tags.map((t) => (
                    <li key={t}>
                      <button type="button" className="tag-button" onClick={() => setTag(t)}>
                        #{t}
                      </button>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      ) : entries.error ? null : (
        <p className="empty">{search ? 'No entry matches.' : 'No entries yet. Whenever you are ready.'}</p>
      )}
    </div>
  );
}
