import type { NotMeResultDto, SignInDto } from '@hearth/contracts';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { http } from '../../api/http';
import { Alert, Dialog, formatDateTime, Pending, useAction } from '../../ui/components';
import { useLoad } from '../../ui/use-load';

const kindNames = (t: TFunction): Record<SignInDto['device']['kind'], string> => ({
  desktop: t('account.signIns.kind.desktop'),
  mobile: t('account.signIns.kind.mobile'),
  tablet: t('account.signIns.kind.tablet'),
  unknown: t('account.signIns.kind.unknown'),
});

/** Active sign-ins are always shown; ended ones beyond the most recent few wait behind a button. */
const RECENT = 8;

function endedReason(t: TFunction, reason: string | null): string {
  const reasons: Record<string, string> = {
    logout: t('account.signIns.reason.logout'),
    reuse: t('account.signIns.reason.reuse'),
    password_changed: t('account.signIns.reason.password_changed'),
    password_reset: t('account.signIns.reason.password_reset'),
    disabled: t('account.signIns.reason.disabled'),
    expired: t('account.signIns.reason.expired'),
    not_me: t('account.signIns.reason.not_me'),
  };
  return reasons[reason ?? ''] ?? t('account.signIns.reason.other');
}

function deviceName(t: TFunction, signIn: SignInDto): string {
  const { browser, os, kind } = signIn.device;
  const kindName = kindNames(t)[kind];
  if (!browser && !os) return kindName;
  const values = { browser: browser ?? t('account.signIns.aBrowser'), os, kind: kindName.toLowerCase() };
  return os ? t('account.signIns.deviceOn', values) : t('account.signIns.device', values);
}

/** My sign-ins, with "This wasn't me" to end one at once. */
export function SignIns() {
  const { t } = useTranslation();
  const signIns = useLoad(() => http.get<SignInDto[]>('/me/sign-ins'), []);
  const [disowning, setDisowning] = useState<SignInDto | null>(null);
  const [ended, setEnded] = useState<NotMeResultDto | null>(null);
  const [showAll, setShowAll] = useState(false);
  const shown = (signIns.data ?? []).filter((s, index) => showAll || s.active || index < RECENT);
  const hidden = (signIns.data?.length ?? 0) - shown.length;
  const action = useAction();
  return (
    <section className="card" aria-labelledby="sign-ins-title">
      <h2 id="sign-ins-title">{t('account.signIns.title')}</h2>
      <p className="muted">{t('account.signIns.body')}</p>
      {ended && (
        <Alert tone="success">
          {ended.endedSessionIds.length > 0 ? t('account.signIns.ended') : t('account.signIns.alreadyEnded')}{' '}
          {t('account.signIns.changePassword')}
        </Alert>
      )}
      {!signIns.data ? (
        <Pending loaded={signIns} />
      ) : (
        <ul className="resource-list sign-ins">
          {shown.map((signIn) => (
            <li key={signIn.id} data-sign-in={signIn.id}>
              <strong>{deviceName(t, signIn)}</strong>{' '}
              {signIn.current && <span className="tag">{t('account.signIns.thisDevice')}</span>}
              <p className="muted">
                {t('account.signIns.started', { when: formatDateTime(signIn.startedAt) })}
                {' · '}
                {signIn.active
                  ? t('account.signIns.lastActive', { when: formatDateTime(signIn.lastUsedAt) })
                  : t('account.signIns.endedAt', {
                      reason: endedReason(t, signIn.endedReason),
                      when: formatDateTime(signIn.endedAt!),
                    })}
                {signIn.disownedAt &&
                  signIn.endedReason !== 'not_me' &&
                  ` · ${t('account.signIns.markedNotYou')}`}
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
                  {t('account.signIns.notMe')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {hidden > 0 && (
        <button type="button" className="button-quiet" onClick={() => setShowAll(true)}>
          {t('account.signIns.older', { count: hidden })}
        </button>
      )}
      <Dialog
        open={disowning !== null}
        title={t('account.signIns.dialogTitle')}
        onClose={() => setDisowning(null)}
      >
        {disowning && (
          <>
            <p>
              {disowning.active
                ? t('account.signIns.willEnd', { device: deviceName(t, disowning) })
                : t('account.signIns.willMark', { device: deviceName(t, disowning) })}
            </p>
            <p>{t('account.signIns.then')}</p>
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
                {t('account.signIns.end')}
              </button>
              <button type="button" className="button-quiet" onClick={() => setDisowning(null)}>
                {t('common.cancel')}
              </button>
            </div>
          </>
        )}
      </Dialog>
    </section>
  );
}
