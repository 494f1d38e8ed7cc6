import type { MoodCheckinViewDto, QuestionnaireHistoryDto } from '@hearth/contracts';
import { type RefObject, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { formatDate, myLocale } from '../../ui/local-time';
import { nameContext } from './wording';

const PLOT_HEIGHT = 220;
const PAD = { left: 30, right: 10, top: 10, bottom: 28 };
/** The strip of her mood check-ins under the scores, on the same dates (mood 0 to 10, higher is better). */
const MOOD_HEIGHT = 48;
const MOOD_GAP = 8;
/** Drawn at the width it is shown at, so that its words are the size of the page's small print, never shrunk. */
const FALLBACK_WIDTH = 340;

/**
 * Her scores over time on one instrument, the severity bands drawn as shaded zones behind them, and beneath them,
 * on the same dates, her mood check-ins since her first score. Both are placed by date, so a fortnight looks like a
 * fortnight. The picture is described in words and the same scores are in the table beside it, for screen readers
 * and for reading exact values.
 */
export function ScoreChart({
  history,
  moods = [],
}: {
  history: QuestionnaireHistoryDto;
  /** Her mood check-ins, oldest first; those before her first score are left out. */
  moods?: MoodCheckinViewDto[];
}) {
  const id = useId();
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const width = useWidth(box);
  const { points, bands, maxScore } = history;
  const time = (iso: string) => new Date(iso).getTime();
  const start = points.length > 0 ? time(points[0].completedAt) : 0;
  const shownMoods = moods.filter((m) => time(m.at) >= start);
  const end = Math.max(
    start,
    ...points.map((p) => time(p.completedAt)),
    ...shownMoods.map((m) => time(m.at)),
  );
  const plotWidth = width - PAD.left - PAD.right;
  const plotHeight = PLOT_HEIGHT - PAD.top - PAD.bottom;
  const moodTop = PAD.top + plotHeight + MOOD_GAP;
  const HEIGHT = PLOT_HEIGHT + (shownMoods.length > 0 ? MOOD_GAP + MOOD_HEIGHT : 0);
  const y = (score: number) => PAD.top + plotHeight * (1 - score / maxScore);
  const yMood = (mood: number) => moodTop + 6 + (MOOD_HEIGHT - 12) * (1 - mood / 10);
  // By date; all on one moment (one score, nothing after it), in the middle.
  const x = (iso: string) =>
    PAD.left + (end === start ? plotWidth / 2 : (plotWidth * (time(iso) - start)) / (end - start));
  const summary = t('questionnaire.chart.summary', {
    name: history.name,
    count: points.length,
    max: maxScore,
    first: history.first,
    latest: history.latest,
    bands: bands
      .map((b) => t('questionnaire.chart.band', { label: b.label, min: b.min, max: b.max }))
      .join(', '),
  });
  const moodSummary =
    shownMoods.length > 0
      ? t('questionnaire.chart.moodSummary', {
          count: shownMoods.length,
          from: shownMoods[0].mood,
          to: shownMoods.at(-1)!.mood,
        })
      : '';
  const zones = bands.map((band, i) => ({
    band,
    shade: Math.min(i, 4),
    top: y(Math.min(maxScore, band.max + (i === bands.length - 1 ? 0 : 1))),
    bottom: y(band.min),
  }));
  const label = (bandId: string) => bands.find((b) => b.id === bandId)?.label ?? bandId;
  // Day labels at the ends, short ("3 dic") when the chart is narrow.
  const day = (iso: string) =>
    width < 420
      ? new Intl.DateTimeFormat(myLocale(), { month: 'short', day: 'numeric' }).format(new Date(iso))
      : formatDate(iso);
  return (
    <figure className="score-chart">
      <div ref={box} className="score-chart-box">
        <svg
          width={width}
          height={HEIGHT}
          viewBox={`0 0 ${width} ${HEIGHT}`}
          role="img"
          aria-labelledby={`${id}-summary`}
          data-points={points.length}
        >
          {zones.map(({ band, shade, top, bottom }) => (
            <g key={band.id} className="score-band" data-band={band.id}>
              <rect
                x={PAD.left}
                y={top}
                width={plotWidth}
                height={bottom - top}
                className={`score-band-${shade}`}
              />
              <text x={PAD.left - 5} y={bottom} textAnchor="end" className="score-axis">
                {band.min}
              </text>
            </g>
          ))}
          <text x={PAD.left - 5} y={PAD.top + 10} textAnchor="end" className="score-axis">
            {maxScore}
          </text>
          {points.length > 1 && (
            <polyline
              className="score-line"
              points={points.map((p) => `${x(p.completedAt)},${y(p.score)}`).join(' ')}
            />
          )}
          {points.map((p) => (
            <circle key={p.responseId} className="score-point" cx={x(p.completedAt)} cy={y(p.score)} r={5} />
          ))}
          {/* The bands' names last, over the line, each outlined so that it stays readable where they cross. */}
          {zones.map(
            ({ band, top, bottom }) =>
              bottom - top >= 14 && (
                <text
                  key={band.id}
                  x={PAD.left + 10}
                  y={top + (bottom - top) / 2}
                  dominantBaseline="central"
                  className="score-band-label"
                >
                  {band.label}
                </text>
              ),
          )}
          {shownMoods.length > 0 && (
            <g className="mood-strip" data-moods={shownMoods.length}>
              <rect
                x={PAD.left}
                y={moodTop}
                width={plotWidth}
                height={MOOD_HEIGHT}
                className="mood-strip-zone"
              />
              <text x={PAD.left - 5} y={moodTop + 12} textAnchor="end" className="score-axis">
                10
              </text>
              <text x={PAD.left - 5} y={moodTop + MOOD_HEIGHT} textAnchor="end" className="score-axis">
                0
              </text>
              {shownMoods.map((m) => (
                <circle key={m.id} className="mood-point" cx={x(m.at)} cy={yMood(m.mood)} r={3.5} />
              ))}
              <text
                x={PAD.left + 10}
                y={moodTop + MOOD_HEIGHT / 2}
                dominantBaseline="central"
                className="score-band-label"
              >
                {t('questionnaire.chart.mood')}
              </text>
            </g>
          )}
          {points.length > 0 && (
            <>
              <text
                x={end > start ? PAD.left : x(points[0].completedAt)}
                y={HEIGHT - 8}
                className="score-axis"
                textAnchor={end > start ? 'start' : 'middle'}
              >
                {day(points[0].completedAt)}
              </text>
              {end > start && (
                <text x={width - PAD.right} y={HEIGHT - 8} className="score-axis" textAnchor="end">
                  {day(new Date(end).toISOString())}
                </text>
              )}
            </>
          )}
        </svg>
      </div>
      <figcaption id={`${id}-summary`} className="visually-hidden">
        {summary}
        {moodSummary && ` ${moodSummary}`}
      </figcaption>
      {shownMoods.length > 0 && <p className="muted mood-strip-note">{t('questionnaire.chart.moodNote')}</p>}
      <details className="score-table">
        <summary>{t('questionnaire.chart.asTable')}</summary>
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">
              {t('questionnaire.chart.caption', {
                name: history.name,
                context: nameContext(history.instrument),
              })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('questionnaire.chart.date')}</th>
                <th scope="col">{t('questionnaire.chart.score')}</th>
                <th scope="col">{t('questionnaire.chart.bandColumn')}</th>
              </tr>
            </thead>
            <tbody>
              {points.map((p) => (
                <tr key={p.responseId}>
                  <td>{formatDate(p.completedAt)}</td>
                  <td>{t('questionnaire.chart.scoreOf', { score: p.score, max: maxScore })}</td>
                  <td>{label(p.band)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}

/** The element's width in CSS pixels, followed as the page changes size. */
function useWidth(ref: RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(FALLBACK_WIDTH);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => setWidth(Math.max(240, Math.floor(element.clientWidth)));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}
