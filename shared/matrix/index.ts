/**
 * The AI-automation opportunity matrix as rows (DOMAIN 2.6): the one projection the canvas
 * table, its views and every export share.
 */
export {
  HUMAN_HIGH_FIT,
  MATRIX_FILTERS,
  MATRIX_HINT_CODES,
  MATRIX_SORTS,
  MATRIX_VALUE_MAX,
  type MatrixChartPoint,
  type MatrixFilter,
  type MatrixHintCode,
  type MatrixProjection,
  type MatrixRowView,
  type MatrixSort,
  type MatrixSource,
  type MatrixViewOptions,
  matricesOf,
  matricesOfJourney,
  matrixChartPoints,
  matrixRowHints,
  passesFilter,
  projectMatrix,
} from './projection';
