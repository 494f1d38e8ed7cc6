import type { NotMeResultDto, SignInDto } from '@hearth/contracts';
import { useState } from 'react';

import { http } from '../../api/http';
import { Alert, Dialog, formatDateTime, Pending, useAction } from '../../ui/components';
import { useLoad } from '../../ui/use-load';

const KIND_NAMES: Record<SignInDto['device']['kind'], string> = {
  desktop: 'Computer',
  mobile: 'Phone',
  tablet: 'Tablet',
  unknown: 'Unknown device',
};

/** Active sign-ins are always shown; ended ones beyond the most recent few wait behind a button. */
const RECENT = 8;

const ENDED_REASONS: Record<string, string> = {
  logout: 'signed out',
  reuse: 'ended for safety (a sign-in token was used twice)',
  password_changed: 'ended by a password change',
  password_reset: 'ended when the password was reset with a one-time link',
  disabled: 'ended when the account was disabled',
  expired: 'expired',
  not_me: 'ended because you said it wasn’t you',
};

function deviceName(signIn: SignInDto): string {
  const { browser, os, kind } = signIn.device;
  if (!browser && !os) return KIND_NAMES[kind];
  return `${browser ?? 'A browser'}${os ? ` on ${os}` : ''} (${KIND_NAMES[kind].toLowerCase()})`;
}

/** My sign-ins, with "This wasn't me" to end one at once. */
export function SignIns() {
  const signIns = useLoad(() => http.get<SignInDto[]>('/me/sign-ins'), []);
  const [disowning, setDisowning] = useState<SignInDto | null>(null);
  const [ended, setEnded] = useState<NotMeResultDto | null>(null);
  const [showAll, setShowAll] = useState(false);
  const shown = (signIns.data ?? []).filter((s, index) => showAll || s.active || index < RECENT);
  const hidden = (signIns.data?.length ?? 0) - shown.length;
  const action = useAction();
  return (
    <section className="card" aria-labelledby="sign-ins-title">
      <h2 id="sign-ins-title">Sign-ins</h2>
      <p className="muted">
        Where your account has been signed in, as each browser describes itself. Hearth does not record your
        address or location.
      </p>
      {ended && (
        <Alert tone="success">
          {ended.endedSessionIds.length > 0
            ? 'That sign-in has been ended. '
            : 'That sign-in had already ended; it is marked as not you. '}
          If someone else knows your password, change it now.
        </Alert>
      )}
      {!signIns.data ? (
        <Pending loaded={signIns} />
      ) : (
        <ul className="resource-list sign-ins">
          {shown.map((signIn) => (
            <li key={signIn.id} data-sign-in={signIn.id}>
              <strong>{deviceName(signIn)}</strong>{' '}
              {signIn.current && <span className="tag">This device</span>}
              <p className="muted">
                Signed in {formatDateTime(signIn.startedAt)}
                {signIn.active
                  ? ` · last active ${formatDateTime(signIn.lastUsedAt)}`
                  : ` · ${ENDED_REASONS[signIn.endedReason ?? ''] ?? 'ended'} ${formatDateTime(signIn.endedAt!)}`}
                {signIn.disownedAt && signIn.endedReason !== 'not_me' && ' · marked as not you'}
              </p>
              {!signIn.current && !signIn.disownedAt && (
                <button
                  type="button"
                  className="button button-secondary"
                  onClick={() => {
                    action.clear();
                    setDisowning(signIn);
                  }}
                >
                  This wasn’t me
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {hidden > 0 && (
        <button type="button" className="button-quiet" onClick={() => setShowAll(true)}>
          Show {hidden} older sign-ins
        </button>
      )}
      <Dialog open={disowning !== null} title="This wasn’t you?" onClose={() => setDisowning(null)}>
        {disowning && (
          <>
            <p>
              {disowning.active
                ? `The sign-in on ${deviceName(disowning)} will be ended now: it will be signed out everywhere it is open.`
                : `This sign-in on ${deviceName(disowning)} has already ended; it will be marked as not you.`}
            </p>
            <p>Then change your password, so that nobody can sign in with it again.</p>
            {action.error && <Alert tone="error">{action.error}</Alert>}
            <div className="row">
              <button
                type="button"
                className="button button-danger"
                disabled={action.busy}
                onClick={() =>
                  action.run(async () => {
                    setEnded(await http.post<NotMeResultDto>(`/me/sign-ins/${disowning.id}/not-me`));
                    setDisowning(null);
                    await signIns.reload();
                  })
                }
              >
                End this sign-in
              </button>
              <button type="button" className="button-quiet" onClick={() => setDisowning(null)}>
                Cancel
              </button>
            </div>
          </>
        )}
      </Dialog>
    </section>
  );
}
