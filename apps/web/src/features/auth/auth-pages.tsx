import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
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
  const { t } = useTranslation();
  const session = useSession();
  const next = useNext();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  if (session.status === 'loading') return <Loading />;
  if (session.instance?.needsSetup) return <Navigate to="/setup" replace />;
  if (session.status === 'signedIn') return <Navigate to={next} replace />;
  return (
    <AuthFrame title={t('auth.signIn.title')} intro={t('auth.signIn.intro')}>
      {params.get('reset') === 'done' && <Alert tone="success">{t('auth.signIn.resetDone')}</Alert>}
      <SignInForm onSignedIn={() => navigate(next, { replace: true })}>
        {(busy) => (
          <button className="button button-wide" disabled={busy}>
            {busy ? t('auth.signIn.busy') : t('auth.signIn.submit')}
          </button>
        )}
      </SignInForm>
      <p className="card-link">
        <Link to="/forgot-password">{t('auth.signIn.forgot')}</Link>
      </p>
      {session.instance?.registration !== 'invite' && (
        <p>
          <Trans
            i18nKey="auth.signIn.newHere"
            components={{
              signup: <Link to={`/signup${next !== '/' ? `?next=${encodeURIComponent(next)}` : ''}`} />,
            }}
          />
        </p>
      )}
    </AuthFrame>
  );
}

export function AccountForm({ submitLabel, onDone }: { submitLabel: string; onDone: () => void }) {
  const { t } = useTranslation();
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
        label={t('common.yourName')}
        hint={t('auth.signUp.nameHint')}
        autoComplete="name"
        required
        value={displayName}
        onChange={(e) => setDisplayName(e.target.value)}
        error={action.fieldError('displayName')}
      />
      <Field
        label={t('common.email')}
        type="email"
        autoComplete="email"
        required
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        error={action.fieldError('email')}
      />
      <NewPasswordField
        label={t('common.password')}
        value={password}
        onChange={setPassword}
        error={action.fieldError('password')}
      />
      {action.error && <Alert tone="error">{action.error}</Alert>}
      <button className="button button-wide" disabled={action.busy}>
        {action.busy ? t('auth.signUp.busy') : submitLabel}
      </button>
    </form>
  );
}

export function SignUpPage() {
  const { t } = useTranslation();
  const session = useSession();
  const next = useNext();
  const navigate = useNavigate();
  if (session.status === 'loading') return <Loading />;
  if (session.instance?.needsSetup) return <Navigate to="/setup" replace />;
  if (session.status === 'signedIn') return <Navigate to={next} replace />;
  return (
    <AuthFrame title={t('auth.signUp.title')} intro={t('auth.signUp.intro')}>
      <AccountForm submitLabel={t('auth.signUp.submit')} onDone={() => navigate(next, { replace: true })} />
      <p>
        <Trans
          i18nKey="auth.signUp.haveAccount"
          components={{
            signin: <Link to={`/signin${next !== '/' ? `?next=${encodeURIComponent(next)}` : ''}`} />,
          }}
        />
      </p>
    </AuthFrame>
  );
}

/** First run: the instance has no account yet; this one becomes its admin. */
export function SetupPage() {
  const { t } = useTranslation();
  const session = useSession();
  if (session.status === 'loading') return <Loading />;
  // Once the admin exists (just now, or earlier) there is nothing to set up.
  if (!session.instance?.needsSetup)
    return <Navigate to={session.user?.role === 'admin' ? '/admin' : '/'} replace />;
  return (
    <AuthFrame title={t('auth.setup.title')} intro={t('auth.setup.intro')}>
      <AccountForm submitLabel={t('auth.setup.submit')} onDone={() => undefined} />
    </AuthFrame>
  );
}
