export * from './partner.events';
export * from './partner.commands';
export * from './partner.state';
export * from './partner.decide';
export * from './partner.aggregate';
