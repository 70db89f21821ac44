export * from './contract';
export * from './join-code';
