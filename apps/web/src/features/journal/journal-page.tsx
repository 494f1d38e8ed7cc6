import type { DuePromptDto, JournalEntryDto, PromptDto } from '@hearth/contracts';
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

import { http } from '../../api/http';
import { Alert, Loading, formatDate } from '../../ui/components';
import { myTimeZone } from '../../ui/local-time';
import { Markdown, openingOf } from '../../ui/markdown';
import { useLoad } from '../../ui/use-load';

/** My journal: only I can read it (it is encrypted at rest; facilitators and admins never see it). */
export function JournalPage() {
  const { t, i18n } = useTranslation();
  // The library's prompts come in the language the app speaks.
  const language = i18n.resolvedLanguage === 'es' ? 'es' : 'en';
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
    [language],
  );
  const due = useLoad(
    () => http.get<DuePromptDto[]>(`/journal/prompts/due?tz=${encodeURIComponent(myTimeZone())}`),
    [language],
  );
  return (
    <div className="page">
      <div className="page-head">
        <h1>{t('journal.page.title')}</h1>
        <div className="row">
          <Link className="button" to="/journal/new">
            {t('journal.page.newEntry')}
          </Link>
          <Link className="button button-secondary" to="/journal/mood">
            {t('journal.page.mood')}
          </Link>
          <Link className="button button-secondary" to="/journal/questionnaires">
            {t('journal.page.questionnaires')}
          </Link>
          <Link className="button button-secondary" to="/journal/sessions">
            {t('journal.page.sessions')}
          </Link>
          <Link className="button button-secondary" to="/journal/safety-plan">
            {t('journal.page.safetyPlan')}
          </Link>
        </div>
      </div>
      <p className="muted">{t('journal.page.private')}</p>
      {today.data && (
        <section className="card prompt" aria-labelledby="prompt-title">
          <h2 id="prompt-title">{t('journal.page.promptTitle')}</h2>
          <p>{today.data.text}</p>
          <Link
            to={`/journal/new?prompt=${encodeURIComponent(today.data.id)}&text=${encodeURIComponent(today.data.text)}`}
          >
            {t('journal.page.writeAbout')}
          </Link>
        </section>
      )}
      {due.data && due.data.length > 0 && (
        <section className="card" aria-labelledby="due-title">
          <h2 id="due-title">{t('journal.page.afterSession')}</h2>
          <ul>
            {due.data.map((prompt) => (
              <li key={`${prompt.id}-${prompt.sessionId}`}>
                {prompt.text}{' '}
                <Link
                  to={`/journal/new?prompt=${encodeURIComponent(prompt.id)}&session=${prompt.sessionId}&text=${encodeURIComponent(prompt.text)}`}
                >
                  {t('journal.page.write')}
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
        <label htmlFor="journal-search">{t('journal.page.searchLabel')}</label>
        <div className="row">
          <input id="journal-search" type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
          <button className="button button-secondary">{t('journal.page.search')}</button>
        </div>
      </form>
      {tag && (
        <p>
          <Trans i18nKey="journal.page.tag" values={{ tag }} components={{ strong: <strong /> }} />{' '}
          <button type="button" className="button-quiet" onClick={() => setTag('')}>
            {t('journal.page.clearTag')}
          </button>
        </p>
      )}
      {entries.error && <Alert tone="error">{entries.error}</Alert>}
      {entries.loading && !entries.data ? (
        <Loading />
      ) : entries.data?.length ? (
        <ul className="card-list" aria-label={t('journal.page.entries')}>
          {entries.data.map((entry) => (
            <li key={entry.id} className="card entry-card">
              <h3>
                <Link to={`/journal/entries/${entry.id}`}>{entry.title || formatDate(entry.createdAt)}</Link>
              </h3>
              <p className="muted">
                {formatDate(entry.createdAt)}
                {entry.mood !== null ? ` · ${t('journal.page.entryMood', { mood: entry.mood })}` : ''}
              </p>
              <Markdown
                text={openingOf(entry.body)}
                topHeading={4}
                className="markdown-text markdown-compact"
              />
              {entry.tags.length > 0 && (
                <ul className="tags" aria-label={t('journal.page.tags')}>
                  {entry.tags.map((name) => (
                    <li key={name}>
                      <button type="button" className="tag-button" onClick={() => setTag(name)}>
                        #{name}
                      </button>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      ) : entries.error ? null : (
        <p className="empty">{search ? t('journal.page.noMatch') : t('journal.page.empty')}</p>
      )}
    </div>
  );
}
