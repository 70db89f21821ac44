import { useTranslation } from 'react-i18next';
import type { MatrixRowView } from '../../../shared/matrix';
import { stageName } from './MatrixTable';

/** The not-to-do list (a deliverable of its own): the stages decided "not to do", and why. */
export function NotToDoList({ rows }: { rows: readonly MatrixRowView[] }) {
  const { t } = useTranslation();
  return (
    <section className="mx-nottodo" aria-label={t('matrix.notToDo.heading')}>
      <h3>{t('matrix.notToDo.heading')}</h3>
      <p className="mx-nottodo-intro">{t('matrix.notToDo.intro')}</p>
      {rows.length === 0 ? (
        <p className="mx-nottodo-empty">{t('matrix.notToDo.empty')}</p>
      ) : (
        <ol>
          {rows.map(({ row, stageIndex }) => {
            const reasons = [
              row.humanReasonKind ? t(`matrix.humanReason.${row.humanReasonKind}`) : '',
              row.humanReason.trim(),
            ].filter(Boolean);
            const risks = [...row.riskKinds.map((r) => t(`matrix.riskKind.${r}`)), row.risks.trim()].filter(
              Boolean,
            );
            return (
              <li key={row.stageId} data-stage-id={row.stageId}>
                <strong>
                  {stageIndex + 1}. {stageName(row.stageTitle, t)}
                </strong>
                {row.cells.handToAi.trim() && (
                  <p>
                    <span className="mx-nottodo-caption">{t('matrix.column.handToAi')}: </span>
                    {row.cells.handToAi}
                  </p>
                )}
                {row.cells.today.trim() && (
                  <p>
                    <span className="mx-nottodo-caption">{t('matrix.column.today')}: </span>
                    {row.cells.today}
                  </p>
                )}
                {(row.humanMustStay || reasons.length > 0) && (
                  <p>
                    <span className="mx-nottodo-caption">{t('matrix.notToDo.why')}: </span>
                    {reasons.join('; ') || t('matrix.column.human')}
                  </p>
                )}
                {risks.length > 0 && (
                  <p>
                    <span className="mx-nottodo-caption">{t('matrix.column.risks')}: </span>
                    {risks.join('; ')}
                  </p>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
