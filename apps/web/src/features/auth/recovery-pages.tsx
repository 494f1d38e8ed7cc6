import type { PasswordResetRequestedDto, UserDto } from '@hearth/contracts';
import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';

import { errorText, http } from '../../api/http';
import { useSession } from '../../api/session';
import { Alert, Field, Loading, useAction } from '../../ui/components';
import { AuthFrame } from './auth-frame';
import { NewPasswordField } from './new-password-field';

/** "Forgot password?": a link by email, or, on an instance without email, whom to ask for one. */
export function ForgotPasswordPage() {
  const session = useSession();
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState<string | null>(null);
  const action = useAction();
  if (session.status === 'loading') return <Loading />;
  if (session.instance && !session.instance.email) {
    return (
      <AuthFrame title="Forgot your password?">
        <p>
          This Hearth does not send email, so it cannot send you a link. Please ask your group’s facilitator
          or an admin for a reset link. An admin can make one for you; it works once, for 30 minutes.
        </p>
        <p>
          <Link to="/signin">Back to sign in</Link>
        </p>
      </AuthFrame>
    );
  }
  return (
    <AuthFrame
      title="Forgot your password?"
      intro="Tell us the address you sign in with. If an account uses it, we email a link to choose a new password."
    >
      {sent ? (
        <Alert tone="success">{sent}</Alert>
      ) : (
        <form
          onSubmit={(e) =>
            action.run(async () => {
              const answer = await http.post<PasswordResetRequestedDto>(
                '/auth/password-reset',
                { email },
                { anonymous: true },
              );
              setSent(answer.message);
            }, e)
          }
        >
          <Field
            label="Email"
            type="email"
            autoComplete="email"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            error={action.fieldError('email')}
          />
          {action.error && !action.fieldError('email') && <Alert tone="error">{action.error}</Alert>}
          <button className="button button-wide" disabled={action.busy}>
            {action.busy ? 'Sending…' : 'Send me a link'}
          </button>
        </form>
      )}
      <p>
        <Link to="/signin">Back to sign in</Link>
      </p>
    </AuthFrame>
  );
}

/** The link from the email (or from an admin): a new password, then sign in with it. */
export function ResetPasswordPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const navigate = useNavigate();
  const session = useSession();
  const [password, setPassword] = useState('');
  const action = useAction();
  return (
    <AuthFrame
      title="Choose a new password"
      intro="After this, every device signed in to your account is signed out, and you sign in with the new password."
    >
      {!token ? (
        <Alert tone="error">
          This page needs the link from your email. <Link to="/forgot-password">Ask for a new link</Link>.
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
            label="New password"
            value={password}
            onChange={setPassword}
            error={action.fieldError('password')}
          />
          {action.error && !action.fieldError('password') && (
            <Alert tone="error">
              {action.error} <Link to="/forgot-password">Ask for a new link</Link>
            </Alert>
          )}
          <button className="button button-wide" disabled={action.busy}>
            {action.busy ? 'Saving…' : 'Save my new password'}
          </button>
        </form>
      )}
    </AuthFrame>
  );
}

/** The link from a verification email. */
export function VerifyEmailPage() {
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
    <AuthFrame title="Confirm your email address">
      {state.error ? (
        <Alert tone="error">{state.error} You can ask for a new link on your account page.</Alert>
      ) : state.done ? (
        <Alert tone="success">Thank you: your address is confirmed.</Alert>
      ) : (
        <Loading label="Confirming" />
      )}
      <p>
        <Link to={status === 'signedIn' ? '/' : '/signin'}>
          {status === 'signedIn' ? 'Go to Hearth' : 'Sign in'}
        </Link>
      </p>
    </AuthFrame>
  );
}
