/*
 * The pure core's public API (a plain list of re-exports; each module has its own spec in __tests__).
 */
export * from './types';
export * from './teamsValues';
export * from './configuration';
export * from './mapping';
