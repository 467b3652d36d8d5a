export * from './initiative.events';
export * from './initiative.commands';
export * from './initiative.state';
export * from './initiative.decide';
export * from './initiative.aggregate';
