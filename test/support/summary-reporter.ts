import type { SerializedError } from 'vitest';
import type { Reporter, TestModule } from 'vitest/node';

/**
 * Prints one plain closing line that CI reads whatever runner produced the rest of the
 * output: `tests: N passed, N failed, N skipped`. "Failed" also counts errors outside tests (a file
 * that cannot load, a `beforeAll` that throws — its tests are then only "skipped" — or an
 * unhandled error), said in brackets, so a run with a broken file never reads "0 failed".
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(
    testModules: ReadonlyArray<TestModule>,
    unhandledErrors: ReadonlyArray<SerializedError>,
  ): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    let outside = unhandledErrors.length;
    for (const module of testModules) {
      outside += module.errors().length;
      for (const suite of module.children.allSuites()) outside += suite.errors().length;
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
        else skipped++;
      }
    }
    const where = outside > 0 ? ` (${outside} outside tests: a file, suite or hook)` : '';
    process.stdout.write(
      `\ntests: ${passed} passed, ${failed + outside} failed${where}, ${skipped} skipped\n`,
    );
  }
}
