export * from './doctor-titles';
export * from './session-periods';
export * from './booking-window';
export * from './quota';
export * from './appointment-status';
export * from './no-show';
export * from './check-in-window';
export * from './suspension';
