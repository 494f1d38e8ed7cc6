import type {
  PasskeyOptionsDto,
  RecoveryCodesDto,
  SecondFactorEnabledDto,
  TotpSetupDto,
  TwoFactorStatusDto,
  UserDto,
} from '@hearth/contracts';
import { startRegistration, type PublicKeyCredentialCreationOptionsJSON } from '@simplewebauthn/browser';
import { useState } from 'react';

import { http } from '../../api/http';
import { useSession } from '../../api/session';
import { Alert, Dialog, Field, formatDate, Pending, useAction } from '../../ui/components';
import { PasswordDialog } from '../../ui/password-dialog';
import { useLoad } from '../../ui/use-load';

/** Two-step verification: an authenticator app, passkeys, and recovery codes. */
const kindName = { totp: 'Authenticator app', passkey: 'Passkey' } as const;

export function TwoFactorSection() {
  const session = useSession();
  const status = useLoad(() => http.get<TwoFactorStatusDto>('/me/two-factor'), []);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [copied, setCopied] = useState(false);
  const [removing, setRemoving] = useState<string | null>(null);
  const passkey = useAction();
  const data = status.data;
  const refresh = () => status.reload();
  const enabled = (result: SecondFactorEnabledDto) => {
    if (result.recoveryCodes) setCodes(result.recoveryCodes);
    refresh();
    // The account changed (and, for staff, its powers): the banner and everything that reads it follow.
    void http.get<UserDto>('/me').then(session.setUser, () => undefined);
  };
  return (
    <section className="card" id="two-factor" aria-labelledby="two-factor-title">
      <h2 id="two-factor-title">Two-step verification</h2>
      {!data && <Pending loaded={status} />}
      {data && (
        <>
          {data.setupRequired ? (
            <Alert tone="warning">
              Your staff tools are off until you set up two-step verification. Until then you take part as a
              member.
            </Alert>
          ) : (
            <p className="muted">
              {data.enabled
                ? 'On. Signing in asks for your password and a second step.'
                : 'Add a second step to signing in, so that a password alone is not enough.'}
            </p>
          )}
          {data.factors.length > 0 && (
            <ul className="plain-list" aria-label="Your second factors">
              {data.factors.map((factor) => (
                <li key={factor.id} className="row row-spread">
                  <span>
                    <strong>{factor.label}</strong>{' '}
                    <span className="muted">
                      {factor.label.startsWith(kindName[factor.kind]) ? '' : `${kindName[factor.kind]} · `}
                      added {formatDate(factor.createdAt)}
                      {factor.lastUsedAt ? ` · last used ${formatDate(factor.lastUsedAt)}` : ''}
                    </span>
                  </span>
                  <button type="button" className="button-quiet" onClick={() => setRemoving(factor.id)}>
                    Remove<span className="visually-hidden"> {factor.label}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
          {data.enabled && <p className="muted">Recovery codes left: {data.recoveryCodesLeft}.</p>}
          {!data.factors.some((factor) => factor.kind === 'totp') && <TotpSetup onEnabled={enabled} />}
          {passkey.error && <Alert tone="error">{passkey.error}</Alert>}
          <div className="row">
            <button
              type="button"
              className="button button-secondary"
              disabled={passkey.busy}
              onClick={() =>
                passkey.run(async () => {
                  const { options, ticket } = await http.post<PasskeyOptionsDto>(
                    '/me/two-factor/passkeys/options',
                  );
                  const response = await startRegistration({
                    optionsJSON: options as unknown as PublicKeyCredentialCreationOptionsJSON,
                  });
                  enabled(
                    await http.post<SecondFactorEnabledDto>('/me/two-factor/passkeys', { ticket, response }),
                  );
                })
              }
            >
              Add a passkey
            </button>
            {data.enabled && <RenewCodes onRenewed={setCodes} />}
          </div>
        </>
      )}
      <Dialog open={codes !== null} title="Save your recovery codes" onClose={() => setCodes(null)}>
        <p>
          If you lose your phone or passkey, each of these codes lets you sign in once. Keep them somewhere
          safe, such as a password manager or on paper. They are not shown again.
        </p>
        <ul className="recovery-codes" aria-label="Recovery codes">
          {codes?.map((code) => (
            <li key={code}>
              <code>{code}</code>
            </li>
          ))}
        </ul>
        <div className="row">
          <button
            type="button"
            className="button button-secondary"
            onClick={() =>
              void navigator.clipboard?.writeText(codes?.join('\n') ?? '').then(() => setCopied(true))
            }
          >
            {copied ? 'Copied' : 'Copy the codes'}
          </button>
          <a
            className="button button-secondary"
            download="hearth-recovery-codes.txt"
            href={`data:text/plain;charset=utf-8,${encodeURIComponent(
              `Hearth recovery codes (each works once)\n\n${codes?.join('\n') ?? ''}\n`,
            )}`}
          >
            Download
          </a>
        </div>
        <button
          type="button"
          className="button"
          onClick={() => {
            setCodes(null);
            setCopied(false);
          }}
        >
          I have saved them
        </button>
      </Dialog>
      <RemoveFactor
        factorId={removing}
        onClose={() => setRemoving(null)}
        onRemoved={() => {
          setRemoving(null);
          refresh();
        }}
      />
    </section>
  );
}

function TotpSetup({ onEnabled }: { onEnabled: (result: SecondFactorEnabledDto) => void }) {
  const [setup, setSetup] = useState<TotpSetupDto | null>(null);
  const [code, setCode] = useState('');
  const action = useAction();
  if (!setup) {
    return (
      <div>
        {action.error && <Alert tone="error">{action.error}</Alert>}
        <button
          type="button"
          className="button"
          disabled={action.busy}
          onClick={() =>
            action.run(async () => setSetup(await http.post<TotpSetupDto>('/me/two-factor/totp')))
          }
        >
          Set up an authenticator app
        </button>
      </div>
    );
  }
  return (
    <form
      className="totp-setup"
      onSubmit={(e) =>
        action.run(async () => {
          const result = await http.post<SecondFactorEnabledDto>('/me/two-factor/totp/confirm', {
            factorId: setup.factorId,
            code: code.replace(/\s/g, ''),
          });
          setSetup(null);
          setCode('');
          onEnabled(result);
        }, e)
      }
    >
      <p>Scan this code with an authenticator app (such as Google Authenticator, Authy or 1Password).</p>
      <img
        className="qr-code"
        src={`data:image/svg+xml;utf8,${encodeURIComponent(setup.qrCodeSvg)}`}
        alt="QR code for your authenticator app"
        width="200"
        height="200"
      />
      <p className="muted">
        Or type this key into the app: <code data-testid="totp-secret">{setup.secret}</code>
      </p>
      <Field
        label="The 6-digit code the app shows"
        autoFocus
        inputMode="numeric"
        autoComplete="one-time-code"
        pattern="[0-9 ]{6,7}"
        required
        value={code}
        onChange={(e) => setCode(e.target.value)}
        error={action.fieldError('code')}
      />
      {action.error && !action.fieldError('code') && <Alert tone="error">{action.error}</Alert>}
      <button className="button" disabled={action.busy}>
        Turn on
      </button>
    </form>
  );
}

function RenewCodes({ onRenewed }: { onRenewed: (codes: string[]) => void }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button-quiet" onClick={() => setOpen(true)}>
        New recovery codes
      </button>
      <PasswordDialog
        open={open}
        title="Make new recovery codes?"
        intro="Your old codes stop working."
        confirm="Make new codes"
        onClose={() => setOpen(false)}
        onConfirm={async (password) => {
          const result = await http.post<RecoveryCodesDto>('/me/two-factor/recovery-codes', { password });
          setOpen(false);
          onRenewed(result.recoveryCodes);
        }}
      />
    </>
  );
}

function RemoveFactor({
  factorId,
  onClose,
  onRemoved,
}: {
  factorId: string | null;
  onClose: () => void;
  onRemoved: () => void;
}) {
  return (
    <PasswordDialog
      open={factorId !== null}
      title="Remove this second factor?"
      intro="If it is your last one, signing in will ask for your password only."
      confirm="Remove"
      onClose={onClose}
      onConfirm={async (password) => {
        await http.post(`/me/two-factor/factors/${factorId}/remove`, { password });
        onRemoved();
      }}
    />
  );
}
