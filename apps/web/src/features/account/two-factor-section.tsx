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
import { useTranslation } from 'react-i18next';

import { http } from '../../api/http';
import { useSession } from '../../api/session';
import { Alert, Dialog, Field, formatDate, Pending, useAction } from '../../ui/components';
import { PasswordDialog } from '../../ui/password-dialog';
import { useLoad } from '../../ui/use-load';

/** Two-step verification: an authenticator app, passkeys, and recovery codes. */
export function TwoFactorSection() {
  const { t } = useTranslation();
  const kindName = { totp: t('account.twoFactor.kind.totp'), passkey: t('account.twoFactor.kind.passkey') };
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
      <h2 id="two-factor-title">{t('account.twoFactor.title')}</h2>
      {!data && <Pending loaded={status} />}
      {data && (
        <>
          {data.setupRequired ? (
            <Alert tone="warning">{t('account.twoFactor.setupRequired')}</Alert>
          ) : (
            <p className="muted">{data.enabled ? t('account.twoFactor.on') : t('account.twoFactor.off')}</p>
          )}
          {data.factors.length > 0 && (
            <ul className="plain-list" aria-label={t('account.twoFactor.factors')}>
              {data.factors.map((factor) => (
                <li key={factor.id} className="row row-spread">
                  <span>
                    <strong>{factor.label}</strong>{' '}
                    <span className="muted">
                      {factor.label.startsWith(kindName[factor.kind]) ? '' : `${kindName[factor.kind]} · `}
                      {t('account.twoFactor.added', { when: formatDate(factor.createdAt) })}
                      {factor.lastUsedAt
                        ? ` · ${t('account.twoFactor.lastUsed', { when: formatDate(factor.lastUsedAt) })}`
                        : ''}
                    </span>
                  </span>
                  <button type="button" className="button-quiet" onClick={() => setRemoving(factor.id)}>
                    {t('common.remove')}
                    <span className="visually-hidden"> {factor.label}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
          {data.enabled && (
            <p className="muted">{t('account.twoFactor.codesLeft', { count: data.recoveryCodesLeft })}</p>
          )}
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
              {t('account.twoFactor.addPasskey')}
            </button>
            {data.enabled && <RenewCodes onRenewed={setCodes} />}
          </div>
        </>
      )}
      <Dialog open={codes !== null} title={t('account.twoFactor.saveTitle')} onClose={() => setCodes(null)}>
        <p>{t('account.twoFactor.saveBody')}</p>
        <ul className="recovery-codes" aria-label={t('account.twoFactor.codes')}>
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
            {copied ? t('account.twoFactor.copied') : t('account.twoFactor.copy')}
          </button>
          <a
            className="button button-secondary"
            download="hearth-recovery-codes.txt"
            href={`data:text/plain;charset=utf-8,${encodeURIComponent(
              `${t('account.twoFactor.fileHeading')}\n\n${codes?.join('\n') ?? ''}\n`,
            )}`}
          >
            {t('account.twoFactor.download')}
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
          {t('account.twoFactor.saved')}
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
  const { t } = useTranslation();
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
          {t('account.twoFactor.setUpApp')}
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
      <p>{t('account.twoFactor.scan')}</p>
      <img
        className="qr-code"
        src={`data:image/svg+xml;utf8,${encodeURIComponent(setup.qrCodeSvg)}`}
        alt={t('account.twoFactor.qr')}
        width="200"
        height="200"
      />
      <p className="muted">
        {t('account.twoFactor.orType')} <code data-testid="totp-secret">{setup.secret}</code>
      </p>
      <Field
        label={t('account.twoFactor.code')}
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
        {t('account.twoFactor.turnOn')}
      </button>
    </form>
  );
}

function RenewCodes({ onRenewed }: { onRenewed: (codes: string[]) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button-quiet" onClick={() => setOpen(true)}>
        {t('account.twoFactor.newCodes')}
      </button>
      <PasswordDialog
        open={open}
        title={t('account.twoFactor.renewTitle')}
        intro={t('account.twoFactor.renewBody')}
        confirm={t('account.twoFactor.renew')}
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
  const { t } = useTranslation();
  return (
    <PasswordDialog
      open={factorId !== null}
      title={t('account.twoFactor.removeTitle')}
      intro={t('account.twoFactor.removeBody')}
      confirm={t('common.remove')}
      onClose={onClose}
      onConfirm={async (password) => {
        await http.post(`/me/two-factor/factors/${factorId}/remove`, { password });
        onRemoved();
      }}
    />
  );
}
