import type { EmailVerificationSentDto, GroupDto, UserDto } from '@hearth/contracts';
import { useState } from 'react';

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
  const session = useSession();
  const user = session.user!;
  return (
    <div className="page narrow">
      <h1>Account</h1>
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
        <h2>Sign out</h2>
        <button type="button" className="button button-secondary" onClick={() => void session.signOut()}>
          Sign out of this device
        </button>
      </section>
    </div>
  );
}

function Profile({ user, onSaved }: { user: UserDto; onSaved: (user: UserDto) => void }) {
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
      <h2>Profile</h2>
      <p className="muted">
        Signed in as {user.email}. Your name is seen by facilitators and admins only
        {user.role === 'member'
          ? '.'
          : ', and by the members whose details you open: their access history shows who looked (never your email).'}
      </p>
      <Field
        label="Your name"
        required
        value={displayName}
        onChange={(e) => setDisplayName(e.target.value)}
        error={action.fieldError('displayName')}
      />
      {action.error && <Alert tone="error">{action.error}</Alert>}
      {saved && <Alert tone="success">Saved.</Alert>}
      <button className="button" disabled={action.busy}>
        Save profile
      </button>
    </form>
  );
}

/** A gentle reminder while the address is unconfirmed: Hearth relies on it only once it is. */
function EmailVerification() {
  const [sent, setSent] = useState<string | null>(null);
  const action = useAction();
  return (
    <section className="card" aria-labelledby="verify-email-title">
      <h2 id="verify-email-title">Confirm your email address</h2>
      <p className="muted">
        We sent you a link when you joined. Once you open it, Hearth can reach you there when it matters, and
        you can get back in if you forget your password.
      </p>
      {sent && <Alert tone="success">{sent}</Alert>}
      {action.error && <Alert tone="error">{action.error}</Alert>}
      <button
        type="button"
        className="button button-secondary"
        disabled={action.busy}
        onClick={() =>
          void action.run(async () => {
            setSent((await http.post<EmailVerificationSentDto>('/me/email-verification')).message);
          })
        }
      >
        Send me a new link
      </button>
    </section>
  );
}

function Pseudonyms({ userId }: { userId: string }) {
  const groups = useLoad(() => http.get<GroupDto[]>('/groups?scope=mine'), []);
  const active = (groups.data ?? []).filter((g) => g.membership?.status === 'active');
  if (active.length === 0) return null;
  return (
    <section className="card">
      <h2>Pseudonyms</h2>
      <p className="muted">Each group knows you by the name you chose there.</p>
      {active.map((group) => (
        <PseudonymForm key={group.id} group={group} userId={userId} />
      ))}
    </section>
  );
}

function PseudonymForm({ group, userId }: { group: GroupDto; userId: string }) {
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
        label={`In ${group.name}`}
        required
        value={pseudonym}
        onChange={(e) => setPseudonym(e.target.value)}
        error={action.fieldError('pseudonym') ?? action.error ?? undefined}
      />
      <button className="button button-secondary" disabled={action.busy}>
        {saved ? 'Saved' : 'Save'}
      </button>
    </form>
  );
}

function Password() {
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
      <h2>Change password</h2>
      <Field
        label="Current password"
        type="password"
        autoComplete="current-password"
        required
        value={currentPassword}
        onChange={(e) => setCurrent(e.target.value)}
        error={action.fieldError('currentPassword')}
      />
      <Field
        label="New password"
        type="password"
        autoComplete="new-password"
        hint="At least 12 characters. Your other devices are signed out."
        required
        value={newPassword}
        onChange={(e) => setNew(e.target.value)}
        error={action.fieldError('newPassword')}
      />
      {action.error && <Alert tone="error">{action.error}</Alert>}
      {saved && <Alert tone="success">Password changed.</Alert>}
      <button className="button" disabled={action.busy}>
        Change password
      </button>
    </form>
  );
}

function CalendarFeed() {
  const [url, setUrl] = useState<string | null>(null);
  const action = useAction();
  return (
    <section className="card">
      <h2>Calendar</h2>
      <p className="muted">
        Subscribe to your group meetings in your calendar app. Making a new link stops the old one.
      </p>
      {url && (
        <div className="invite-link">
          <label htmlFor="calendar-url">Your private calendar link</label>
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
        {url ? 'Make a new link' : 'Get calendar link'}
      </button>
    </section>
  );
}

function MyData() {
  const session = useSession();
  const [confirming, setConfirming] = useState(false);
  const exporting = useAction();
  return (
    <section className="card">
      <h2>Your data</h2>
      <p className="muted">
        Download everything Hearth holds about you, including your journal, as a zip file.
      </p>
      {exporting.error && <Alert tone="error">{exporting.error}</Alert>}
      <button
        type="button"
        className="button button-secondary"
        disabled={exporting.busy}
        onClick={() => exporting.run(() => http.download('/me/export', {}, 'hearth-export.zip'))}
      >
        {exporting.busy ? 'Preparing…' : 'Export my data'}
      </button>
      <h3>Delete account</h3>
      <p className="muted">Your account, journal and personal data are erased. This cannot be undone.</p>
      <button type="button" className="button button-danger" onClick={() => setConfirming(true)}>
        Delete my account
      </button>
      <PasswordDialog
        open={confirming}
        title="Delete your account?"
        intro="Your journal, check-ins and account will be erased for good. Consider exporting them first."
        confirm="Delete for good"
        cancel="Keep my account"
        danger
        onClose={() => setConfirming(false)}
        onConfirm={async (password) => {
          await http.delete('/me', { password });
          session.forget();
        }}
      />
    </section>
  );
}
