import type { GroupDto } from '@hearth/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';

import { http } from '../../api/http';
import { LANGUAGES, type Language } from '../../i18n';
import { useSession } from '../../api/session';
import { useRoleVersion } from '../../chat/chat-context';
import { Alert, Dialog, Field, Loading, useAction } from '../../ui/components';
import { myTimeZone } from '../../ui/local-time';
import { useLoad } from '../../ui/use-load';
import { MyCheckIns } from '../check-in/my-check-ins';
import { NotificationsPrompt } from '../notifications/notifications-prompt';
import { GroupCard } from './group-card';
import { MyMeetings } from './my-meetings';

export function HomePage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const roleVersion = useRoleVersion();
  const mine = useLoad(() => http.get<GroupDto[]>('/groups?scope=mine'), [roleVersion, user?.role]);
  const discover = useLoad(() => http.get<GroupDto[]>('/groups?scope=discover'), []);
  const [creating, setCreating] = useState(false);
  const canCreate = user?.role === 'admin' || user?.role === 'facilitator';
  const joinable = (discover.data ?? []).filter(
    (g) => !g.membership || ['left'].includes(g.membership.status),
  );
  return (
    <div className="page">
      <div className="page-head">
        <h1>{t('home.title')}</h1>
        {canCreate && (
          <button type="button" className="button" onClick={() => setCreating(true)}>
            {t('home.newGroup')}
          </button>
        )}
      </div>
      <NotificationsPrompt />
      {mine.error && <Alert tone="error">{mine.error}</Alert>}
      {mine.loading && !mine.data ? (
        <Loading />
      ) : mine.data?.length ? (
        <ul className="card-list">
          {mine.data.map((group) => (
            <GroupCard key={group.id} group={group} />
          ))}
        </ul>
      ) : (
        <p className="empty">{t(canCreate ? 'home.emptyStaff' : 'home.empty')}</p>
      )}
      <MyCheckIns reloadKey={roleVersion} />
      <MyMeetings reloadKey={roleVersion} />
      <RedeemInvite />
      <section aria-labelledby="discover-title">
        <h2 id="discover-title">{t('home.discoverTitle')}</h2>
        {discover.error && <Alert tone="error">{discover.error}</Alert>}
        {joinable.length ? (
          <ul className="card-list">
            {joinable.map((group) => (
              <DiscoverCard key={group.id} group={group} onRequested={() => void discover.reload()} />
            ))}
          </ul>
        ) : (
          !discover.loading && <p className="empty">{t('home.noneOpen')}</p>
        )}
      </section>
      <CreateGroupDialog open={creating} onClose={() => setCreating(false)} />
    </div>
  );
}

function RedeemInvite() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [code, setCode] = useState('');
  return (
    <form
      className="card inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        const trimmed = code.trim().replace(/^.*\/invite\//, '');
        if (trimmed) navigate(`/invite/${encodeURIComponent(trimmed)}`);
      }}
    >
      <Field
        label={t('home.redeem.label')}
        hint={t('home.redeem.hint')}
        value={code}
        onChange={(e) => setCode(e.target.value)}
      />
      <button className="button button-secondary">{t('home.redeem.submit')}</button>
    </form>
  );
}

function DiscoverCard({ group, onRequested }: { group: GroupDto; onRequested: () => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [pseudonym, setPseudonym] = useState('');
  const [message, setMessage] = useState('');
  const [sent, setSent] = useState(false);
  const action = useAction();
  return (
    <li className="card group-card">
      <h3>{group.name}</h3>
      <p>{group.description}</p>
      <p className="muted">
        {group.kind === 'cohort' ? t('home.kind.cohort') : t('home.kind.circle')} ·{' '}
        {t('home.discover.places', { count: group.seatsLeft, capacity: group.capacity })}
      </p>
      {sent ? (
        <Alert tone="success">{t('home.discover.sent')}</Alert>
      ) : (
        <button
          type="button"
          className="button button-secondary"
          onClick={() => setOpen(true)}
          disabled={group.seatsLeft === 0}
        >
          {t('home.discover.ask')}
        </button>
      )}
      <Dialog
        open={open}
        title={t('home.discover.askTitle', { name: group.name })}
        onClose={() => setOpen(false)}
      >
        <form
          onSubmit={(e) =>
            action.run(async () => {
              await http.post(`/groups/${group.id}/join-requests`, {
                pseudonym,
                ...(message ? { message } : {}),
              });
              setSent(true);
              setOpen(false);
              onRequested();
            }, e)
          }
        >
          <Field
            label={t('home.discover.pseudonym')}
            hint={t('home.discover.pseudonymHint')}
            required
            value={pseudonym}
            onChange={(e) => setPseudonym(e.target.value)}
            error={action.fieldError('pseudonym')}
          />
          <Field
            label={t('home.discover.note')}
            multiline
            value={message}
            onChange={(e) => setMessage(e.target.value)}
          />
          {action.error && <Alert tone="error">{action.error}</Alert>}
          <button className="button" disabled={action.busy}>
            {t('home.discover.send')}
          </button>
        </form>
      </Dialog>
    </li>
  );
}

function CreateGroupDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [form, setForm] = useState({
    // The group's language writes its default agreement; it starts as the page's, and may differ from it.
    language: (LANGUAGES.find((l) => l.code === i18n.resolvedLanguage) ?? LANGUAGES[0]).code as Language,
    name: '',
    description: '',
    kind: 'circle',
    visibility: 'listed',
    capacity: '12',
    facilitatorPseudonym: '',
  });
  const action = useAction();
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm({ ...form, [key]: e.target.value });
  return (
    <Dialog open={open} title={t('home.newGroup')} onClose={onClose}>
      <form
        onSubmit={(e) =>
          action.run(async () => {
            const created = await http.post<GroupDto>('/groups', {
              name: form.name,
              description: form.description,
              kind: form.kind,
              visibility: form.visibility,
              capacity: Number(form.capacity),
              timezone: myTimeZone(),
              language: form.language,
              ...(form.facilitatorPseudonym ? { facilitatorPseudonym: form.facilitatorPseudonym } : {}),
            });
            onClose();
            navigate(`/groups/${created.id}/console`);
          }, e)
        }
      >
        <Field
          label={t('home.create.name')}
          required
          value={form.name}
          onChange={set('name')}
          error={action.fieldError('name')}
        />
        <Field
          label={t('home.create.description')}
          multiline
          value={form.description}
          onChange={set('description')}
          error={action.fieldError('description')}
        />
        <div className="field">
          <label htmlFor="group-kind">{t('home.create.kind')}</label>
          <select id="group-kind" value={form.kind} onChange={set('kind')}>
            <option value="circle">{t('home.create.circle')}</option>
            <option value="cohort">{t('home.create.cohort')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="group-language">{t('home.create.language')}</label>
          <select
            id="group-language"
            value={form.language}
            onChange={set('language')}
            aria-describedby="group-language-hint"
          >
            {LANGUAGES.map((l) => (
              <option key={l.code} value={l.code} lang={l.code}>
                {l.name}
              </option>
            ))}
          </select>
          <p className="hint" id="group-language-hint">
            {t('home.create.languageHint')}
          </p>
        </div>
        <div className="field">
          <label htmlFor="group-visibility">{t('home.create.visibility')}</label>
          <select id="group-visibility" value={form.visibility} onChange={set('visibility')}>
            <option value="listed">{t('home.create.listed')}</option>
            <option value="unlisted">{t('home.create.unlisted')}</option>
          </select>
        </div>
        <Field
          label={t('home.create.places')}
          type="number"
          min={2}
          max={100}
          value={form.capacity}
          onChange={set('capacity')}
          error={action.fieldError('capacity')}
        />
        <Field
          label={t('home.create.pseudonym')}
          value={form.facilitatorPseudonym}
          onChange={set('facilitatorPseudonym')}
        />
        {action.error && <Alert tone="error">{action.error}</Alert>}
        <button className="button" disabled={action.busy}>
          {t('home.create.submit')}
        </button>
      </form>
    </Dialog>
  );
}
