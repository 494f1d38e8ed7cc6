import type { QuestionnaireHistoryDto } from '@hearth/contracts';
import { useId } from 'react';

import { formatDate } from '../../ui/components';

const WIDTH = 360;
const HEIGHT = 200;
const PAD = { left: 28, right: 8, top: 8, bottom: 24 };

/**
 * Her scores over time on one instrument, the severity bands drawn as shaded zones behind them. The picture is
 * described in words and the same scores are in the table beside it, for screen readers and for reading exact values.
 */
export function ScoreChart({ history }: { history: QuestionnaireHistoryDto }) {
  const id = useId();
  const { points, bands, maxScore } = history;
  const plotWidth = WIDTH - PAD.left - PAD.right;
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const y = (score: number) => PAD.top + plotHeight * (1 - score / maxScore);
  const x = (i: number) =>
    PAD.left + (points.length < 2 ? plotWidth / 2 : (plotWidth * i) / (points.length - 1));
  const summary =
    `${history.name}: ${points.length} score${points.length === 1 ? '' : 's'} out of ${maxScore}, ` +
    `from ${history.first} to ${history.latest}. Bands: ` +
    bands.map((b) => `${b.label} ${b.min} to ${b.max}`).join(', ') +
    '.';
  const label = (bandId: string) => bands.find((b) => b.id === bandId)?.label ?? bandId;
  return (
    <figure className="score-chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby={`${id}-summary`}
        data-points={points.length}
      >
        {bands.map((band, i) => {
          const top = y(Math.min(maxScore, band.max + (i === bands.length - 1 ? 0 : 1)));
          const bottom = y(band.min);
          return (
            <g key={band.id} className="score-band" data-band={band.id}>
              <rect
                x={PAD.left}
                y={top}
                width={plotWidth}
                height={bottom - top}
                className={`score-band-${Math.min(i, 4)}`}
              />
              <text x={PAD.left + 4} y={top + 11} className="score-band-label">
                {band.label}
              </text>
              <text x={PAD.left - 4} y={bottom} textAnchor="end" className="score-axis">
                {band.min}
              </text>
            </g>
          );
        })}
        <text x={PAD.left - 4} y={PAD.top + 8} textAnchor="end" className="score-axis">
          {maxScore}
        </text>
        {points.length > 1 && (
          <polyline className="score-line" points={points.map((p, i) => `${x(i)},${y(p.score)}`).join(' ')} />
        )}
        {points.map((p, i) => (
          <circle key={p.responseId} className="score-point" cx={x(i)} cy={y(p.score)} r={4} />
        ))}
        {points.length > 0 && (
          <>
            <text
              x={x(0)}
              y={HEIGHT - 6}
              className="score-axis"
              textAnchor={points.length > 1 ? 'start' : 'middle'}
            >
              {formatDate(points[0].completedAt)}
            </text>
            {points.length > 1 && (
              <text x={x(points.length - 1)} y={HEIGHT - 6} className="score-axis" textAnchor="end">
                {formatDate(points.at(-1)!.completedAt)}
              </text>
            )}
          </>
        )}
      </svg>
      <figcaption id={`${id}-summary`} className="visually-hidden">
        {summary}
      </figcaption>
      <details className="score-table">
        <summary>Scores as a table</summary>
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{history.name} scores</caption>
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Score</th>
                <th scope="col">Band</th>
              </tr>
            </thead>
            <tbody>
              {points.map((p) => (
                <tr key={p.responseId}>
                  <td>{formatDate(p.completedAt)}</td>
                  <td>
                    {p.score} of {maxScore}
                  </td>
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
