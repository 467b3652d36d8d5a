export * from './governance.events';
export * from './governance.commands';
export * from './governance.state';
export * from './governance.rules';
export * from './governance.decide';
export * from './governance.aggregate';
