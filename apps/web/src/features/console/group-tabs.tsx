import type {
  AgreementDto,
  CreatedInviteDto,
  InviteDto,
  JoinRequestDto,
  RoomStateDto,
  SharedReflectionDto,
  MeetingDto,
} from '@hearth/contracts';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { http } from '../../api/http';
import { Alert, Field, formatDateTime, useAction, Pending } from '../../ui/components';
import { useLoad } from '../../ui/use-load';
import { meetingWhen } from '../home/meeting-times';

const base = (groupId: string) => `/groups/${groupId}`;

export function RoomTab({ groupId }: { groupId: string }) {
  const { t } = useTranslation();
  const state = useLoad(() => http.get<RoomStateDto>(`${base(groupId)}/moderation/mode`), [groupId]);
  const [mode, setMode] = useState<RoomStateDto['mode']>('open');
  const [slowSeconds, setSlowSeconds] = useState('30');
  const [premoderateDays, setPremoderateDays] = useState('');
  const action = useAction();
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (!state.data) return;
    setMode(state.data.mode);
    setSlowSeconds(String(state.data.slowSeconds ?? 30));
    setPremoderateDays(state.data.premoderateDays === null ? '' : String(state.data.premoderateDays));
  }, [state.data]);
  if (!state.data) return <Pending loaded={state} />;
  return (
    <form
      className="card"
      onSubmit={(e) =>
        action.run(async () => {
          await http.put(`${base(groupId)}/moderation/mode`, {
            mode,
            slowSeconds: mode === 'slow' ? Number(slowSeconds) : null,
            premoderateDays: premoderateDays === '' ? null : Number(premoderateDays),
          });
          setSaved(true);
        }, e)
      }
    >
      <h2>{t('console.room.title')}</h2>
      <fieldset>
        <legend>{t('console.room.who')}</legend>
        {(
          [
            ['open', t('console.room.open')],
            ['slow', t('console.room.slow')],
            ['read_only', t('console.room.readOnly')],
          ] as const
        ).map(([value, label]) => (
          <div className="check" key={value}>
            <input
              type="radio"
              id={`mode-${value}`}
              name="mode"
              checked={mode === value}
              onChange={() => setMode(value)}
            />
            <label htmlFor={`mode-${value}`}>{label}</label>
          </div>
        ))}
      </fieldset>
      {mode === 'slow' && (
        <Field
          label={t('console.room.seconds')}
          type="number"
          min={5}
          max={3600}
          value={slowSeconds}
          onChange={(e) => setSlowSeconds(e.target.value)}
        />
      )}
      <Field
        label={t('console.room.premoderate')}
        hint={t('console.room.premoderateHint')}
        type="number"
        min={0}
        max={365}
        value={premoderateDays}
        onChange={(e) => setPremoderateDays(e.target.value)}
      />
      {action.error && <Alert tone="error">{action.error}</Alert>}
      {saved && <Alert tone="success">{t('console.saved')}</Alert>}
      <button className="button" disabled={action.busy}>
        {t('console.room.save')}
      </button>
    </form>
  );
}

export function AgreementTab({ groupId }: { groupId: string }) {
  const { t } = useTranslation();
  const agreement = useLoad(() => http.get<AgreementDto>(`${base(groupId)}/agreement`), [groupId]);
  const [text, setText] = useState<string | null>(null);
  const action = useAction();
  if (!agreement.data) return <Pending loaded={agreement} />;
  const value = text ?? agreement.data.text;
  return (
    <form
      className="card"
      onSubmit={(e) =>
        action.run(async () => {
          agreement.setData(await http.put<AgreementDto>(`${base(groupId)}/agreement`, { text: value }));
          setText(null);
        }, e)
      }
    >
      <h2>{t('console.agreement.title', { version: agreement.data.version })}</h2>
      <Field
        label={t('console.agreement.text')}
        hint={t('console.agreement.hint')}
        multiline
        rows={12}
        value={value}
        onChange={(e) => setText(e.target.value)}
        error={action.fieldError('text')}
      />
      {action.error && <Alert tone="error">{action.error}</Alert>}
      <button className="button" disabled={action.busy || text === null || text === agreement.data.text}>
        {t('console.agreement.publish')}
      </button>
    </form>
  );
}

export function InvitesTab({ groupId }: { groupId: string }) {
  const { t } = useTranslation();
  const invites = useLoad(() => http.get<InviteDto[]>(`${base(groupId)}/invites`), [groupId]);
  const [created, setCreated] = useState<CreatedInviteDto | null>(null);
  const [label, setLabel] = useState('');
  const [hours, setHours] = useState('168');
  const action = useAction();
  const link = created ? `${location.origin}${created.path}` : '';
  return (
    <div>
      <form
        className="card"
        onSubmit={(e) =>
          action.run(async () => {
            setCreated(
              await http.post<CreatedInviteDto>(`${base(groupId)}/invites`, {
                expiresInHours: Number(hours),
                ...(label ? { label } : {}),
              }),
            );
            setLabel('');
            await invites.reload();
          }, e)
        }
      >
        <h2>{t('console.invites.title')}</h2>
        <Field label={t('console.invites.label')} value={label} onChange={(e) => setLabel(e.target.value)} />
        <Field
          label={t('console.invites.hours')}
          type="number"
          min={1}
          max={2160}
          value={hours}
          onChange={(e) => setHours(e.target.value)}
        />
        {action.error && <Alert tone="error">{action.error}</Alert>}
        <button className="button" disabled={action.busy}>
          {t('console.invites.create')}
        </button>
        {created && (
          <div className="invite-link">
            <label htmlFor="invite-link">{t('console.invites.share')}</label>
            <input id="invite-link" readOnly value={link} onFocus={(e) => e.target.select()} />
            <button
              type="button"
              className="button button-secondary"
              onClick={() => void navigator.clipboard?.writeText(link)}
            >
              {t('console.invites.copy')}
            </button>
          </div>
        )}
      </form>
      <h3>{t('console.invites.list')}</h3>
      {invites.data?.length === 0 && <p className="empty">{t('console.invites.empty')}</p>}
      <ul className="card-list">
        {invites.data?.map((invite) => (
          <li key={invite.id} className="card">
            <p>
              {invite.label ?? `…${invite.codeHint}`} ·{' '}
              {invite.maxUses
                ? t('console.invites.usedOf', { count: invite.uses, max: invite.maxUses })
                : t('console.invites.used', { count: invite.uses })}{' '}
              ·{' '}
              {invite.usable && invite.expiresAt
                ? t('console.invites.validUntil', { time: formatDateTime(invite.expiresAt) })
                : invite.usable
                  ? t('console.invites.noExpiry')
                  : t('console.invites.notValid')}
            </p>
            {invite.usable && (
              <button
                type="button"
                className="button button-secondary"
                onClick={() =>
                  action.run(async () => {
                    await http.delete(`${base(groupId)}/invites/${invite.id}`);
                    await invites.reload();
                  })
                }
              >
                {t('console.invites.revoke')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function JoinRequestsTab({ groupId }: { groupId: string }) {
  const { t } = useTranslation();
  const requests = useLoad(
    () => http.get<JoinRequestDto[]>(`${base(groupId)}/join-requests?status=pending`),
    [groupId],
  );
  const action = useAction();
  const decide = (id: string, decision: 'approve' | 'decline') =>
    action.run(async () => {
      await http.post(`${base(groupId)}/join-requests/${id}/${decision}`, {});
      await requests.reload();
    });
  if (!requests.data) return <Pending loaded={requests} />;
  return (
    <div>
      <h2>{t('console.requests.title')}</h2>
      {action.error && <Alert tone="error">{action.error}</Alert>}
      {requests.data.length === 0 && <p className="empty">{t('console.requests.empty')}</p>}
      <ul className="card-list">
        {requests.data.map((request) => (
          <li key={request.id} className="card">
            <p>
              <strong>{request.pseudonym}</strong>
              {request.applicant && (
                <span className="muted">
                  {' '}
                  · {request.applicant.displayName} &lt;{request.applicant.email}&gt;
                </span>
              )}{' '}
              · {formatDateTime(request.createdAt)}
            </p>
            {request.message && <blockquote>{request.message}</blockquote>}
            <div className="row">
              <button type="button" className="button" onClick={() => decide(request.id, 'approve')}>
                {t('console.requests.approve')}
              </button>
              <button
                type="button"
                className="button button-secondary"
                onClick={() => decide(request.id, 'decline')}
              >
                {t('console.requests.decline')}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function MeetingsTab({ groupId }: { groupId: string }) {
  const { t } = useTranslation();
  const meetings = useLoad(() => http.get<MeetingDto[]>(`${base(groupId)}/meetings`), [groupId]);
  const [form, setForm] = useState({
    title: '',
    startsAt: '',
    durationMinutes: '60',
    videoUrl: '',
    weekly: false,
  });
  const action = useAction();
  return (
    <div>
      <form
        className="card"
        onSubmit={(e) =>
          action.run(async () => {
            await http.post(`${base(groupId)}/meetings`, {
              title: form.title,
              startsAt: new Date(form.startsAt).toISOString(),
              durationMinutes: Number(form.durationMinutes),
              ...(form.videoUrl ? { videoUrl: form.videoUrl } : {}),
              ...(form.weekly ? { recurrence: 'weekly' } : {}),
            });
            setForm({ ...form, title: '', startsAt: '' });
            await meetings.reload();
          }, e)
        }
      >
        <h2>{t('console.meetings.title')}</h2>
        <Field
          label={t('console.meetings.name')}
          required
          value={form.title}
          onChange={(e) => setForm({ ...form, title: e.target.value })}
        />
        <Field
          label={t('console.meetings.starts')}
          type="datetime-local"
          required
          value={form.startsAt}
          onChange={(e) => setForm({ ...form, startsAt: e.target.value })}
        />
        <Field
          label={t('console.meetings.minutes')}
          type="number"
          min={15}
          max={480}
          value={form.durationMinutes}
          onChange={(e) => setForm({ ...form, durationMinutes: e.target.value })}
        />
        <Field
          label={t('console.meetings.video')}
          type="url"
          value={form.videoUrl}
          onChange={(e) => setForm({ ...form, videoUrl: e.target.value })}
        />
        <div className="check">
          <input
            id="weekly"
            type="checkbox"
            checked={form.weekly}
            onChange={(e) => setForm({ ...form, weekly: e.target.checked })}
          />
          <label htmlFor="weekly">{t('console.meetings.weekly')}</label>
        </div>
        {action.error && <Alert tone="error">{action.error}</Alert>}
        <button className="button" disabled={action.busy}>
          {t('console.meetings.schedule')}
        </button>
      </form>
      <ul className="card-list">
        {meetings.data?.map((meeting) => (
          <li key={meeting.id} className="card">
            <p>
              <strong>{meeting.title}</strong> · {meetingWhen(meeting)} ·{' '}
              {t('console.meetings.duration', { count: meeting.durationMinutes })}
            </p>
            {meeting.videoUrl && (
              <p>
                <a href={meeting.videoUrl} target="_blank" rel="noopener noreferrer">
                  {t('console.meetings.join')}
                  <span className="visually-hidden">
                    {' '}
                    {t('console.meetings.joinFor', { title: meeting.title })}
                  </span>
                </a>
              </p>
            )}
            <button
              type="button"
              className="button button-secondary"
              onClick={() =>
                action.run(async () => {
                  await http.delete(`${base(groupId)}/meetings/${meeting.id}`);
                  await meetings.reload();
                })
              }
            >
              {t('console.meetings.cancel')}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Reflections members chose to share with the facilitators only, not with the group. */
export function ReflectionsTab({ groupId }: { groupId: string }) {
  const { t } = useTranslation();
  const reflections = useLoad(
    () => http.get<SharedReflectionDto[]>(`${base(groupId)}/shared-reflections`),
    [groupId],
  );
  if (!reflections.data) return <Pending loaded={reflections} />;
  return (
    <div>
      <h2>{t('console.reflections.title')}</h2>
      <p className="muted">{t('console.reflections.lead')}</p>
      {reflections.data.length === 0 && <p className="empty">{t('console.reflections.empty')}</p>}
      <ul className="card-list">
        {reflections.data.map((reflection) => (
          <li key={reflection.id} className="card">
            <p className="muted">
              {reflection.pseudonym ?? t('console.aMember')} · {formatDateTime(reflection.createdAt)}
            </p>
            <blockquote>{reflection.excerpt}</blockquote>
          </li>
        ))}
      </ul>
    </div>
  );
}
