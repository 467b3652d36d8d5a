export * from './grant.events';
export * from './grant.commands';
export * from './grant.state';
export * from './grant.decide';
export * from './grant.aggregate';
