export * from './quarter';
export * from './housing.events';
export * from './housing.commands';
export * from './housing.state';
export * from './housing.decide';
export * from './housing.aggregate';
