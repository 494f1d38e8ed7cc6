import type { OccurrenceDto } from '@hearth/contracts';

import { useTranslation } from 'react-i18next';

import { http } from '../../api/http';
import { Alert } from '../../ui/components';
import { useLoad } from '../../ui/use-load';
import { meetingWhen, nextInMyTime, nextOfEach } from './meeting-times';

/** My groups' meetings in the coming weeks: when, where, and (for members) the way into the video call. */
export function MyMeetings({ reloadKey }: { reloadKey: unknown }) {
  const { t } = useTranslation();
  const meetings = useLoad(() => http.get<OccurrenceDto[]>('/me/meetings'), [reloadKey]);
  const listed = nextOfEach(meetings.data ?? []);
  if (meetings.error) return <Alert tone="error">{meetings.error}</Alert>;
  if (listed.length === 0) return null;
  return (
    <section aria-labelledby="meetings-title">
      <h2 id="meetings-title">{t('home.meetings.title')}</h2>
      <ul className="card-list">
        {listed.map((meeting) => (
          <li key={meeting.meetingId} className="card meeting-card">
            <h3>{meeting.title}</h3>
            <p className="muted">{meeting.groupName}</p>
            <p>
              <strong>{meetingWhen(meeting)}</strong>
            </p>
            {meeting.recurrence === 'weekly' && (
              <p className="muted">{t('home.meetings.next', { when: nextInMyTime(meeting) })}</p>
            )}
            {meeting.location && <p>{meeting.location}</p>}
            {meeting.videoUrl && (
              <p>
                <a href={meeting.videoUrl} target="_blank" rel="noopener noreferrer">
                  {t('home.meetings.join')}
                  <span className="visually-hidden">
                    {t('home.meetings.joinFor', { title: meeting.title })}
                  </span>
                </a>
              </p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
