import type { IncidentResponseTimesDto } from '@hearth/contracts';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';

/**
 * "4 min", "1 hr 5 min", "2 days": how long something took or has been waiting, in the language Hearth speaks.
 * Minutes are rounded for a time taken, and counted whole (`floor`) for a wait still going.
 */
export function formatDuration(t: TFunction, language: string, seconds: number, floor = false): string {
  const unit = (value: number, name: 'minute' | 'hour' | 'day') =>
    new Intl.NumberFormat(language, { style: 'unit', unit: name, unitDisplay: 'short' }).format(value);
  if (seconds < 60) return t('console.duration.underMinute');
  const minutes = floor ? Math.floor(seconds / 60) : Math.round(seconds / 60);
  if (minutes < 60) return unit(minutes, 'minute');
  const hours = Math.floor(minutes / 60);
  if (hours < 48)
    return minutes % 60 ? `${unit(hours, 'hour')} ${unit(minutes % 60, 'minute')}` : unit(hours, 'hour');
  return unit(floor ? Math.floor(hours / 24) : Math.round(hours / 24), 'day');
}

/** How fast this group's crisis incidents were acknowledged lately, in one calm line. */
export function IncidentResponse({ times }: { times: IncidentResponseTimesDto }) {
  const { t, i18n } = useTranslation();
  const wait = (seconds: number) => formatDuration(t, i18n.language, seconds);
  if (times.incidents === 0) {
    return <p className="note incident-response">{t('console.response.none', { days: times.days })}</p>;
  }
  const count = t('console.response.count', { count: times.incidents, days: times.days });
  const parts =
    times.medianSeconds !== null && times.worstSeconds !== null
      ? [
          t('console.response.median', { time: wait(times.medianSeconds) }),
          t('console.response.longest', { time: wait(times.worstSeconds) }),
          count,
        ]
      : [count, t('console.response.noneAcknowledged')];
  if (times.unanswered > 0 && times.answered > 0) {
    parts.push(t('console.response.waiting', { count: times.unanswered }));
  }
  return <p className="note incident-response">{parts.join(' · ')}</p>;
}
