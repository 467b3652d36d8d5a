export * from './linked-suppression';
export * from './public-summary.service';
export * from './suppression';
