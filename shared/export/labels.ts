import type { LaneType, MatrixDecision, MetricCategory, MetricSource } from '../board';
import type { ExportLanguage } from './language';
import type { AiHumanReason, AiRisk } from '../metrics';

/**
 * The words exports write into files (headers, sheet names, values), in ru and en. The UI's
 * texts live in i18next; exports also run on the command line without it, so a typed table
 * keeps both languages complete by construction (as src-main/strings.ts does for main). The
 * lane-type names are the same as the journey frame shows (`journey.lane.type.*`).
 */
export interface ExportLabels {
  yes: string;
  no: string;
  matrix: {
    journey: string;
    stage: string;
    targetMoment: string;
    today: string;
    handToAi: string;
    metric: string;
    companyValue: string;
    clientValue: string;
    pain: string;
    money: string;
    fit: string;
    priority: string;
    humanMustStay: string;
    humanReason: string;
    risks: string;
    decision: string;
    decisions: Record<MatrixDecision, string>;
    humanReasons: Record<AiHumanReason, string>;
    riskKinds: Record<AiRisk, string>;
    notToDoSheet: string;
    metricsSheet: string;
    /** Title of a matrix sheet whose journey has no title. */
    untitled: string;
  };
  metrics: {
    name: string;
    category: string;
    current: string;
    target: string;
    unit: string;
    period: string;
    source: string;
    owner: string;
    categories: Record<MetricCategory, string>;
    sources: Record<MetricSource, string>;
  };
  journey: {
    /** Header of the first column (the lanes). */
    lane: string;
    laneTypes: Record<LaneType, string>;
    emotionAsIs: string;
    emotionToBe: string;
    momentType: string;
    momentTarget: string;
    momentCurrent: string;
    /** What replaces a redacted quote. */
    redacted: string;
  };
}

const en: ExportLabels = {
  yes: 'Yes',
  no: 'No',
  matrix: {
    journey: 'Journey',
    stage: 'Stage',
    targetMoment: 'Target moment of truth',
    today: 'How it works today',
    handToAi: 'What to hand to AI',
    metric: 'Metric that proves it',
    companyValue: 'Value for the company',
    clientValue: 'Value for the client',
    pain: 'Customer pain (1–5)',
    money: 'Money at stake (1–5)',
    fit: 'Automation fit (1–5)',
    priority: 'Priority (0–100)',
    humanMustStay: 'A human must stay',
    humanReason: 'Why a human must stay',
    risks: 'Risks',
    decision: 'Decision',
    decisions: { now: 'Now', later: 'Later', 'not-to-do': 'Not to do' },
    humanReasons: {
      'complex-product': 'Complex product',
      'elderly-customers': 'Elderly customers',
      'emotional-request': 'Emotional request',
      'legal-risk': 'Legal risk',
    },
    riskKinds: { hallucination: 'Hallucination', privacy: 'Privacy', 'over-trust': 'Over-trust' },
    notToDoSheet: 'Not to do',
    metricsSheet: 'Stage metrics',
    untitled: 'Journey',
  },
  metrics: {
    name: 'Metric',
    category: 'Category',
    current: 'Current',
    target: 'Target',
    unit: 'Unit',
    period: 'Period',
    source: 'Source',
    owner: 'Owner',
    categories: { subjective: 'Subjective', operational: 'Operational', financial: 'Financial' },
    sources: { customer: 'Measured by customers', company: 'Measured by the company' },
  },
  journey: {
    lane: 'Lane',
    laneTypes: {
      goals: 'Goals / JTBD',
      steps: 'Customer steps',
      touchpoints: 'Touchpoints / channels',
      expectations: 'Expectations',
      emotions: 'Emotions',
      moments: 'Moments of truth',
      barriers: 'Barriers and pains',
      quotes: 'Customer quotes',
      ideas: 'Ideas and opportunities',
      metrics: 'Metrics',
      custom: 'Custom lane',
    },
    emotionAsIs: 'Emotion score: as is',
    emotionToBe: 'Emotion score: to be',
    momentType: 'Moment of truth: type',
    momentTarget: 'Moment of truth: target',
    momentCurrent: 'Moment of truth: today',
    redacted: '[redacted]',
  },
};

const ru: ExportLabels = {
  yes: 'Да',
  no: 'Нет',
  matrix: {
    journey: 'Путь клиента',
    stage: 'Этап',
    targetMoment: 'Целевой момент истины',
    today: 'Как реализовано сейчас',
    handToAi: 'Что передать ИИ',
    metric: 'Какой метрикой измерить',
    companyValue: 'Ценность для компании',
    clientValue: 'Ценность для клиента',
    pain: 'Боль клиента (1–5)',
    money: 'Деньги на кону (1–5)',
    fit: 'Применимость автоматизации (1–5)',
    priority: 'Приоритет (0–100)',
    humanMustStay: 'Нужен человек',
    humanReason: 'Почему нужен человек',
    risks: 'Риски',
    decision: 'Решение',
    decisions: { now: 'Сейчас', later: 'Позже', 'not-to-do': 'Не делать' },
    humanReasons: {
      'complex-product': 'Сложный продукт',
      'elderly-customers': 'Пожилые клиенты',
      'emotional-request': 'Эмоциональное обращение',
      'legal-risk': 'Юридический риск',
    },
    riskKinds: { hallucination: 'Галлюцинации', privacy: 'Приватность', 'over-trust': 'Избыточное доверие' },
    notToDoSheet: 'Не делать',
    metricsSheet: 'Метрики этапов',
    untitled: 'Путь клиента',
  },
  metrics: {
    name: 'Метрика',
    category: 'Категория',
    current: 'Сейчас',
    target: 'Цель',
    unit: 'Единица',
    period: 'Период',
    source: 'Источник',
    owner: 'Ответственный',
    categories: { subjective: 'Субъективная', operational: 'Операционная', financial: 'Финансовая' },
    sources: { customer: 'Измеряют клиенты', company: 'Измеряет компания' },
  },
  journey: {
    lane: 'Дорожка',
    laneTypes: {
      goals: 'Цели / JTBD',
      steps: 'Шаги клиента',
      touchpoints: 'Точки контакта / каналы',
      expectations: 'Ожидания',
      emotions: 'Эмоции',
      moments: 'Моменты истины',
      barriers: 'Барьеры и боли',
      quotes: 'Цитаты клиентов',
      ideas: 'Идеи и возможности',
      metrics: 'Метрики',
      custom: 'Свой слой',
    },
    emotionAsIs: 'Оценка эмоции: как есть',
    emotionToBe: 'Оценка эмоции: как должно быть',
    momentType: 'Момент истины: тип',
    momentTarget: 'Момент истины: цель',
    momentCurrent: 'Момент истины: сейчас',
    redacted: '[скрыто]',
  },
};

export const EXPORT_LABELS: Readonly<Record<ExportLanguage, ExportLabels>> = { en, ru };

/** The export words of a language. */
export function exportLabels(language: ExportLanguage): ExportLabels {
  return EXPORT_LABELS[language];
}
