/**
 * Waiting in tests: always on a condition that becomes true when the awaited thing happened,
 * never for a fixed time. There is deliberately no `sleep` here.
 */

const POLL_MS = 10;

/**
 * Polls `check` (sync or async) every 10 ms until it returns a truthy value and returns that
 * value; fails with "timed out waiting for <what>" after `timeoutMs`.
 */
export async function waitFor<T>(
  check: () => T | Promise<T>,
  what: string,
  timeoutMs = 10_000,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/**
 * A deliberate delay, for schedules a test varies on purpose (e.g. interleaving randomised
 * edits). Never use it to wait for something to happen: use {@link waitFor} on its signal.
 */
export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
