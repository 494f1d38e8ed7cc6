import type {
  GroupDto,
  JournalEntryDto,
  JournalShareDto,
  JournalSupportDto,
  SavedJournalEntryDto,
  TherapySessionDto,
} from '@hearth/contracts';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router-dom';

import { http } from '../../api/http';
import { Alert, Field, Loading, formatDateTime, useAction } from '../../ui/components';
import { useDraft } from '../../ui/drafts';
import { formatCalendarDay } from '../../ui/local-time';
import { Markdown } from '../../ui/markdown';
import { useLoad } from '../../ui/use-load';
import { SupportCard } from '../safety-plan/support-card';

/** Write or edit an entry, preview it, and share it (or a passage of it) with a group or its facilitators. */
export function EntryPage() {
  const { entryId } = useParams();
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const existing = useLoad(
    async () => (entryId ? http.get<JournalEntryDto>(`/journal/entries/${entryId}`) : null),
    [entryId],
  );
  const sessions = useLoad(() => http.get<TherapySessionDto[]>('/journal/sessions'), []);
  const draftKey = `journal.${entryId ?? 'new'}`;
  const [title, setTitle] = useDraft(`${draftKey}.title`);
  const [body, setBody] = useDraft(`${draftKey}.body`);
  const [tags, setTags] = useState('');
  const [mood, setMood] = useState('');
  const [sessionId, setSessionId] = useState(params.get('session') ?? '');
  const [preview, setPreview] = useState(false);
  const [saved, setSaved] = useState(false);
  const location = useLocation();
  const [support, setSupport] = useState<JournalSupportDto | null>(
    (location.state as { support?: JournalSupportDto } | null)?.support ?? null,
  );
  const action = useAction();
  const prompt = params.get('text');

  useEffect(() => {
    const entry = existing.data;
    if (!entry) return;
    if (!sessionStorage.getItem(`hearth.draft.${draftKey}.body`)) setBody(entry.body);
    if (!sessionStorage.getItem(`hearth.draft.${draftKey}.title`)) setTitle(entry.title ?? '');
    setTags(entry.tags.join(', '));
    setMood(entry.mood === null ? '' : String(entry.mood));
    setSessionId(entry.sessionId ?? '');
    // Only when the entry arrives.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [existing.data]);

  if (entryId && existing.loading && !existing.data) return <Loading />;
  if (existing.error) return <Alert tone="error">{existing.error}</Alert>;

  const save = () =>
    action.run(async () => {
      const payload = {
        title: title.trim() || undefined,
        body,
        tags: tags
          .split(',')
          .map((tag) => tag.trim())
          .filter(Boolean),
        ...(mood !== '' ? { mood: Number(mood) } : {}),
        ...(sessionId ? { sessionId } : {}),
      };
      const entry = entryId
        ? await http.patch<SavedJournalEntryDto>(`/journal/entries/${entryId}`, payload)
        : await http.post<SavedJournalEntryDto>('/journal/entries', {
            ...payload,
            ...(params.get('prompt') ? { promptId: params.get('prompt') } : {}),
          });
      setTitle('');
      setBody('');
      setSaved(true);
      setSupport(entry.support);
      existing.setData(entry);
      if (!entryId)
        navigate(`/journal/entries/${entry.id}`, { replace: true, state: { support: entry.support } });
    });

  return (
    <div className="page narrow">
      <p>
        <Link className="back-link" to="/journal">
          {t('journal.back')}
        </Link>
      </p>
      {/* An entry is named by its title, as on the journal's list ("Entry" only for one without a title). */}
      <h1>
        {entryId ? existing.data?.title?.trim() || t('journal.entry.title') : t('journal.entry.newTitle')}
      </h1>
      {prompt && <p className="card prompt">{prompt}</p>}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <Field
          label={t('journal.entry.titleField')}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          error={action.fieldError('title')}
        />
        <div className="row tabs-inline" role="group" aria-label={t('journal.entry.editorView')}>
          <button type="button" className="tab" aria-pressed={!preview} onClick={() => setPreview(false)}>
            {t('journal.entry.write')}
          </button>
          <button type="button" className="tab" aria-pressed={preview} onClick={() => setPreview(true)}>
            {t('journal.entry.preview')}
          </button>
        </div>
        {preview ? (
          <Markdown text={body} className="markdown markdown-text" />
        ) : (
          <Field
            label={t('journal.entry.reflection')}
            hint={t('journal.entry.markdownHint')}
            multiline
            rows={12}
            required
            value={body}
            onChange={(e) => setBody(e.target.value)}
            error={action.fieldError('body')}
          />
        )}
        <Field
          label={t('journal.entry.tags')}
          value={tags}
          onChange={(e) => setTags(e.target.value)}
          error={action.fieldError('tags')}
        />
        <Field
          label={t('journal.entry.mood')}
          type="number"
          min={0}
          max={10}
          value={mood}
          onChange={(e) => setMood(e.target.value)}
        />
        <div className="field">
          <label htmlFor="entry-session">{t('journal.entry.session')}</label>
          <select id="entry-session" value={sessionId} onChange={(e) => setSessionId(e.target.value)}>
            <option value="">{t('journal.entry.noSession')}</option>
            {sessions.data?.map((s) => (
              <option key={s.id} value={s.id}>
                {t('journal.entry.sessionOption', { date: formatCalendarDay(s.date), kind: s.kind })}
              </option>
            ))}
          </select>
        </div>
        {action.error && <Alert tone="error">{action.error}</Alert>}
        {saved && <Alert tone="success">{t('journal.entry.saved')}</Alert>}
        <div className="row">
          <button className="button" disabled={action.busy || !body.trim()}>
            {t('journal.entry.save')}
          </button>
          {entryId && (
            <button
              type="button"
              className="button button-danger"
              onClick={() =>
                window.confirm(t('journal.entry.confirmDelete')) &&
                action.run(async () => {
                  await http.delete(`/journal/entries/${entryId}`);
                  navigate('/journal');
                })
              }
            >
              {t('journal.entry.delete')}
            </button>
          )}
        </div>
      </form>
      {support && <SupportCard support={support} />}
      {existing.data && <SharePanel entry={existing.data} />}
    </div>
  );
}

function SharePanel({ entry }: { entry: JournalEntryDto }) {
  const groups = useLoad(() => http.get<GroupDto[]>('/groups?scope=mine'), []);
  const shares = useLoad(() => http.get<JournalShareDto[]>('/journal/shares'), []);
  const [groupId, setGroupId] = useState('');
  // Nothing is chosen for her: a share reaches people only when she says who (never by a default).
  const [target, setTarget] = useState<'group' | 'facilitators' | null>(null);
  const [excerpt, setExcerpt] = useState('');
  const action = useAction();
  const { t } = useTranslation();
  const active = (groups.data ?? []).filter((g) => g.membership?.status === 'active');
  const mine = (shares.data ?? []).filter((s) => s.entryId === entry.id);
  const groupName = (id: string) => groups.data?.find((g) => g.id === id)?.name ?? t('journal.share.aGroup');
  return (
    <section className="card" aria-labelledby="share-title">
      <h2 id="share-title">{t('journal.share.title')}</h2>
      <p className="muted">{t('journal.share.intro')}</p>
      <form
        onSubmit={(e) =>
          action.run(async () => {
            await http.post(`/journal/entries/${entry.id}/shares`, {
              groupId: groupId || active[0]?.id,
              target,
              ...(excerpt.trim() ? { excerpt: excerpt.trim() } : {}),
            });
            setExcerpt('');
            await shares.reload();
          }, e)
        }
      >
        <div className="field">
          <label htmlFor="share-group">{t('journal.share.group')}</label>
          <select
            id="share-group"
            value={groupId || active[0]?.id || ''}
            onChange={(e) => setGroupId(e.target.value)}
          >
            {active.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
          </select>
        </div>
        <fieldset>
          <legend>{t('journal.share.withWhom')}</legend>
          <div className="check">
            <input
              type="radio"
              id="share-target-group"
              name="target"
              checked={target === 'group'}
              onChange={() => setTarget('group')}
            />
            <label htmlFor="share-target-group">{t('journal.share.wholeGroup')}</label>
          </div>
          <div className="check">
            <input
              type="radio"
              id="share-target-facilitators"
              name="target"
              checked={target === 'facilitators'}
              onChange={() => setTarget('facilitators')}
            />
            <label htmlFor="share-target-facilitators">{t('journal.share.facilitators')}</label>
          </div>
        </fieldset>
        <Field
          label={t('journal.share.passage')}
          hint={t('journal.share.passageHint')}
          multiline
          rows={3}
          value={excerpt}
          onChange={(e) => setExcerpt(e.target.value)}
          error={action.fieldError('excerpt')}
        />
        {action.error && <Alert tone="error">{action.error}</Alert>}
        <button className="button" disabled={action.busy || active.length === 0 || target === null}>
          {t('journal.share.share')}
        </button>
      </form>
      {mine.length > 0 && (
        <ul className="shares">
          {mine.map((share) => (
            <li key={share.id}>
              {share.target === 'group'
                ? t('journal.share.withGroup', {
                    group: groupName(share.groupId),
                    date: formatDateTime(share.createdAt),
                  })
                : t('journal.share.withFacilitators', {
                    group: groupName(share.groupId),
                    date: formatDateTime(share.createdAt),
                  })}
              {share.withdrawn ? (
                ` ${t('journal.share.withdrawn')}`
              ) : (
                <button
                  type="button"
                  className="button-quiet"
                  onClick={() =>
                    action.run(async () => {
                      await http.delete(`/journal/shares/${share.id}`);
                      await shares.reload();
                    })
                  }
                >
                  {t('journal.share.withdraw')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
