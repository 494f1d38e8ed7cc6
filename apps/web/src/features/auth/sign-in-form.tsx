import type { SecondFactorChallengeDto } from '@hearth/contracts';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { useSession } from '../../api/session';
import { Alert, Field, useAction } from '../../ui/components';

type Challenge = SecondFactorChallengeDto['secondFactor'];

/** Email and password, used by the sign-in page and by the dialog that renews an ended session. */
export function SignInForm({
  initialEmail = '',
  onSignedIn,
  children,
}: {
  initialEmail?: string;
  onSignedIn?: () => void;
  /** The submit button and anything beside it; it gets `busy`. */
  children: (busy: boolean) => ReactNode;
}) {
  const { t } = useTranslation();
  const session = useSession();
  const [email, setEmail] = useState(initialEmail);
  const [password, setPassword] = useState('');
  const [challenge, setChallenge] = useState<Challenge | null>(null);
  const action = useAction();
  if (challenge) {
    return (
      <SecondFactorForm challenge={challenge} onSignedIn={onSignedIn} onRestart={() => setChallenge(null)} />
    );
  }
  return (
    <form
      onSubmit={(e) =>
        action.run(async () => {
          const next = await session.signIn(email, password);
          if (next) {
            setPassword('');
            setChallenge(next);
          } else {
            onSignedIn?.();
          }
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
      />
      <Field
        label={t('common.password')}
        type="password"
        autoComplete="current-password"
        required
        value={password}
        onChange={(e) => setPassword(e.target.value)}
      />
      {action.error && <Alert tone="error">{action.error}</Alert>}
      {children(action.busy)}
    </form>
  );
}

/** The second step: a code from the authenticator app, a passkey, or a recovery code. */
function SecondFactorForm({
  challenge,
  onSignedIn,
  onRestart,
}: {
  challenge: Challenge;
  onSignedIn?: () => void;
  onRestart: () => void;
}) {
  const { t } = useTranslation();
  const session = useSession();
  const [mode, setMode] = useState<'totp' | 'recovery'>(
    challenge.methods.includes('totp') ? 'totp' : 'recovery',
  );
  const [code, setCode] = useState('');
  const action = useAction();
  const passkey = challenge.methods.includes('passkey');
  const finish = (work: () => Promise<void>) =>
    action.run(async () => {
      await work();
      onSignedIn?.();
    });
  return (
    <div className="second-factor">
      <h2>{t('auth.secondFactor.title')}</h2>
      {passkey && (
        <>
          <p className="muted">{t('auth.secondFactor.passkeyHint')}</p>
          <button
            type="button"
            className="button button-wide"
            disabled={action.busy}
            onClick={() => void finish(() => session.completeWithPasskey(challenge.ticket))}
          >
            {t('auth.secondFactor.usePasskey')}
          </button>
        </>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const proof = mode === 'totp' ? { code: code.replace(/\s/g, '') } : { recoveryCode: code };
          void finish(() => session.completeSecondFactor(challenge.ticket, proof));
        }}
      >
        {mode === 'totp' ? (
          <Field
            label={t('auth.secondFactor.codeLabel')}
            hint={t('auth.secondFactor.codeHint')}
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9 ]{6,7}"
            required
            autoFocus={!passkey}
            value={code}
            onChange={(e) => setCode(e.target.value)}
            error={action.fieldError('code')}
          />
        ) : (
          <Field
            label={t('auth.secondFactor.recoveryLabel')}
            autoFocus
            hint={t('auth.secondFactor.recoveryHint')}
            autoComplete="off"
            required
            value={code}
            onChange={(e) => setCode(e.target.value)}
            error={action.fieldError('recoveryCode')}
          />
        )}
        {action.error && !action.fieldError('code') && !action.fieldError('recoveryCode') && (
          <Alert tone="error">{action.error}</Alert>
        )}
        <button
          className={passkey ? 'button button-secondary button-wide' : 'button button-wide'}
          disabled={action.busy}
        >
          {action.busy ? t('auth.secondFactor.checking') : t('auth.secondFactor.verify')}
        </button>
      </form>
      <div className="row">
        {challenge.methods.includes('totp') && challenge.methods.includes('recovery') && (
          <button
            type="button"
            className="button-quiet"
            onClick={() => {
              setCode('');
              action.clear();
              setMode(mode === 'totp' ? 'recovery' : 'totp');
            }}
          >
            {mode === 'totp' ? t('auth.secondFactor.useRecovery') : t('auth.secondFactor.useApp')}
          </button>
        )}
        <button type="button" className="button-quiet" onClick={onRestart}>
          {t('auth.secondFactor.startOver')}
        </button>
      </div>
    </div>
  );
}
