import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AI_PRIORITY_FORMULA, type AiPriorityInput, aiPriority, compareAiPriority } from './ai-matrix';

function priority(pain: number, money: number, fit: number, humanMustStay = false): number {
  const r = aiPriority({ pain, money, fit, humanMustStay });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('AI-matrix priority', () => {
  it('scales pain × money × fit from 1..125 to 0..100 (hand-checked)', () => {
    expect(priority(1, 1, 1)).toBe(0);
    expect(priority(5, 5, 5)).toBe(100);
    // 4 × 5 × 3 = 60 → (60 − 1) / 124 × 100 = 47.58…
    expect(priority(4, 5, 3)).toBeCloseTo(47.5806, 4);
    // A product needs all three: big pain and money with no automation fit stays low (25 → 19.35).
    expect(priority(5, 5, 1)).toBeCloseTo(19.3548, 4);
  });

  it('caps automation fit at 2 when a human must stay, and says so', () => {
    const r = aiPriority({ pain: 5, money: 5, fit: 5, humanMustStay: true });
    expect(r).toMatchObject({ ok: true, details: { fit: 5, effectiveFit: 2, capped: true, product: 50 } });
    // (50 − 1) / 124 × 100 = 39.516…
    expect(r.ok && r.value).toBeCloseTo(39.5161, 4);
    expect(priority(3, 3, 1, true)).toBe(priority(3, 3, 1, false));
    expect(AI_PRIORITY_FORMULA).toEqual({
      key: 'metrics.aiPriority.formula',
      params: { scoreMin: 1, scoreMax: 5, humanFitCap: 2, rawMin: 1, rawSpan: 124 },
    });
  });

  it('refuses a missing score, scores off 1–5, fractions and a non-boolean flag', () => {
    const missing = aiPriority({ pain: 3, money: null, fit: 2, humanMustStay: false });
    expect(missing.ok ? null : missing.error).toMatchObject({ code: 'missing', params: { field: 'money' } });
    const six = aiPriority({ pain: 6, money: 1, fit: 1, humanMustStay: false });
    expect(six.ok ? null : six.error).toMatchObject({
      code: 'out-of-range',
      params: { field: 'pain', min: 1, max: 5 },
    });
    const zero = aiPriority({ pain: 1, money: 1, fit: 0, humanMustStay: false });
    expect(zero.ok ? null : zero.error.params.field).toBe('fit');
    const half = aiPriority({ pain: 2.5, money: 1, fit: 1, humanMustStay: false });
    expect(half.ok ? null : half.error.code).toBe('not-integer');
    const flag = aiPriority({ pain: 1, money: 1, fit: 1, humanMustStay: 'yes' as unknown as boolean });
    expect(flag.ok ? null : flag.error).toMatchObject({
      code: 'invalid-type',
      params: { field: 'humanMustStay' },
    });
    const nothing = aiPriority(null as unknown as AiPriorityInput);
    expect(nothing.ok ? null : nothing.error.code).toBe('invalid-type');
  });

  const score = fc.integer({ min: 1, max: 5 });

  it('property: priority stays within 0..100 and is monotone in each score', () => {
    fc.assert(
      fc.property(
        score,
        score,
        score,
        fc.boolean(),
        fc.constantFrom('pain', 'money', 'fit'),
        (pain, money, fit, human, raised) => {
          const base: AiPriorityInput = { pain, money, fit, humanMustStay: human };
          const before = aiPriority(base);
          if (!before.ok || before.value < 0 || before.value > 100) return false;
          if (base[raised] === 5) return true;
          const after = aiPriority({ ...base, [raised]: (base[raised] as number) + 1 });
          if (!after.ok) return false;
          // Strictly better, except raising fit above the cap while a human must stay changes nothing.
          const flat = raised === 'fit' && human && fit >= 2;
          return flat ? after.value === before.value : after.value > before.value;
        },
      ),
    );
  });

  it('property: the human-must-stay flag never raises a priority', () => {
    fc.assert(
      fc.property(
        score,
        score,
        score,
        (pain, money, fit) => priority(pain, money, fit, true) <= priority(pain, money, fit),
      ),
    );
  });

  it('sorts rows by priority, then pain, then money, unscored last, keeping stage order on full ties', () => {
    const rows = [
      { stage: 'onboarding', pain: null, money: 3, fit: 3, humanMustStay: false },
      { stage: 'problem', pain: 2, money: 5, fit: 4, humanMustStay: false }, // 40
      { stage: 'first contact', pain: 4, money: 5, fit: 2, humanMustStay: false }, // 40, more pain
      { stage: 'answer', pain: 5, money: 5, fit: 5, humanMustStay: true }, // 50
      { stage: 'closing', pain: 2, money: 5, fit: 4, humanMustStay: false }, // 40, same as problem
      { stage: 'escalation', pain: 9, money: 1, fit: 1, humanMustStay: false }, // invalid
      { stage: 'classification', pain: 5, money: 4, fit: 2, humanMustStay: false }, // 40, pain 5
    ];
    expect([...rows].sort(compareAiPriority).map((r) => r.stage)).toEqual([
      'answer',
      'classification',
      'first contact',
      'problem',
      'closing',
      'onboarding',
      'escalation',
    ]);
  });
});
