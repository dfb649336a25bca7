export * from './reminder-schedule';
