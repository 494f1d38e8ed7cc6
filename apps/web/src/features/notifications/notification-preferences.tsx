import type { NotificationCategory, NotificationPreferencesDto } from '@hearth/contracts';
import { useState, type FormEvent } from 'react';

import { http } from '../../api/http';
import { useSession } from '../../api/session';
import { Alert, Pending, useAction } from '../../ui/components';
import { myTimeZone } from '../../ui/local-time';
import { useLoad } from '../../ui/use-load';

/** What Hearth can tell me about, and to whom each kind applies. */
const CATEGORIES: [NotificationCategory, string, 'staff' | 'everyone'][] = [
  ['crisis', 'Crisis alerts in the groups I facilitate', 'staff'],
  ['mentions', 'Mentions of me and replies to my messages', 'everyone'],
  ['messages', 'New messages in my groups', 'everyone'],
  ['meetings', 'Meeting reminders', 'everyone'],
  ['membership', 'My groups: join requests decided, new agreements', 'everyone'],
  ['questionnaires', 'Questionnaires that are due', 'everyone'],
  ['requests', 'Join requests and reports in my groups', 'staff'],
  ['moderation', 'A facilitator’s decisions about me', 'everyone'],
];

/** Reminder times offered, in minutes before a meeting (the server accepts these). */
const REMINDERS: [number, string][] = [
  [2_880, '2 days before'],
  [1_440, '1 day before'],
  [180, '3 hours before'],
  [60, '1 hour before'],
  [15, '15 minutes before'],
];

const DIGESTS: [number, string][] = [
  [1, 'every hour'],
  [4, 'every 4 hours'],
  [12, 'twice a day'],
  [24, 'once a day'],
];

const deviceZone = myTimeZone;

/**
 * What Hearth tells me when it is closed, and how: per kind, by push and by email; quiet hours in my own time
 * zone; and whether a lock screen may name the group. Notices never carry what anyone wrote.
 */
export function NotificationPreferences() {
  const { instance } = useSession();
  const loaded = useLoad(() => http.get<NotificationPreferencesDto>('/me/notification-preferences'), []);
  const [draft, setDraft] = useState<NotificationPreferencesDto | null>(null);
  const [saved, setSaved] = useState(false);
  const action = useAction();
  if (!loaded.data) return <Pending loaded={loaded} />;
  const value = draft ?? loaded.data;
  const email = instance?.email === true;
  const staff = value.locked.includes('crisis');
  const change = (next: NotificationPreferencesDto) => {
    setDraft(next);
    setSaved(false);
  };
  const toggle = (category: NotificationCategory, channel: 'push' | 'email', on: boolean) =>
    change({
      ...value,
      channels: { ...value.channels, [category]: { ...value.channels[category], [channel]: on } },
    });
  const save = (event: FormEvent) =>
    action.run(async () => {
      const { locked: _locked, ...body } = value;
      const stored = await http.patch<NotificationPreferencesDto>('/me/notification-preferences', {
        ...body,
        channels: Object.fromEntries(
          Object.entries(body.channels).filter(
            ([category]) => !value.locked.includes(category as NotificationCategory),
          ),
        ),
      });
      loaded.setData(stored);
      setDraft(null);
      setSaved(true);
    }, event);
  return (
    <section className="card" aria-labelledby="notification-preferences-title">
      <h2 id="notification-preferences-title">What Hearth tells you</h2>
      <p>
        When Hearth is closed, it can tell you about these by a notification on your devices or by email. A
        notification never shows what anyone wrote.
      </p>
      {!email && (
        <p className="hint">
          This Hearth sends no email, so only notifications on your devices can reach you.
        </p>
      )}
      <form onSubmit={save}>
        <table className="preferences">
          <thead>
            <tr>
              <th scope="col">Tell me about</th>
              <th scope="col">On my devices</th>
              <th scope="col">By email</th>
            </tr>
          </thead>
          <tbody>
            {CATEGORIES.filter(([, , who]) => who === 'everyone' || staff).map(([category, label]) => {
              const locked = value.locked.includes(category);
              return (
                <tr key={category}>
                  <th scope="row">
                    {label}
                    {locked && <span className="hint"> (always on while you facilitate)</span>}
                  </th>
                  {(['push', 'email'] as const).map((channel) => (
                    <td key={channel}>
                      <input
                        type="checkbox"
                        aria-label={`${label}: ${channel === 'push' ? 'on my devices' : 'by email'}`}
                        checked={value.channels[category][channel] && (channel === 'push' || email)}
                        disabled={locked || (channel === 'email' && !email)}
                        onChange={(e) => toggle(category, channel, e.target.checked)}
                      />
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
        <fieldset>
          <legend>New messages</legend>
          <label>
            Tell me{' '}
            <select
              value={value.messageDigestHours === null ? 'each' : String(value.messageDigestHours)}
              onChange={(e) =>
                change({
                  ...value,
                  messageDigestHours: e.target.value === 'each' ? null : Number(e.target.value),
                })
              }
            >
              <option value="each">as they come</option>
              {[
                ...DIGESTS,
                ...(DIGESTS.some(([h]) => h === value.messageDigestHours) ? [] : custom(value)),
              ].map(([hours, label]) => (
                <option key={hours} value={hours}>
                  in a summary {label}
                </option>
              ))}
            </select>
          </label>
          <p className="hint">As they come: at most one notice a minute for each group.</p>
          {!value.channels.messages.push && !value.channels.messages.email && (
            <p className="hint">Off: tick “New messages in my groups” above to hear of them.</p>
          )}
        </fieldset>
        <fieldset>
          <legend>Meeting reminders</legend>
          {REMINDERS.map(([minutes, label]) => (
            <label key={minutes} className="inline-choice">
              <input
                type="checkbox"
                checked={value.meetingReminders.includes(minutes)}
                onChange={(e) =>
                  change({
                    ...value,
                    meetingReminders: e.target.checked
                      ? [...value.meetingReminders, minutes].sort((a, b) => b - a)
                      : value.meetingReminders.filter((m) => m !== minutes),
                  })
                }
              />{' '}
              {label}
            </label>
          ))}
          <p className="hint">Your calendar feed reminds you a day and an hour before, too.</p>
        </fieldset>
        <fieldset>
          <legend>Quiet hours</legend>
          <label>
            <input
              type="checkbox"
              checked={value.quietHours !== null}
              onChange={(e) =>
                change({ ...value, quietHours: e.target.checked ? { start: '22:00', end: '07:00' } : null })
              }
            />{' '}
            Hold everything but crisis alerts at night
          </label>
          {value.quietHours && (
            <div className="row">
              <label>
                From{' '}
                <input
                  type="time"
                  value={value.quietHours.start}
                  onChange={(e) =>
                    change({ ...value, quietHours: { ...value.quietHours!, start: e.target.value } })
                  }
                />
              </label>
              <label>
                until{' '}
                <input
                  type="time"
                  value={value.quietHours.end}
                  onChange={(e) =>
                    change({ ...value, quietHours: { ...value.quietHours!, end: e.target.value } })
                  }
                />
              </label>
            </div>
          )}
          <p className="hint">
            Your time zone: {value.timeZone}.{' '}
            {value.timeZone !== deviceZone() && (
              <button
                type="button"
                className="button-quiet"
                onClick={() => change({ ...value, timeZone: deviceZone() })}
              >
                Use this device’s ({deviceZone()})
              </button>
            )}
          </p>
        </fieldset>
        <p>
          <label>
            <input
              type="checkbox"
              checked={value.showGroupNames}
              onChange={(e) => change({ ...value, showGroupNames: e.target.checked })}
            />{' '}
            Show the group’s name in notifications (anyone who sees your lock screen will see it)
          </label>
        </p>
        {action.error && <Alert tone="error">{action.error}</Alert>}
        {saved && <Alert tone="success">Saved.</Alert>}
        <button type="submit" className="button" disabled={action.busy || draft === null}>
          Save notification choices
        </button>
      </form>
    </section>
  );
}

/** A digest interval chosen elsewhere (through the API) that the menu does not list, kept selectable. */
function custom(value: NotificationPreferencesDto): [number, string][] {
  return value.messageDigestHours === null
    ? []
    : [[value.messageDigestHours, `every ${value.messageDigestHours} hours`]];
}
