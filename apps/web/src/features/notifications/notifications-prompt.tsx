import { useEffect, useState } from 'react';
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
        Notifications are on for this device. You can change this in <Link to="/account">your account</Link>.
      </Alert>
    );
  }
  return (
    <section className="card notifications-prompt" aria-labelledby="notifications-prompt-title">
      <h2 id="notifications-prompt-title">Crisis alerts when Hearth is closed</h2>
      {support === 'ios-not-installed' ? (
        <p>
          On iPhone and iPad, alerts can reach you once Hearth is on your home screen.{' '}
          <Link to="/install">How to add it</Link>
        </p>
      ) : (
        <p>
          If someone in your groups may need support, this device can let you know, even when Hearth is
          closed.
        </p>
      )}
      {outcome === 'denied' && (
        <Alert tone="warning">
          The browser blocked notifications. You can allow them later in the site settings.
        </Alert>
      )}
      {action.error && <Alert tone="error">{action.error}</Alert>}
      <div className="row">
        {support === 'supported' && outcome === null && (
          <button
            type="button"
            className="button"
            disabled={action.busy}
            onClick={() => void action.run(async () => setOutcome(await enablePush(publicKey!)))}
          >
            Turn on notifications
          </button>
        )}
        <button type="button" className="button button-secondary" onClick={dismiss}>
          Not now
        </button>
      </div>
    </section>
  );
}
