import { useEffect, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

import { useSession } from '../../api/session';
import { currentSubscription, enablePush, pushKey, pushSupport } from '../../pwa/push';
import { Alert, useAction } from '../../ui/components';

const DISMISSED_KEY = 'hearth.notifications-prompt-dismissed';

/**
 * A quiet card for facilitators and admins, who get crisis alerts: it offers to turn notifications on for this
 * device, once, until they choose either way. Never asks the browser on its own: only the button does.
 */
export function NotificationsPrompt() {
  const { t } = useTranslation();
  const { user, instance } = useSession();
  const publicKey = pushKey(instance);
  const support = pushSupport();
  const staff = user?.role === 'facilitator' || user?.role === 'admin';
  const [show, setShow] = useState(false);
  const [outcome, setOutcome] = useState<NotificationPermission | null>(null);
  const action = useAction();
  useEffect(() => {
    if (!staff || publicKey === null || localStorage.getItem(DISMISSED_KEY)) return;
    if (support === 'ios-not-installed') return setShow(true);
    if (support !== 'supported' || Notification.permission !== 'default') return;
    void currentSubscription()
      .then((s) => setShow(s === null))
      .catch(() => undefined);
  }, [staff, publicKey, support]);
  if (!show) return null;
  const dismiss = () => {
    localStorage.setItem(DISMISSED_KEY, new Date().toISOString());
    setShow(false);
  };
  if (outcome === 'granted') {
    return (
      <Alert tone="success">
        <Trans i18nKey="notifications.prompt.on" components={{ account: <Link to="/account" /> }} />
      </Alert>
    );
  }
  return (
    <section className="card notifications-prompt" aria-labelledby="notifications-prompt-title">
      <h2 id="notifications-prompt-title">{t('notifications.prompt.title')}</h2>
      {support === 'ios-not-installed' ? (
        <p>
          {t('notifications.prompt.ios')} <Link to="/install">{t('notifications.prompt.howToAdd')}</Link>
        </p>
      ) : (
        <p>{t('notifications.prompt.body')}</p>
      )}
      {outcome === 'denied' && <Alert tone="warning">{t('notifications.prompt.denied')}</Alert>}
      {action.error && <Alert tone="error">{action.error}</Alert>}
      <div className="row">
        {support === 'supported' && outcome === null && (
          <button
            type="button"
            className="button"
            disabled={action.busy}
            onClick={() => void action.run(async () => setOutcome(await enablePush(publicKey!)))}
          >
            {t('notifications.prompt.turnOn')}
          </button>
        )}
        <button type="button" className="button button-secondary" onClick={dismiss}>
          {t('notifications.prompt.notNow')}
        </button>
      </div>
    </section>
  );
}
