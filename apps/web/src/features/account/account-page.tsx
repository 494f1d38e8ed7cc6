import type { EmailVerificationSentDto, GroupDto, UserDto } from '@hearth/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { http } from '../../api/http';
import { useSession } from '../../api/session';
import { Alert, Field, useAction } from '../../ui/components';
import { PasswordDialog } from '../../ui/password-dialog';
import { useLoad } from '../../ui/use-load';
import { DeviceNotifications } from '../notifications/device-notifications';
import { NotificationPreferences } from '../notifications/notification-preferences';
import { LanguageChoice } from './language-choice';
import { AccessHistory } from './access-history';
import { SignIns } from './sign-ins';
import { TwoFactorSection } from './two-factor-section';

export function AccountPage() {
  const { t } = useTranslation();
  const session = useSession();
  const user = session.user!;
  return (
    <div className="page narrow">
      <h1>{t('account.title')}</h1>
      {session.instance?.email && !user.emailVerified && <EmailVerification />}
      <Profile user={user} onSaved={session.setUser} />
      <LanguageChoice />
      <Pseudonyms userId={user.id} />
      <Password />
      <TwoFactorSection />
      <SignIns />
      <AccessHistory />
      <DeviceNotifications />
      <NotificationPreferences />
      <CalendarFeed />
      <MyData />
      <section className="card">
        <h2>{t('account.signOut.title')}</h2>
        <button type="button" className="button button-secondary" onClick={() => void session.signOut()}>
          {t('account.signOut.button')}
        </button>
      </section>
    </div>
  );
}

function Profile({ user, onSaved }: { user: UserDto; onSaved: (user: UserDto) => void }) {
  const { t } = useTranslation();
  const [displayName, setDisplayName] = useState(user.displayName);
  const [saved, setSaved] = useState(false);
  const action = useAction();
  return (
    <form
      className="card"
      onSubmit={(e) =>
        action.run(async () => {
          onSaved(await http.patch<UserDto>('/me', { displayName }));
          setSaved(true);
        }, e)
      }
    >
      <h2>{t('account.profile.title')}</h2>
      <p className="muted">
        {user.role === 'member'
          ? t('account.profile.seenBy', { email: user.email })
          : t('account.profile.seenByStaff', { email: user.email })}
      </p>
      <Field
        label={t('common.yourName')}
        required
        value={displayName}
        onChange={(e) => setDisplayName(e.target.value)}
        error={action.fieldError('displayName')}
      />
      {action.error && <Alert tone="error">{action.error}</Alert>}
      {saved && <Alert tone="success">{t('common.savedNote')}</Alert>}
      <button className="button" disabled={action.busy}>
        {t('account.profile.save')}
      </button>
    </form>
  );
}

/** A gentle reminder while the address is unconfirmed: Hearth relies on it only once it is. */
function EmailVerification() {
  const { t } = useTranslation();
  const [sent, setSent] = useState<string | null>(null);
  const action = useAction();
  return (
    <section className="card" aria-labelledby="verify-email-title">
      <h2 id="verify-email-title">{t('account.verify.title')}</h2>
      <p className="muted">{t('account.verify.body')}</p>
      {sent && <Alert tone="success">{sent}</Alert>}
      {action.error && <Alert tone="error">{action.error}</Alert>}
      <button
        type="button"
        className="button button-secondary"
        disabled={action.busy}
        onClick={() =>
          void action.run(async () => {
            await http.post<EmailVerificationSentDto>('/me/email-verification');
            setSent(t('account.verify.sent'));
          })
        }
      >
        {t('account.verify.resend')}
      </button>
    </section>
  );
}

function Pseudonyms({ userId }: { userId: string }) {
  const { t } = useTranslation();
  const groups = useLoad(() => http.get<GroupDto[]>('/groups?scope=mine'), []);
  const active = (groups.data ?? []).filter((g) => g.membership?.status === 'active');
  if (active.length === 0) return null;
  return (
    <section className="card">
      <h2>{t('account.pseudonyms.title')}</h2>
      <p className="muted">{t('account.pseudonyms.body')}</p>
      {active.map((group) => (
        <PseudonymForm key={group.id} group={group} userId={userId} />
      ))}
    </section>
  );
}

function PseudonymForm({ group, userId }: { group: GroupDto; userId: string }) {
  const { t } = useTranslation();
  const [pseudonym, setPseudonym] = useState(group.membership?.pseudonym ?? '');
  const [saved, setSaved] = useState(false);
  const action = useAction();
  return (
    <form
      className="inline-form"
      onSubmit={(e) =>
        action.run(async () => {
          await http.patch(`/groups/${group.id}/members/${userId}`, { pseudonym });
          setSaved(true);
        }, e)
      }
    >
      <Field
        label={t('account.pseudonyms.inGroup', { name: group.name })}
        required
        value={pseudonym}
        onChange={(e) => setPseudonym(e.target.value)}
        error={action.fieldError('pseudonym') ?? action.error ?? undefined}
      />
      <button className="button button-secondary" disabled={action.busy}>
        {saved ? t('common.saved') : t('common.save')}
      </button>
    </form>
  );
}

function Password() {
  const { t } = useTranslation();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [saved, setSaved] = useState(false);
  const action = useAction();
  return (
    <form
      className="card"
      onSubmit={(e) =>
        action.run(async () => {
          await http.patch('/me', { currentPassword, newPassword });
          setCurrent('');
          setNew('');
          setSaved(true);
        }, e)
      }
    >
      <h2>{t('account.password.title')}</h2>
      <Field
        label={t('account.password.current')}
        type="password"
        autoComplete="current-password"
        required
        value={currentPassword}
        onChange={(e) => setCurrent(e.target.value)}
        error={action.fieldError('currentPassword')}
      />
      <Field
        label={t('account.password.new')}
        type="password"
        autoComplete="new-password"
        hint={t('account.password.hint')}
        required
        value={newPassword}
        onChange={(e) => setNew(e.target.value)}
        error={action.fieldError('newPassword')}
      />
      {action.error && <Alert tone="error">{action.error}</Alert>}
      {saved && <Alert tone="success">{t('account.password.changed')}</Alert>}
      <button className="button" disabled={action.busy}>
        {t('account.password.submit')}
      </button>
    </form>
  );
}

function CalendarFeed() {
  const { t } = useTranslation();
  const [url, setUrl] = useState<string | null>(null);
  const action = useAction();
  return (
    <section className="card">
      <h2>{t('account.calendar.title')}</h2>
      <p className="muted">{t('account.calendar.body')}</p>
      {url && (
        <div className="invite-link">
          <label htmlFor="calendar-url">{t('account.calendar.link')}</label>
          <input id="calendar-url" readOnly value={url} onFocus={(e) => e.target.select()} />
        </div>
      )}
      {action.error && <Alert tone="error">{action.error}</Alert>}
      <button
        type="button"
        className="button button-secondary"
        onClick={() =>
          action.run(async () => {
            const token = await http.post<{ path: string }>('/me/calendar-token');
            setUrl(`${location.origin}${token.path.startsWith('/api') ? '' : '/api'}${token.path}`);
          })
        }
      >
        {url ? t('account.calendar.renew') : t('account.calendar.get')}
      </button>
    </section>
  );
}

function MyData() {
  const { t } = useTranslation();
  const session = useSession();
  const [confirming, setConfirming] = useState(false);
  const exporting = useAction();
  return (
    <section className="card">
      <h2>{t('account.data.title')}</h2>
      <p className="muted">{t('account.data.body')}</p>
      {exporting.error && <Alert tone="error">{exporting.error}</Alert>}
      <button
        type="button"
        className="button button-secondary"
        disabled={exporting.busy}
        onClick={() => exporting.run(() => http.download('/me/export', {}, 'hearth-export.zip'))}
      >
        {exporting.busy ? t('account.data.preparing') : t('account.data.export')}
      </button>
      <h3>{t('account.data.deleteTitle')}</h3>
      <p className="muted">{t('account.data.deleteBody')}</p>
      <button type="button" className="button button-danger" onClick={() => setConfirming(true)}>
        {t('account.data.delete')}
      </button>
      <PasswordDialog
        open={confirming}
        title={t('account.data.confirmTitle')}
        intro={t('account.data.confirmBody')}
        confirm={t('account.data.confirm')}
        cancel={t('account.data.keep')}
        danger
        onClose={() => setConfirming(false)}
        onConfirm={async (password) => {
          await http.delete('/me', { password });
          session.forget('/account-deleted');
        }}
      />
    </section>
  );
}
