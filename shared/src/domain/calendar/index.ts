export * from './shanghai-time';
export * from './working-days';
