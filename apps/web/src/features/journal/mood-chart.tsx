import type { MoodBucketDto } from '@hearth/contracts';
import {
  CategoryScale,
  Chart,
  Filler,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

import { formatCalendarDay, myLocale } from '../../ui/local-time';

Chart.register(LineController, LineElement, PointElement, LinearScale, CategoryScale, Tooltip, Filler);

/**
 * Mood over time (daily means with their range). Each bucket is a day in the person's own zone (the server
 * groups by it), so its label is that calendar day, never shifted by a UTC midnight. Loaded only on the mood screen.
 */
export default function MoodChart({ buckets }: { buckets: MoodBucketDto[] }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const { t, i18n } = useTranslation();
  const mean = t('journal.chart.mean');
  const tenths = new Intl.NumberFormat(myLocale(), { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  useEffect(() => {
    if (!canvas.current) return;
    const reduced = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    const styles = getComputedStyle(document.documentElement);
    const accent = styles.getPropertyValue('--accent').trim() || '#3f6b5c';
    const text = styles.getPropertyValue('--text').trim() || '#222';
    const chart = new Chart(canvas.current, {
      type: 'line',
      data: {
        labels: buckets.map((b) => formatCalendarDay(b.start, 'short')),
        datasets: [
          {
            label: mean,
            data: buckets.map((b) => b.mood.mean),
            borderColor: accent,
            backgroundColor: accent,
            tension: 0.3,
            pointRadius: 4,
          },
        ],
      },
      options: {
        animation: reduced ? false : undefined,
        responsive: true,
        maintainAspectRatio: false,
        scales: {
          y: { min: 0, max: 10, ticks: { color: text } },
          x: { ticks: { color: text } },
        },
      },
    });
    return () => chart.destroy();
    // The day labels follow the language too.
  }, [buckets, mean, i18n.resolvedLanguage]);
  const summary = buckets.length
    ? t('journal.chart.summary', {
        count: buckets.length,
        from: tenths.format(buckets[0].mood.mean),
        to: tenths.format(buckets.at(-1)!.mood.mean),
      })
    : t('journal.chart.none');
  return (
    <figure className="chart">
      <div className="chart-box">
        <canvas ref={canvas} role="img" aria-label={summary} data-points={buckets.length} />
      </div>
      <figcaption>{summary}</figcaption>
      {buckets.length > 0 && (
        <details className="chart-numbers">
          <summary>{t('journal.chart.numbers')}</summary>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('journal.chart.day')}</th>
                  <th scope="col">{mean}</th>
                  <th scope="col">{t('journal.chart.lowest')}</th>
                  <th scope="col">{t('journal.chart.highest')}</th>
                  <th scope="col">{t('journal.chart.count')}</th>
                </tr>
              </thead>
              <tbody>
                {buckets.map((b) => (
                  <tr key={b.start}>
                    <th scope="row">{formatCalendarDay(b.start)}</th>
                    <td>{tenths.format(b.mood.mean)}</td>
                    <td>{b.mood.min}</td>
                    <td>{b.mood.max}</td>
                    <td>{b.count}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      )}
    </figure>
  );
}
