export * from './reference-count.events';
export * from './reference-count.commands';
export * from './reference-count.state';
export * from './reference-count.decide';
export * from './reference-count.aggregate';
