import { useEffect, useState } from 'react';
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
      <h2 id="notifications-title">Notifications</h2>
      <p className="muted">
        {staff
          ? 'Crisis alerts for your groups can reach this device when Hearth is closed. '
          : 'Hearth can let this device know when something needs you, even when Hearth is closed. '}
        The lock screen never shows what anyone wrote.
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
        <Alert tone="warning">
          This server sends neither notifications nor email, so crisis alerts reach you only while Hearth is
          open.
        </Alert>
      )}
      {action.error && <Alert tone="error">{action.error}</Alert>}
      {usable && devices.data && devices.data.length > 0 && (
        <>
          <h3>Devices that receive notifications</h3>
          <ul className="device-list">
            {devices.data.map((device) => (
              <li key={device.id}>
                <span>
                  {device.label ?? 'A device'}
                  {device.id === thisDeviceSubscriptionId() ? ' (this device)' : ''}
                  <span className="muted"> · since {formatDateTime(device.createdAt)}</span>
                </span>
                <button
                  type="button"
                  className="button button-secondary"
                  disabled={action.busy}
                  onClick={() => void remove(device.id)}
                  aria-label={`Remove ${device.label ?? 'device'}`}
                >
                  Remove
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {usable && devices.error && <Alert tone="error">{devices.error}</Alert>}
      <p>
        <Link to="/install">How to add Hearth to your home screen</Link>
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
  if (support === 'ios-not-installed') {
    return (
      <Alert tone="info">
        On iPhone and iPad, notifications work once Hearth is on your home screen (iOS 16.4 or later). Add it
        from Safari, open Hearth from the new icon, then come back here.
      </Alert>
    );
  }
  if (support === 'unsupported') {
    return <Alert tone="info">This browser cannot show notifications from Hearth.</Alert>;
  }
  if (!serverSends) {
    return (
      <Alert tone="info">
        This Hearth server does not send notifications to devices yet. An admin can set it up.
      </Alert>
    );
  }
  if (permission === 'denied') {
    return (
      <Alert tone="warning">
        Notifications for Hearth are blocked in this browser. To allow them, open the site settings (the icon
        beside the address), allow notifications, then reload this page.
      </Alert>
    );
  }
  if (subscribed) {
    return (
      <div className="row">
        <p role="status">Notifications are on for this device.</p>
        <button type="button" className="button button-secondary" disabled={busy} onClick={onTurnOff}>
          Turn off on this device
        </button>
      </div>
    );
  }
  return (
    <button type="button" className="button" disabled={busy || subscribed === null} onClick={onTurnOn}>
      Turn on notifications on this device
    </button>
  );
}
