export * from './formats';
export * from './runner';
