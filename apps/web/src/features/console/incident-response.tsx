import type { IncidentResponseTimesDto } from '@hearth/contracts';

/** "4 min", "1 hr 5 min", "2 days": a time to acknowledge, in the browser's language. */
export function formatWait(seconds: number): string {
  const unit = (value: number, name: 'minute' | 'hour' | 'day') =>
    new Intl.NumberFormat(undefined, { style: 'unit', unit: name, unitDisplay: 'short' }).format(value);
  if (seconds < 60) return 'under a minute';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return unit(minutes, 'minute');
  const hours = Math.floor(minutes / 60);
  if (hours < 48)
    return minutes % 60 ? `${unit(hours, 'hour')} ${unit(minutes % 60, 'minute')}` : unit(hours, 'hour');
  return unit(Math.round(hours / 24), 'day');
}

/** How fast this group's crisis incidents were acknowledged lately, in one calm line. */
export function IncidentResponse({ times }: { times: IncidentResponseTimesDto }) {
  const count = (n: number) => `${n} ${n === 1 ? 'incident' : 'incidents'} in ${times.days} days`;
  if (times.incidents === 0) {
    return <p className="note incident-response">No crisis incidents in the last {times.days} days.</p>;
  }
  const parts =
    times.medianSeconds !== null && times.worstSeconds !== null
      ? [
          `Median time to acknowledge: ${formatWait(times.medianSeconds)}`,
          `Longest: ${formatWait(times.worstSeconds)}`,
          count(times.incidents),
        ]
      : [count(times.incidents), 'none acknowledged yet'];
  if (times.unanswered > 0 && times.answered > 0) parts.push(`${times.unanswered} still waiting`);
  return <p className="note incident-response">{parts.join(' · ')}</p>;
}
