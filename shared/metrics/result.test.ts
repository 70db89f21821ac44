import { describe, expect, it } from 'vitest';
import { describeMetricError, failure, METRIC_ERROR_CODES } from './result';

describe('metric errors', () => {
  it('gives every code a developer message naming the input', () => {
    const messages = METRIC_ERROR_CODES.map((code) =>
      describeMetricError(code, {
        field: 'answers',
        index: 2,
        property: 'x',
        min: 0,
        max: 10,
        expected: 11,
        total: 5,
        received: '12',
      }),
    );
    for (const message of messages) expect(message).toContain('answers[2].x');
    expect(new Set(messages).size).toBe(METRIC_ERROR_CODES.length);
  });

  it('words one-sided bounds correctly and keeps code, params and message together', () => {
    expect(describeMetricError('out-of-range', { field: 'weight', min: 0, received: '-1' })).toBe(
      'weight must be at least 0, got -1',
    );
    expect(describeMetricError('out-of-range', { field: 'periods', max: 1000 })).toBe(
      'periods must be at most 1000',
    );
    expect(failure('empty', { field: 'answers' })).toEqual({
      ok: false,
      error: { code: 'empty', params: { field: 'answers' }, message: 'answers must not be empty' },
    });
  });
});
