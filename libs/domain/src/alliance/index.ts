export * from './alliance.events';
export * from './alliance.commands';
export * from './alliance.state';
export * from './alliance.decide';
export * from './alliance.aggregate';
