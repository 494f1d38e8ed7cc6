import type { PasswordResetRequestedDto, UserDto } from '@hearth/contracts';
import { useEffect, useRef, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';

import { errorText, http } from '../../api/http';
import { useSession } from '../../api/session';
import { Alert, Field, Loading, useAction } from '../../ui/components';
import { AuthFrame } from './auth-frame';
import { NewPasswordField } from './new-password-field';

/** "Forgot password?": a link by email, or, on an instance without email, whom to ask for one. */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const session = useSession();
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState<string | null>(null);
  const action = useAction();
  if (session.status === 'loading') return <Loading />;
  if (session.instance && !session.instance.email) {
    return (
      <AuthFrame title={t('auth.forgot.title')}>
        <p>{t('auth.forgot.noEmail')}</p>
        <p>
          <Link className="back-link" to="/signin">
            {t('auth.forgot.back')}
          </Link>
        </p>
      </AuthFrame>
    );
  }
  return (
    <AuthFrame title={t('auth.forgot.title')} intro={t('auth.forgot.intro')}>
      {sent ? (
        <Alert tone="success">{sent}</Alert>
      ) : (
        <form
          onSubmit={(e) =>
            action.run(async () => {
              await http.post<PasswordResetRequestedDto>(
                '/auth/password-reset',
                { email },
                { anonymous: true },
              );
              setSent(t('auth.forgot.sent'));
            }, e)
          }
        >
          <Field
            label={t('common.email')}
            type="email"
            autoComplete="email"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            error={action.fieldError('email')}
          />
          {action.error && !action.fieldError('email') && <Alert tone="error">{action.error}</Alert>}
          <button className="button button-wide" disabled={action.busy}>
            {action.busy ? t('auth.forgot.busy') : t('auth.forgot.submit')}
          </button>
        </form>
      )}
      <p>
        <Link className="back-link" to="/signin">
          {t('auth.forgot.back')}
        </Link>
      </p>
    </AuthFrame>
  );
}

/** The link from the email (or from an admin): a new password, then sign in with it. */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const navigate = useNavigate();
  const session = useSession();
  const [password, setPassword] = useState('');
  const action = useAction();
  return (
    <AuthFrame title={t('auth.reset.title')} intro={t('auth.reset.intro')}>
      {!token ? (
        <Alert tone="error">
          <Trans i18nKey="auth.reset.needsLink" components={{ ask: <Link to="/forgot-password" /> }} />
        </Alert>
      ) : (
        <form
          onSubmit={(e) =>
            action.run(async () => {
              await http.post('/auth/password-reset/complete', { token, password }, { anonymous: true });
              if (session.status !== 'signedOut') session.forget();
              navigate('/signin?reset=done', { replace: true });
            }, e)
          }
        >
          <NewPasswordField
            label={t('auth.reset.label')}
            value={password}
            onChange={setPassword}
            error={action.fieldError('password')}
          />
          {action.error && !action.fieldError('password') && (
            <Alert tone="error">
              {action.error} <Link to="/forgot-password">{t('auth.reset.askNew')}</Link>
            </Alert>
          )}
          <button className="button button-wide" disabled={action.busy}>
            {action.busy ? t('auth.reset.busy') : t('auth.reset.submit')}
          </button>
        </form>
      )}
    </AuthFrame>
  );
}

/** The link from a verification email. */
export function VerifyEmailPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const session = useSession();
  const [state, setState] = useState<{ done: boolean; error: string | null }>({ done: false, error: null });
  const started = useRef(false);
  const { status, setUser } = session;
  useEffect(() => {
    if (started.current || status === 'loading') return;
    started.current = true;
    (async () => {
      try {
        await http.post('/auth/verify-email', { token }, { anonymous: true });
        setState({ done: true, error: null });
        if (status === 'signedIn') setUser(await http.get<UserDto>('/me'));
      } catch (error) {
        setState({ done: false, error: errorText(error) });
      }
    })();
  }, [token, status, setUser]);
  return (
    <AuthFrame title={t('auth.verify.title')}>
      {state.error ? (
        <Alert tone="error">
          {state.error} {t('auth.verify.failed')}
        </Alert>
      ) : state.done ? (
        <Alert tone="success">{t('auth.verify.done')}</Alert>
      ) : (
        <Loading label={t('auth.verify.confirming')} />
      )}
      <p>
        <Link to={status === 'signedIn' ? '/' : '/signin'}>
          {status === 'signedIn' ? t('auth.verify.goHome') : t('auth.signIn.submit')}
        </Link>
      </p>
    </AuthFrame>
  );
}
