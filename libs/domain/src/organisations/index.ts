export * from './organisation.events';
export * from './organisation.commands';
export * from './organisation.state';
export * from './organisation.decide';
export * from './organisation.aggregate';
