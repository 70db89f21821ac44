import { useTranslation } from 'react-i18next';
import { AI_SCORE_MAX, AI_SCORE_MIN } from '../../../shared/metrics';
import { MATRIX_VALUE_MAX, type MatrixRowView, matrixChartPoints } from '../../../shared/matrix';
import { stageName } from './MatrixTable';

const W = 760;
const H = 400;
const PAD = { left: 70, right: 30, top: 24, bottom: 56 };
const MID_VALUE = (1 + MATRIX_VALUE_MAX) / 2;
const MID_FIT = (AI_SCORE_MIN + AI_SCORE_MAX) / 2;

const xOf = (fit: number) =>
  PAD.left + ((fit - AI_SCORE_MIN) / (AI_SCORE_MAX - AI_SCORE_MIN)) * (W - PAD.left - PAD.right);
const yOf = (value: number) =>
  H - PAD.bottom - ((value - 1) / (MATRIX_VALUE_MAX - 1)) * (H - PAD.top - PAD.bottom);

/**
 * The 2×2 chart: every scored stage as a labelled point, value (pain × money) up, automation
 * fit right; the quarters named after what the method does with them. Stages that share a
 * place are fanned out so each label stays readable. Stages not yet scored are listed below.
 */
export function MatrixChart({ rows }: { rows: readonly MatrixRowView[] }) {
  const { t } = useTranslation();
  const points = matrixChartPoints(rows);
  const unscored = rows.filter((v) => !points.some((p) => p.view === v));
  const seen = new Map<string, number>();
  return (
    <div className="mx-chart">
      <svg aria-hidden="true" viewBox={`0 0 ${W} ${H}`} width={W} height={H} className="mx-chart-svg">
        <rect
          x={PAD.left}
          y={PAD.top}
          width={W - PAD.left - PAD.right}
          height={H - PAD.top - PAD.bottom}
          className="mx-chart-area"
        />
        <line x1={xOf(MID_FIT)} x2={xOf(MID_FIT)} y1={PAD.top} y2={H - PAD.bottom} className="mx-chart-mid" />
        <line
          x1={PAD.left}
          x2={W - PAD.right}
          y1={yOf(MID_VALUE)}
          y2={yOf(MID_VALUE)}
          className="mx-chart-mid"
        />
        <text x={W - PAD.right - 8} y={PAD.top + 18} textAnchor="end" className="mx-chart-quadrant">
          {t('matrix.chart.quadrant.high-value-high-fit')}
        </text>
        <text x={PAD.left + 8} y={PAD.top + 18} className="mx-chart-quadrant">
          {t('matrix.chart.quadrant.high-value-low-fit')}
        </text>
        <text x={W - PAD.right - 8} y={H - PAD.bottom - 10} textAnchor="end" className="mx-chart-quadrant">
          {t('matrix.chart.quadrant.low-value-high-fit')}
        </text>
        <text x={PAD.left + 8} y={H - PAD.bottom - 10} className="mx-chart-quadrant">
          {t('matrix.chart.quadrant.low-value-low-fit')}
        </text>
        {[1, 2, 3, 4, 5].map((fit) => (
          <text key={fit} x={xOf(fit)} y={H - PAD.bottom + 18} textAnchor="middle" className="mx-chart-tick">
            {fit}
          </text>
        ))}
        {[1, 5, 10, 15, 20, 25].map((value) => (
          <text key={value} x={PAD.left - 8} y={yOf(value) + 4} textAnchor="end" className="mx-chart-tick">
            {value}
          </text>
        ))}
        <text x={(PAD.left + W - PAD.right) / 2} y={H - 12} textAnchor="middle" className="mx-chart-axis">
          {t('matrix.chart.fitAxis')}
        </text>
        <text
          x={18}
          y={(PAD.top + H - PAD.bottom) / 2}
          textAnchor="middle"
          transform={`rotate(-90 18 ${(PAD.top + H - PAD.bottom) / 2})`}
          className="mx-chart-axis"
        >
          {t('matrix.chart.valueAxis')}
        </text>
        {points.map((point) => {
          const place = `${point.value}:${point.fit}`;
          const twin = seen.get(place) ?? 0;
          seen.set(place, twin + 1);
          const x = xOf(point.fit);
          const y = yOf(point.value) + twin * 16;
          const stage = stageName(point.view.row.stageTitle, t);
          return (
            <g
              key={point.view.row.stageId}
              className={`mx-chart-point is-${point.view.row.decision ?? 'unset'}`}
              data-stage-id={point.view.row.stageId}
            >
              <circle cx={x} cy={y} r={6} />
              <text x={x + 10} y={y + 4}>
                {`${point.view.stageIndex + 1}. ${stage}`}
              </text>
            </g>
          );
        })}
      </svg>
      {/* The picture's words for screen readers: one line per point. */}
      <ul className="mx-sr-only" aria-label={t('matrix.chart.label')}>
        {points.map((point) => (
          <li key={point.view.row.stageId}>
            {t('matrix.chart.point', {
              stage: stageName(point.view.row.stageTitle, t),
              value: point.value,
              fit: point.fit,
            })}
          </li>
        ))}
      </ul>
      <p className="mx-chart-note">
        {points.length === 0
          ? t('matrix.chart.empty')
          : unscored.length > 0
            ? t('matrix.chart.unscored', {
                stages: unscored.map((v) => stageName(v.row.stageTitle, t)).join(', '),
              })
            : null}
      </p>
    </div>
  );
}
