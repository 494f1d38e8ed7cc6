import type { NotificationCategory, NotificationPreferencesDto } from '@hearth/contracts';
import type { TFunction } from 'i18next';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { http } from '../../api/http';
import { useSession } from '../../api/session';
import { Alert, Pending, useAction } from '../../ui/components';
import { myTimeZone, zoneName } from '../../ui/local-time';
import { useLoad } from '../../ui/use-load';

/** What Hearth can tell me about, and to whom each kind applies. */
const categories = (t: TFunction): [NotificationCategory, string, 'staff' | 'everyone'][] => [
  ['crisis', t('notifications.preferences.category.crisis'), 'staff'],
  ['mentions', t('notifications.preferences.category.mentions'), 'everyone'],
  ['messages', t('notifications.preferences.category.messages'), 'everyone'],
  ['meetings', t('notifications.preferences.category.meetings'), 'everyone'],
  ['membership', t('notifications.preferences.category.membership'), 'everyone'],
  ['questionnaires', t('notifications.preferences.category.questionnaires'), 'everyone'],
  ['requests', t('notifications.preferences.category.requests'), 'staff'],
  ['moderation', t('notifications.preferences.category.moderation'), 'everyone'],
];

/** Reminder times offered, in minutes before a meeting (the server accepts these). */
const reminders = (t: TFunction): [number, string][] => [
  [2_880, t('notifications.preferences.before.2880')],
  [1_440, t('notifications.preferences.before.1440')],
  [180, t('notifications.preferences.before.180')],
  [60, t('notifications.preferences.before.60')],
  [15, t('notifications.preferences.before.15')],
];

const digests = (t: TFunction): [number, string][] => [
  [1, t('notifications.preferences.every', { count: 1 })],
  [4, t('notifications.preferences.every', { count: 4 })],
  [12, t('notifications.preferences.twiceADay')],
  [24, t('notifications.preferences.onceADay')],
];

const deviceZone = myTimeZone;

/**
 * What Hearth tells me when it is closed, and how: per kind, by push and by email; quiet hours in my own time
 * zone; and whether a lock screen may name the group. Notices never carry what anyone wrote.
 */
export function NotificationPreferences() {
  const { t } = useTranslation();
  const CATEGORIES = categories(t);
  const REMINDERS = reminders(t);
  const DIGESTS = digests(t);
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
      <h2 id="notification-preferences-title">{t('notifications.preferences.title')}</h2>
      <p>{t('notifications.preferences.intro')}</p>
      {!email && <p className="hint">{t('notifications.preferences.noEmail')}</p>}
      <form onSubmit={save}>
        <table className="preferences">
          <thead>
            <tr>
              <th scope="col">{t('notifications.preferences.about')}</th>
              <th scope="col">{t('notifications.preferences.onDevices')}</th>
              <th scope="col">{t('notifications.preferences.byEmail')}</th>
            </tr>
          </thead>
          <tbody>
            {CATEGORIES.filter(([, , who]) => who === 'everyone' || staff).map(([category, label]) => {
              const locked = value.locked.includes(category);
              return (
                <tr key={category}>
                  <th scope="row">
                    {label}
                    {locked && <span className="hint">{t('notifications.preferences.alwaysOn')}</span>}
                  </th>
                  {(['push', 'email'] as const).map((channel) => (
                    <td key={channel}>
                      {/* The whole cell's box takes the tap: a checkbox alone is too small a target on a phone. */}
                      <label className="check preference-box">
                        <input
                          type="checkbox"
                          aria-label={t('notifications.preferences.channelLabel', {
                            category: label,
                            channel:
                              channel === 'push'
                                ? t('notifications.preferences.onDevicesLower')
                                : t('notifications.preferences.byEmailLower'),
                          })}
                          checked={value.channels[category][channel] && (channel === 'push' || email)}
                          disabled={locked || (channel === 'email' && !email)}
                          onChange={(e) => toggle(category, channel, e.target.checked)}
                        />
                      </label>
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
        <fieldset>
          <legend>{t('notifications.preferences.newMessages')}</legend>
          <label>
            {t('notifications.preferences.tellMe')}{' '}
            <select
              value={value.messageDigestHours === null ? 'each' : String(value.messageDigestHours)}
              onChange={(e) =>
                change({
                  ...value,
                  messageDigestHours: e.target.value === 'each' ? null : Number(e.target.value),
                })
              }
            >
              <option value="each">{t('notifications.preferences.asTheyCome')}</option>
              {[
                ...DIGESTS,
                ...(DIGESTS.some(([h]) => h === value.messageDigestHours) ? [] : custom(t, value)),
              ].map(([hours, label]) => (
                <option key={hours} value={hours}>
                  {t('notifications.preferences.summary', { interval: label })}
                </option>
              ))}
            </select>
          </label>
          <p className="hint">{t('notifications.preferences.asTheyComeHint')}</p>
          {!value.channels.messages.push && !value.channels.messages.email && (
            <p className="hint">
              {t('notifications.preferences.messagesOff', {
                category: t('notifications.preferences.category.messages'),
              })}
            </p>
          )}
        </fieldset>
        <fieldset>
          <legend>{t('notifications.preferences.reminders')}</legend>
          {REMINDERS.map(([minutes, label]) => (
            <label key={minutes} className="inline-choice check">
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
          <p className="hint">{t('notifications.preferences.calendarToo')}</p>
        </fieldset>
        <fieldset>
          <legend>{t('notifications.preferences.quietHours')}</legend>
          <label className="inline-choice check">
            <input
              type="checkbox"
              checked={value.quietHours !== null}
              onChange={(e) =>
                change({ ...value, quietHours: e.target.checked ? { start: '22:00', end: '07:00' } : null })
              }
            />{' '}
            {t('notifications.preferences.holdAtNight')}
          </label>
          {value.quietHours && (
            <div className="row">
              <label>
                {t('notifications.preferences.from')}{' '}
                <input
                  type="time"
                  value={value.quietHours.start}
                  onChange={(e) =>
                    change({ ...value, quietHours: { ...value.quietHours!, start: e.target.value } })
                  }
                />
              </label>
              <label>
                {t('notifications.preferences.until')}{' '}
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
            {t('notifications.preferences.zone', { zone: zoneName(value.timeZone) })}{' '}
            {value.timeZone !== deviceZone() && (
              <button
                type="button"
                className="button-quiet"
                onClick={() => change({ ...value, timeZone: deviceZone() })}
              >
                {t('notifications.preferences.useDevice', { zone: zoneName(deviceZone()) })}
              </button>
            )}
          </p>
        </fieldset>
        <p>
          <label className="inline-choice check">
            <input
              type="checkbox"
              checked={value.showGroupNames}
              onChange={(e) => change({ ...value, showGroupNames: e.target.checked })}
            />{' '}
            {t('notifications.preferences.groupNames')}
          </label>
        </p>
        {action.error && <Alert tone="error">{action.error}</Alert>}
        {saved && <Alert tone="success">{t('common.savedNote')}</Alert>}
        <button type="submit" className="button" disabled={action.busy || draft === null}>
          {t('notifications.preferences.save')}
        </button>
      </form>
    </section>
  );
}

/** A digest interval chosen elsewhere (through the API) that the menu does not list, kept selectable. */
function custom(t: TFunction, value: NotificationPreferencesDto): [number, string][] {
  return value.messageDigestHours === null
    ? []
    : [[value.messageDigestHours, t('notifications.preferences.every', { count: value.messageDigestHours })]];
}
