import { useState } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router-dom';

import { useSession } from '../../api/session';
import { Alert, Field, Loading, useAction } from '../../ui/components';
import { AuthFrame } from './auth-frame';
import { NewPasswordField } from './new-password-field';
import { SignInForm } from './sign-in-form';

/** Where to go after signing in: the page that asked, if it is one of ours. */
function useNext(): string {
  const [params] = useSearchParams();
  const next = params.get('next') ?? '/';
  return next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function SignInPage() {
  const session = useSession();
  const next = useNext();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  if (session.status === 'loading') return <Loading />;
  if (session.instance?.needsSetup) return <Navigate to="/setup" replace />;
  if (session.status === 'signedIn') return <Navigate to={next} replace />;
  return (
    <AuthFrame title="Welcome back" intro="Sign in to your groups and your journal.">
      {params.get('reset') === 'done' && (
        <Alert tone="success">Your new password is saved. Sign in with it.</Alert>
      )}
      <SignInForm onSignedIn={() => navigate(next, { replace: true })}>
        {(busy) => (
          <button className="button button-wide" disabled={busy}>
            {busy ? 'Signing in…' : 'Sign in'}
          </button>
        )}
      </SignInForm>
      <p>
        <Link to="/forgot-password">Forgot password?</Link>
      </p>
      {session.instance?.registration !== 'invite' && (
        <p>
          New here?{' '}
          <Link to={`/signup${next !== '/' ? `?next=${encodeURIComponent(next)}` : ''}`}>
            Create an account
          </Link>
        </p>
      )}
    </AuthFrame>
  );
}

export function AccountForm({ submitLabel, onDone }: { submitLabel: string; onDone: () => void }) {
  const session = useSession();
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const action = useAction();
  return (
    <form
      onSubmit={(e) =>
        action.run(async () => {
          await session.signUp({ displayName, email, password });
          onDone();
        }, e)
      }
    >
      <Field
        label="Your name"
        hint="Only you, your facilitators and admins see it. In groups you choose a pseudonym."
        autoComplete="name"
        required
        value={displayName}
        onChange={(e) => setDisplayName(e.target.value)}
        error={action.fieldError('displayName')}
      />
      <Field
        label="Email"
        type="email"
        autoComplete="email"
        required
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        error={action.fieldError('email')}
      />
      <NewPasswordField
        label="Password"
        value={password}
        onChange={setPassword}
        error={action.fieldError('password')}
      />
      {action.error && <Alert tone="error">{action.error}</Alert>}
      <button className="button button-wide" disabled={action.busy}>
        {action.busy ? 'Creating…' : submitLabel}
      </button>
    </form>
  );
}

export function SignUpPage() {
  const session = useSession();
  const next = useNext();
  const navigate = useNavigate();
  if (session.status === 'loading') return <Loading />;
  if (session.instance?.needsSetup) return <Navigate to="/setup" replace />;
  if (session.status === 'signedIn') return <Navigate to={next} replace />;
  return (
    <AuthFrame title="Create your account" intro="A quiet place to keep integrating between sessions.">
      <AccountForm submitLabel="Create account" onDone={() => navigate(next, { replace: true })} />
      <p>
        Already have an account?{' '}
        <Link to={`/signin${next !== '/' ? `?next=${encodeURIComponent(next)}` : ''}`}>Sign in</Link>
      </p>
    </AuthFrame>
  );
}

/** First run: the instance has no account yet; this one becomes its admin. */
export function SetupPage() {
  const session = useSession();
  if (session.status === 'loading') return <Loading />;
  // Once the admin exists (just now, or earlier) there is nothing to set up.
  if (!session.instance?.needsSetup)
    return <Navigate to={session.user?.role === 'admin' ? '/admin' : '/'} replace />;
  return (
    <AuthFrame
      title="Set up Hearth"
      intro="This instance has no accounts yet. The account you create now is its administrator: it manages people, groups and safety settings."
    >
      <AccountForm submitLabel="Create administrator" onDone={() => undefined} />
    </AuthFrame>
  );
}
