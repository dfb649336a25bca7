export * from './shanghai-time';
export * from './working-days';
export * from './calendar-years';
export * from './date-list';
