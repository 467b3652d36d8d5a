export * from './access.decorators';
export * from './authenticated-user';
export * from './auth.module';
export * from './auth.service';
