import type { MoodBucketDto, MoodCheckinViewDto } from '@hearth/contracts';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

import { http } from '../../api/http';
import { Alert, Field, Loading, formatDateTime, useAction } from '../../ui/components';
import { myLocale, myTimeZone } from '../../ui/local-time';
import { useLoad } from '../../ui/use-load';

const MoodChart = lazy(() => import('./mood-chart'));

export function MoodPage() {
  const { t } = useTranslation();
  const tz = myTimeZone();
  const range = () => {
    const to = new Date(Date.now() + 86_400_000);
    const from = new Date(to.getTime() - 31 * 86_400_000);
    return `from=${from.toISOString()}&to=${to.toISOString()}&tz=${encodeURIComponent(tz)}`;
  };
  const series = useLoad(() => http.get<MoodBucketDto[]>(`/journal/mood?${range()}&bucket=day`), []);
  const checkins = useLoad(() => http.get<MoodCheckinViewDto[]>(`/journal/mood/checkins?${range()}`), []);
  const [mood, setMood] = useState(5);
  const [energy, setEnergy] = useState('');
  const [sleepHours, setSleepHours] = useState('');
  const [note, setNote] = useState('');
  const [saved, setSaved] = useState(false);
  const action = useAction();
  return (
    <div className="page narrow">
      <p>
        <Link className="back-link" to="/journal">
          {t('journal.back')}
        </Link>
      </p>
      <h1>{t('journal.mood.title')}</h1>
      <form
        className="card"
        onSubmit={(e) =>
          action.run(async () => {
            await http.post('/journal/mood', {
              mood,
              ...(energy !== '' ? { energy: Number(energy) } : {}),
              ...(sleepHours !== '' ? { sleepHours: Number(sleepHours) } : {}),
              ...(note.trim() ? { note: note.trim() } : {}),
            });
            setNote('');
            setSaved(true);
            await Promise.all([series.reload(), checkins.reload()]);
          }, e)
        }
      >
        <h2>{t('journal.mood.checkIn')}</h2>
        <div className="field">
          <label htmlFor="mood-range">{t('journal.mood.feeling', { mood })}</label>
          <input
            id="mood-range"
            type="range"
            min={0}
            max={10}
            step={1}
            value={mood}
            onChange={(e) => setMood(Number(e.target.value))}
            aria-valuetext={t('journal.mood.valueText', { mood })}
          />
        </div>
        <Field
          label={t('journal.mood.energy')}
          type="number"
          min={0}
          max={10}
          value={energy}
          onChange={(e) => setEnergy(e.target.value)}
        />
        <Field
          label={t('journal.mood.sleep')}
          type="number"
          min={0}
          max={24}
          step={0.5}
          value={sleepHours}
          onChange={(e) => setSleepHours(e.target.value)}
        />
        <Field label={t('journal.mood.note')} value={note} onChange={(e) => setNote(e.target.value)} />
        {action.error && <Alert tone="error">{action.error}</Alert>}
        {saved && <Alert tone="success">{t('journal.mood.saved')}</Alert>}
        <button className="button" disabled={action.busy}>
          {t('journal.mood.save')}
        </button>
      </form>
      <section aria-labelledby="chart-title">
        <h2 id="chart-title">{t('journal.mood.lastMonth')}</h2>
        {series.error && <Alert tone="error">{series.error}</Alert>}
        {series.data ? (
          <Suspense fallback={<Loading label={t('journal.mood.drawing')} />}>
            <MoodChart buckets={series.data} />
          </Suspense>
        ) : (
          <Loading />
        )}
        {checkins.data && checkins.data.length > 0 && (
          <ul className="checkins">
            {[...checkins.data]
              .reverse()
              .slice(0, 10)
              .map((c) => (
                <li key={c.id}>
                  {t('journal.mood.checkin', { when: formatDateTime(c.at), mood: c.mood })}
                  {c.energy !== null ? t('journal.mood.checkinEnergy', { energy: c.energy }) : ''}
                  {c.sleepHours !== null
                    ? t('journal.mood.checkinSleep', {
                        hours: new Intl.NumberFormat(myLocale()).format(c.sleepHours),
                      })
                    : ''}
                  {c.note ? `. ${c.note}` : ''}
                </li>
              ))}
          </ul>
        )}
      </section>
    </div>
  );
}
