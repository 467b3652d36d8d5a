export * from './roles';
export * from './user.entity';
export * from './users.service';
export * from './users.module';
export * from './passwords';
export * from './jwt-secret';
export * from './migrations/1765000000000-users';
