export * from './field-problems';
export * from './error-bodies';
export * from './ledger-errors.filter';
