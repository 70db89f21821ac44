/**
 * Metric calculators, the metric catalogue, the CX index, AI-matrix prioritisation and
 * practitioner hints (DOMAIN.md 2.5–2.6). Pure functions; every calculator returns a
 * {@link MetricResult} instead of throwing.
 */
export {
  AI_HUMAN_FIT_CAP,
  AI_HUMAN_REASONS,
  AI_PRIORITY_FORMULA,
  AI_RISKS,
  AI_SCORE_MAX,
  AI_SCORE_MIN,
  type AiHumanReason,
  type AiPriorityDetails,
  type AiPriorityInput,
  type AiRisk,
  aiPriority,
  compareAiPriority,
} from './ai-matrix';
export {
  isMetricKind,
  METRIC_CATALOGUE,
  METRIC_KINDS,
  type MetricCalculator,
  type MetricCategory,
  type MetricDirection,
  type MetricKind,
  type MetricKindInfo,
  type MetricRange,
  type MetricSource,
  type MetricUnit,
  metricKindInfo,
  metricKindSchema,
  metricKindsIn,
} from './catalogue';
export {
  type CxIndexComponent,
  type CxIndexDetails,
  type CxIndexPart,
  cxIndex,
  normaliseToTarget,
} from './cx-index';
export { type HintSubject, hintsFor, METRIC_HINT_CODES, type MetricHint, type MetricHintCode } from './hints';
export { LTV_MAX_PERIODS, type LtvDetails, type LtvInput, type LtvPeriod, ltv } from './ltv';
export {
  type ChurnDetails,
  type ChurnInput,
  type ContactRateInput,
  churnRate,
  contactRate,
  type FcrInput,
  fcr,
  type MeanDetails,
  meanOf,
  type RateDetails,
  retentionFromChurn,
  retentionRate,
  type ShareInput,
  sharePercent,
} from './operational';
export {
  describeMetricError,
  METRIC_ERROR_CODES,
  type MetricError,
  type MetricErrorCode,
  type MetricErrorParams,
  type MetricResult,
} from './result';
export {
  CSAT_SCALE_POINTS,
  type CesDetails,
  type CliAnswer,
  type CliDetails,
  type CsatDetails,
  type CsiDetails,
  type CsiFactor,
  ces,
  cli,
  csatFromAnswers,
  csatFromDistribution,
  csi,
  type EffortScale,
  NPS_SCALE_POINTS,
  type NpsDetails,
  npsFromAnswers,
  npsFromDistribution,
} from './survey';
export { closesLoop, type DrivesLink, effectiveDrives, type MetricTreeNode, metricTree } from './tree';
export {
  computeFromInputs,
  INPUT_LIMITS,
  type InputCalculator,
  inputCalculatorsFor,
  kindAcceptsInputs,
  type MetricInputs,
  metricInputsSchema,
  readMetricInputs,
} from './inputs';
export {
  directionOf,
  type MetricStatus,
  metricStatus,
  STATUS_CLOSE_SHARE,
  STATUS_SCALE_SHARE,
  statusTolerance,
} from './status';
export {
  type CxPartProblem,
  type JourneyCxIndex,
  type JourneyCxPart,
  journeyCxIndex,
  type ScoredMetric,
  scoreAgainstTarget,
} from './journey-index';
export { metricsOverview, type OverviewQuery, type OverviewRow } from './overview';
export {
  type Cell,
  csvDelimiter,
  MAX_READINGS_TEXT,
  MAX_READINGS_XLSX_BYTES,
  type ParsedReading,
  READING_PROBLEM_CODES,
  type ReadingProblem,
  type ReadingProblemCode,
  type ReadingsTable,
  readDate,
  readingsFromCsv,
  readingsFromPaste,
  readingsFromRows,
  readingsFromXlsx,
  readValue,
  splitDelimited,
} from './readings';
