export * from './idempotency-request.entity';
export * from './migrations/1765100000000-idempotency-requests';
