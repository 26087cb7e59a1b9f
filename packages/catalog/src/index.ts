export * from './layout.js';
export type * from './model.js';
export type * from './rendered-file.js';
