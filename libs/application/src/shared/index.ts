export * from './date-range';
export * from './field-problems';
