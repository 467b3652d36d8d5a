export * from './as-of';
export * from './data-quality.service';
export * from './governance.service';
export * from './partners.service';
export * from './progress.service';
export * from './query-pools';
export * from './query-services.module';
