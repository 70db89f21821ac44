/**
 * Company-measured rates (DOMAIN.md 2.5): FCR, contact rate, churn and retention, plus the two
 * generic calculators the catalogue uses for the other operational metrics (a share of a whole,
 * e.g. conversion or returns; a mean, e.g. AHT or average check).
 */
import { failure, type MetricResult, success } from './result';
import { checkArray, checkEach, checkNumber, checkRecord, type Failure } from './validate';

/** The counts behind a percentage. */
export interface RateDetails {
  part: number;
  whole: number;
}

const COUNT = { min: 0, integer: true } as const;
const POSITIVE_COUNT = { min: 1, integer: true } as const;

/** Validates `input` as an object whose named fields are counts, the whole at least 1. */
function checkCounts(input: unknown, partField: string, wholeField: string): Failure | undefined {
  const notObject = checkRecord(input, { field: 'input' });
  if (notObject) return notObject;
  const record = input as Record<string, unknown>;
  return (
    checkNumber(record[wholeField], { field: wholeField }, POSITIVE_COUNT) ??
    checkNumber(record[partField], { field: partField }, COUNT)
  );
}

/** Input of {@link fcr}. */
export interface FcrInput {
  /** Requests closed at the first contact, no repeat contact needed. */
  resolvedAtFirstContact: number;
  /** All requests of the period (at least 1). */
  requests: number;
}

/** FCR = requests resolved at first contact / all requests × 100; result 0..100. */
export function fcr(input: FcrInput): MetricResult<number, RateDetails> {
  const problem = checkCounts(input, 'resolvedAtFirstContact', 'requests');
  if (problem) return problem;
  const { resolvedAtFirstContact: part, requests: whole } = input;
  if (part > whole)
    return failure('exceeds-total', {
      field: 'resolvedAtFirstContact',
      total: whole,
      received: String(part),
    });
  return success((part / whole) * 100, { part, whole });
}

/** Input of {@link contactRate}. */
export interface ContactRateInput {
  /** Contacts (calls, chats, letters) in the period. */
  contacts: number;
  /** Active customers in the same period (at least 1). */
  activeCustomers: number;
}

/** Contact rate = contacts / active customers × 100 for the period; may exceed 100. Lower is better. */
export function contactRate(input: ContactRateInput): MetricResult<number, RateDetails> {
  const problem = checkCounts(input, 'contacts', 'activeCustomers');
  if (problem) return problem;
  return success((input.contacts / input.activeCustomers) * 100, {
    part: input.contacts,
    whole: input.activeCustomers,
  });
}

/** Input of {@link churnRate} and {@link retentionRate}. */
export interface ChurnInput {
  /** Customers at the start of the period (at least 1). */
  customersAtStart: number;
  /** Of those, customers lost during the period. */
  customersLost: number;
}

/** Churn and retention side by side. */
export interface ChurnDetails extends RateDetails {
  churnPercent: number;
  retentionPercent: number;
}

/** Churn = customers lost in the period / customers at its start × 100; result 0..100. */
export function churnRate(input: ChurnInput): MetricResult<number, ChurnDetails> {
  const problem = checkCounts(input, 'customersLost', 'customersAtStart');
  if (problem) return problem;
  const { customersLost: part, customersAtStart: whole } = input;
  if (part > whole)
    return failure('exceeds-total', { field: 'customersLost', total: whole, received: String(part) });
  const churnPercent = (part / whole) * 100;
  return success(churnPercent, { part, whole, churnPercent, retentionPercent: 100 - churnPercent });
}

/** Retention = 100 − churn, from the same counts as {@link churnRate}; result 0..100. */
export function retentionRate(input: ChurnInput): MetricResult<number, ChurnDetails> {
  const churn = churnRate(input);
  return churn.ok ? success(churn.details.retentionPercent, churn.details) : churn;
}

/** Retention = 100 − churn, from a churn percentage already known (0..100). */
export function retentionFromChurn(churnPercent: number): MetricResult<number, { churnPercent: number }> {
  const problem = checkNumber(churnPercent, { field: 'churnPercent' }, { min: 0, max: 100 });
  if (problem) return problem;
  return success(100 - churnPercent, { churnPercent });
}

/** Input of {@link sharePercent}: non-negative amounts (counts or money), part ≤ whole, whole > 0. */
export interface ShareInput {
  part: number;
  whole: number;
}

/**
 * A share of a whole × 100, result 0..100: conversion (buyers / visitors), SLA (requests handled in
 * the agreed time / all requests), abandoned cart (abandoned / created carts), returns (returned / sold).
 */
export function sharePercent(input: ShareInput): MetricResult<number, RateDetails> {
  const problem =
    checkRecord(input, { field: 'input' }) ??
    checkNumber(input.whole, { field: 'whole' }, { min: 0 }) ??
    checkNumber(input.part, { field: 'part' }, { min: 0 });
  if (problem) return problem;
  const { part, whole } = input;
  if (whole === 0) return failure('zero-total', { field: 'whole' });
  if (part > whole) return failure('exceeds-total', { field: 'part', total: whole, received: String(part) });
  return success((part / whole) * 100, { part, whole });
}

/** What a mean was computed over. */
export interface MeanDetails {
  count: number;
  total: number;
}

/** Arithmetic mean of non-negative amounts: AHT (call durations, seconds), average check, days between purchases. */
export function meanOf(values: readonly number[]): MetricResult<number, MeanDetails> {
  const problem = checkArray(values, { field: 'values' }, true) ?? checkEach(values, 'values', { min: 0 });
  if (problem) return problem;
  const total = values.reduce((sum, v) => sum + v, 0);
  return success(total / values.length, { count: values.length, total });
}
