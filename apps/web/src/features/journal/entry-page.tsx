import type {
  GroupDto,
  JournalEntryDto,
  JournalShareDto,
  JournalSupportDto,
  SavedJournalEntryDto,
  TherapySessionDto,
} from '@hearth/contracts';
import { useEffect, useState } from 'react';
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
          .map((t) => t.trim())
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
        <Link to="/journal">← Journal</Link>
      </p>
      <h1>{entryId ? 'Entry' : 'New entry'}</h1>
      {prompt && <p className="card prompt">{prompt}</p>}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <Field
          label="Title (optional)"
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          error={action.fieldError('title')}
        />
        <div className="row tabs-inline" role="group" aria-label="Editor view">
          <button type="button" className="tab" aria-pressed={!preview} onClick={() => setPreview(false)}>
            Write
          </button>
          <button type="button" className="tab" aria-pressed={preview} onClick={() => setPreview(true)}>
            Preview
          </button>
        </div>
        {preview ? (
          <Markdown text={body} className="markdown markdown-text" />
        ) : (
          <Field
            label="Your reflection"
            hint="Markdown works: *emphasis*, lists, > quotes."
            multiline
            rows={12}
            required
            value={body}
            onChange={(e) => setBody(e.target.value)}
            error={action.fieldError('body')}
          />
        )}
        <Field
          label="Tags, separated by commas"
          value={tags}
          onChange={(e) => setTags(e.target.value)}
          error={action.fieldError('tags')}
        />
        <Field
          label="Mood now, 0 to 10 (optional)"
          type="number"
          min={0}
          max={10}
          value={mood}
          onChange={(e) => setMood(e.target.value)}
        />
        <div className="field">
          <label htmlFor="entry-session">About a session (optional)</label>
          <select id="entry-session" value={sessionId} onChange={(e) => setSessionId(e.target.value)}>
            <option value="">None</option>
            {sessions.data?.map((s) => (
              <option key={s.id} value={s.id}>
                {formatCalendarDay(s.date)}: {s.kind}
              </option>
            ))}
          </select>
        </div>
        {action.error && <Alert tone="error">{action.error}</Alert>}
        {saved && <Alert tone="success">Saved.</Alert>}
        <div className="row">
          <button className="button" disabled={action.busy || !body.trim()}>
            Save entry
          </button>
          {entryId && (
            <button
              type="button"
              className="button button-danger"
              onClick={() =>
                window.confirm('Delete this entry for good?') &&
                action.run(async () => {
                  await http.delete(`/journal/entries/${entryId}`);
                  navigate('/journal');
                })
              }
            >
              Delete
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
  const active = (groups.data ?? []).filter((g) => g.membership?.status === 'active');
  const mine = (shares.data ?? []).filter((s) => s.entryId === entry.id);
  const groupName = (id: string) => groups.data?.find((g) => g.id === id)?.name ?? 'a group';
  return (
    <section className="card" aria-labelledby="share-title">
      <h2 id="share-title">Share</h2>
      <p className="muted">Nothing is shared unless you choose to. You can withdraw a share at any time.</p>
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
          <label htmlFor="share-group">Group</label>
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
          <legend>With whom</legend>
          <div className="check">
            <input
              type="radio"
              id="share-target-group"
              name="target"
              checked={target === 'group'}
              onChange={() => setTarget('group')}
            />
            <label htmlFor="share-target-group">The whole group, in the conversation</label>
          </div>
          <div className="check">
            <input
              type="radio"
              id="share-target-facilitators"
              name="target"
              checked={target === 'facilitators'}
              onChange={() => setTarget('facilitators')}
            />
            <label htmlFor="share-target-facilitators">Only the facilitators</label>
          </div>
        </fieldset>
        <Field
          label="Only a passage (optional)"
          hint="Leave empty to share the whole entry."
          multiline
          rows={3}
          value={excerpt}
          onChange={(e) => setExcerpt(e.target.value)}
          error={action.fieldError('excerpt')}
        />
        {action.error && <Alert tone="error">{action.error}</Alert>}
        <button className="button" disabled={action.busy || active.length === 0 || target === null}>
          Share
        </button>
      </form>
      {mine.length > 0 && (
        <ul className="shares">
          {mine.map((share) => (
            <li key={share.id}>
              {share.target === 'group' ? 'Shared with' : 'Shared with the facilitators of'}{' '}
              {groupName(share.groupId)}, {formatDateTime(share.createdAt)}
              {share.withdrawn ? (
                ' (withdrawn)'
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
                  Withdraw
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
