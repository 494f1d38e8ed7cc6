import type { QuestionnaireHistoryDto } from '@hearth/contracts';
import { type RefObject, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { formatDate, myLocale } from '../../ui/local-time';
import { nameContext } from './wording';

const HEIGHT = 220;
const PAD = { left: 30, right: 10, top: 10, bottom: 28 };
/** Drawn at the width it is shown at, so that its words are the size of the page's small print, never shrunk. */
const FALLBACK_WIDTH = 340;

/**
 * Her scores over time on one instrument, the severity bands drawn as shaded zones behind them. The picture is
 * described in words and the same scores are in the table beside it, for screen readers and for reading exact values.
 */
export function ScoreChart({ history }: { history: QuestionnaireHistoryDto }) {
  const id = useId();
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const width = useWidth(box);
  const { points, bands, maxScore } = history;
  const plotWidth = width - PAD.left - PAD.right;
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const y = (score: number) => PAD.top + plotHeight * (1 - score / maxScore);
  const x = (i: number) =>
    PAD.left + (points.length < 2 ? plotWidth / 2 : (plotWidth * i) / (points.length - 1));
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
              points={points.map((p, i) => `${x(i)},${y(p.score)}`).join(' ')}
            />
          )}
          {points.map((p, i) => (
            <circle key={p.responseId} className="score-point" cx={x(i)} cy={y(p.score)} r={5} />
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
          {points.length > 0 && (
            <>
              <text
                x={points.length > 1 ? PAD.left : x(0)}
                y={HEIGHT - 8}
                className="score-axis"
                textAnchor={points.length > 1 ? 'start' : 'middle'}
              >
                {day(points[0].completedAt)}
              </text>
              {points.length > 1 && (
                <text x={width - PAD.right} y={HEIGHT - 8} className="score-axis" textAnchor="end">
                  {day(points.at(-1)!.completedAt)}
                </text>
              )}
            </>
          )}
        </svg>
      </div>
      <figcaption id={`${id}-summary`} className="visually-hidden">
        {summary}
      </figcaption>
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
