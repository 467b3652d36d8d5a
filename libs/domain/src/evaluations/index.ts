export * from './evaluation.events';
export * from './evaluation.commands';
export * from './evaluation.state';
export * from './evaluation.decide';
export * from './evaluation.aggregate';
