export * from './staff-accounts';
