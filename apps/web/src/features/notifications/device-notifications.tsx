import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

import { http } from '../../api/http';
import { useSession } from '../../api/session';
import {
  currentSubscription,
  disablePushOnThisDevice,
  emailSent,
  enablePush,
  pushKey,
  pushSupport,
  thisDeviceSubscriptionId,
  type PushSubscriptionDto,
} from '../../pwa/push';
import { Alert, formatDateTime, useAction } from '../../ui/components';
import { useLoad } from '../../ui/use-load';

const permissionNow = (): NotificationPermission | 'none' =>
  'Notification' in window ? Notification.permission : 'none';

/**
 * Notifications on this device, in the account page: turned on only by a tap (the browser then asks), the
 * devices that receive them, each removable; and, plainly, why they cannot be turned on when they cannot.
 */
export function DeviceNotifications() {
  const { t } = useTranslation();
  const { instance, user } = useSession();
  const publicKey = pushKey(instance);
  const support = pushSupport();
  const [permission, setPermission] = useState(permissionNow);
  const [subscribed, setSubscribed] = useState<boolean | null>(null);
  const action = useAction();
  const usable = support === 'supported' && publicKey !== null;
  const devices = useLoad(
    () => (usable ? http.get<PushSubscriptionDto[]>('/me/push-subscriptions') : Promise.resolve(undefined)),
    [usable],
  );
  useEffect(() => {
    if (!usable) return;
    void currentSubscription()
      .then((s) => setSubscribed(s !== null))
      .catch(() => setSubscribed(false));
  }, [usable]);
  const staff = user?.role === 'facilitator' || user?.role === 'admin';
  const turnOn = () =>
    action.run(async () => {
      setPermission(await enablePush(publicKey!));
      setSubscribed((await currentSubscription()) !== null);
      await devices.reload();
    });
  const turnOff = () =>
    action.run(async () => {
      await disablePushOnThisDevice();
      setSubscribed(false);
      await devices.reload();
    });
  const remove = (id: string) =>
    action.run(async () => {
      if (id === thisDeviceSubscriptionId()) {
        await disablePushOnThisDevice();
        setSubscribed(false);
      } else {
        await http.delete(`/me/push-subscriptions/${id}`);
      }
      await devices.reload();
    });
  return (
    <section className="card" id="notifications" aria-labelledby="notifications-title">
      <h2 id="notifications-title">{t('notifications.device.title')}</h2>
      <p className="muted">
        {staff ? t('notifications.device.staffIntro') : t('notifications.device.memberIntro')}{' '}
        {t('notifications.device.lockScreen')}
      </p>
      <DeviceState
        support={support}
        serverSends={publicKey !== null}
        permission={permission}
        subscribed={subscribed}
        busy={action.busy}
        onTurnOn={() => void turnOn()}
        onTurnOff={() => void turnOff()}
      />
      {staff && publicKey === null && emailSent(instance) === false && (
        <Alert tone="warning">{t('notifications.device.nothingSent')}</Alert>
      )}
      {action.error && <Alert tone="error">{action.error}</Alert>}
      {usable && devices.data && devices.data.length > 0 && (
        <>
          <h3>{t('notifications.device.devicesTitle')}</h3>
          <ul className="device-list">
            {devices.data.map((device) => (
              <li key={device.id}>
                <span>
                  {device.label ?? t('notifications.device.aDevice')}
                  {device.id === thisDeviceSubscriptionId() ? t('notifications.device.thisDevice') : ''}
                  <span className="muted">
                    {' · '}
                    {t('notifications.device.since', { when: formatDateTime(device.createdAt) })}
                  </span>
                </span>
                <button
                  type="button"
                  className="button button-secondary"
                  disabled={action.busy}
                  onClick={() => void remove(device.id)}
                  aria-label={t('notifications.device.removeDevice', {
                    name: device.label ?? t('notifications.device.aDevice'),
                  })}
                >
                  {t('common.remove')}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {usable && devices.error && <Alert tone="error">{devices.error}</Alert>}
      <p>
        <Link to="/install">{t('notifications.device.install')}</Link>
      </p>
    </section>
  );
}

function DeviceState({
  support,
  serverSends,
  permission,
  subscribed,
  busy,
  onTurnOn,
  onTurnOff,
}: {
  support: ReturnType<typeof pushSupport>;
  serverSends: boolean;
  permission: NotificationPermission | 'none';
  subscribed: boolean | null;
  busy: boolean;
  onTurnOn: () => void;
  onTurnOff: () => void;
}) {
  const { t } = useTranslation();
  if (support === 'ios-not-installed') {
    return <Alert tone="info">{t('notifications.device.iosInstall')}</Alert>;
  }
  if (support === 'unsupported') {
    return <Alert tone="info">{t('notifications.device.unsupported')}</Alert>;
  }
  if (!serverSends) {
    return <Alert tone="info">{t('notifications.device.serverOff')}</Alert>;
  }
  if (permission === 'denied') {
    return <Alert tone="warning">{t('notifications.device.blocked')}</Alert>;
  }
  if (subscribed) {
    return (
      <div className="row">
        <p role="status">{t('notifications.device.on')}</p>
        <button type="button" className="button button-secondary" disabled={busy} onClick={onTurnOff}>
          {t('notifications.device.turnOff')}
        </button>
      </div>
    );
  }
  return (
    <button type="button" className="button" disabled={busy || subscribed === null} onClick={onTurnOn}>
      {t('notifications.device.turnOn')}
    </button>
  );
}
