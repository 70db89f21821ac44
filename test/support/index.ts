/**
 * Support shared by the integration and e2e tests (and the benchmarks): repository paths and
 * the built-app check, servers (in process or the built CLI), clients (stock y-websocket or
 * the app's BoardDoc connection), and waiting on real signals. See test/CONTEXT.md.
 */
export * from './build';
export * from './clients';
export * from './random';
export * from './servers';
export * from './wait';
