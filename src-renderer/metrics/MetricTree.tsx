import { memo, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BoardCommandError, type JourneySnapshot, type MetricSnapshot } from '../../shared/board';
import { closesLoop, effectiveDrives, metricTree } from '../../shared/metrics';
import { useBoard, useBoardReadOnly } from '../board/BoardContext';
import { Dialog } from '../shell/Dialog';
import { metricName } from './names';
import { layoutMetricTree } from './treeLayout';
import { useJourneyMetrics } from './useJourneyMetrics';
import './metrics.css';

const BOX = { width: 168, height: 44, gapX: 56, gapY: 14 };

/** The header button that opens the journey's metric tree. */
export const MetricTreeButton = memo(function MetricTreeButton({ journey }: { journey: JourneySnapshot }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="md-header-button nodrag nokey" onClick={() => setOpen(true)}>
        {t('metrics.tree.open')}
      </button>
      {open && <MetricTreeDialog journey={journey} onClose={() => setOpen(false)} />}
    </>
  );
});

function MetricTreeDialog({ journey, onClose }: { journey: JourneySnapshot; onClose(): void }) {
  const { t } = useTranslation();
  const metrics = useJourneyMetrics(journey);
  return (
    <Dialog
      title={t('metrics.tree.title', { journey: journey.title || t('metrics.untitledJourney') })}
      onClose={onClose}
      className="cx-dialog--wide"
      closeButton={false}
    >
      <div className="cx-dialog__body">
        <p className="md-muted">{t('metrics.tree.intro')}</p>
        {metrics.length === 0 ? (
          <p className="md-muted">{t('metrics.cx.noMetrics')}</p>
        ) : (
          <TreeEditor journey={journey} metrics={metrics} />
        )}
      </div>
      <div className="cx-dialog__buttons">
        <button type="button" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
    </Dialog>
  );
}

function TreeEditor({ journey, metrics }: { journey: JourneySnapshot; metrics: readonly MetricSnapshot[] }) {
  const { t } = useTranslation();
  const board = useBoard();
  const readOnly = useBoardReadOnly();
  const [error, setError] = useState<string | null>(null);
  const links = useMemo(() => effectiveDrives(metrics), [metrics]);
  const byId = new Map(metrics.map((m) => [m.id, m]));
  const stageLabel = (m: MetricSnapshot) => {
    const index = journey.stages.findIndex((s) => s.id === m.stageId);
    return t('metrics.stageLabel', { number: index + 1, title: journey.stages[index]?.title ?? '' });
  };
  const label = (m: MetricSnapshot) => `${metricName(m, t)} · ${stageLabel(m)}`;
  const link = (m: MetricSnapshot, target: string) => {
    try {
      board.setMetricDrives(m.id, target === '' ? null : target);
      setError(null);
    } catch (e) {
      if (!(e instanceof BoardCommandError)) throw e;
      setError(t('metrics.tree.loop', { name: metricName(m, t) }));
    }
  };
  return (
    <>
      <TreePicture metrics={metrics} byId={byId} stageLabel={stageLabel} />
      <div className="md-scroll">
        <table className="md-table">
          <caption className="md-sr-only">{t('metrics.tree.tableCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('metrics.cx.metric')}</th>
              <th scope="col">{t('metrics.tree.drives')}</th>
            </tr>
          </thead>
          <tbody>
            {metrics.map((m) => {
              const current = links.get(m.id) ?? '';
              return (
                <tr key={m.id}>
                  <td>
                    <span className={`md-dot md-dot--${m.category}`} aria-hidden="true" />
                    {label(m)}
                  </td>
                  <td>
                    <select
                      value={current}
                      disabled={readOnly}
                      aria-label={t('metrics.tree.drivesOf', { name: metricName(m, t) })}
                      onChange={(e) => link(m, e.target.value)}
                    >
                      <option value="">{t('metrics.tree.nothing')}</option>
                      {metrics
                        .filter((other) => other.id !== m.id)
                        .map((other) => (
                          <option
                            key={other.id}
                            value={other.id}
                            disabled={closesLoop(links, m.id, other.id)}
                          >
                            {label(other)}
                          </option>
                        ))}
                    </select>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {error && (
        <p role="alert" className="md-error">
          {error}
        </p>
      )}
    </>
  );
}

function TreePicture({
  metrics,
  byId,
  stageLabel,
}: {
  metrics: readonly MetricSnapshot[];
  byId: ReadonlyMap<string, MetricSnapshot>;
  stageLabel(m: MetricSnapshot): string;
}) {
  const { t } = useTranslation();
  const layout = useMemo(() => layoutMetricTree(metricTree(metrics)), [metrics]);
  if (layout.edges.length === 0) return <p className="md-muted">{t('metrics.tree.empty')}</p>;
  const width = layout.columns * (BOX.width + BOX.gapX) - BOX.gapX + 8;
  const height = layout.rows * (BOX.height + BOX.gapY) - BOX.gapY + 8;
  const at = new Map(
    layout.boxes.map((b) => [
      b.id,
      { x: 4 + b.column * (BOX.width + BOX.gapX), y: 4 + b.row * (BOX.height + BOX.gapY) },
    ]),
  );
  const summary = layout.edges
    .map((e) =>
      t('metrics.tree.edge', { from: metricName(byId.get(e.from)!, t), to: metricName(byId.get(e.to)!, t) }),
    )
    .join('; ');
  return (
    <div className="md-scroll">
      <svg
        className="md-tree"
        role="img"
        aria-label={t('metrics.tree.pictureLabel', { links: summary })}
        width={width}
        height={height}
        viewBox={`0 0 ${width} ${height}`}
      >
        <defs>
          <marker
            id="md-arrow"
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="7"
            markerHeight="7"
            orient="auto"
          >
            <path d="M0,0 L10,5 L0,10 z" className="md-tree__arrow" />
          </marker>
        </defs>
        {layout.edges.map((e) => {
          const a = at.get(e.from)!;
          const b = at.get(e.to)!;
          const x1 = a.x + BOX.width;
          const y1 = a.y + BOX.height / 2;
          const x2 = b.x;
          const y2 = b.y + BOX.height / 2;
          const mid = (x1 + x2) / 2;
          return (
            <path
              key={`${e.from}>${e.to}`}
              d={`M${x1},${y1} C${mid},${y1} ${mid},${y2} ${x2},${y2}`}
              className="md-tree__edge"
              markerEnd="url(#md-arrow)"
            />
          );
        })}
        {layout.boxes.map((box) => {
          const m = byId.get(box.id)!;
          const p = at.get(box.id)!;
          return (
            <g
              key={box.id}
              transform={`translate(${p.x},${p.y})`}
              className={`md-tree__node md-tree__node--${m.category}`}
            >
              <rect width={BOX.width} height={BOX.height} rx={6} />
              <text x={8} y={17} className="md-tree__name">
                {clip(metricName(m, t), 22)}
              </text>
              <text x={8} y={34} className="md-tree__stage">
                {clip(`${t(`metrics.category.${m.category}`)} · ${stageLabel(m)}`, 28)}
              </text>
            </g>
          );
        })}
      </svg>
    </div>
  );
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
