import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { readModelEntities, readModelMigrations } from '@ledger/read-models';
import { eventStoreMigrations, RESILIENT_POOL_OPTIONS } from '@ledger/event-store';
import { User } from '../auth/user.entity';
import { LoginFailure } from '../auth/login-failure.entity';
import { Users1765000000000 } from '../auth/migrations/1765000000000-users';
import { UserChanges1765000000002 } from '../auth/migrations/1765000000002-user-changes';
import { TokenVersion1765000000003 } from '../auth/migrations/1765000000003-token-version';
import { LoginFailures1765000000004 } from '../auth/migrations/1765000000004-login-failures';
import { Person } from '../persons/person.entity';
import { Persons1765000000001 } from '../persons/migrations/1765000000001-persons';
import { IdempotencyRequest } from '../idempotency/idempotency-request.entity';
import { IdempotencyRequests1765100000000 } from '../idempotency/migrations/1765100000000-idempotency-requests';

export const DATABASE_URL = Symbol('DATABASE_URL');

/**
 * The PostgreSQL connection for the read side. Migrations run at start-up, in order;
 * the schema is never synchronised from the entities.
 */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(url: string): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRoot({
          type: 'postgres',
          url,
          entities: allEntities(),
          migrations: allMigrations(),
          migrationsRun: true,
          migrationsTransactionMode: 'each',
          synchronize: false,
          // Read models are rebuilt from the log, but a start-up should still fail fast.
          retryAttempts: 3,
          retryDelay: 500,
          // A dead server fails requests (503), never the process: TypeORM listens on its pool
          // and on a query runner's connection, but not in between (see RESILIENT_POOL_OPTIONS).
          extra: RESILIENT_POOL_OPTIONS,
        }),
      ],
      providers: [{ provide: DATABASE_URL, useValue: url }],
      exports: [DATABASE_URL, TypeOrmModule],
    };
  }
}

/**
 * The tables of the read models and of the operational data outside the log, as TypeORM
 * entities. The event store's own tables have none: only the event store reads and writes them.
 */
export function allEntities() {
  return [...readModelEntities, User, LoginFailure, Person, IdempotencyRequest];
}

/**
 * The event store's schema first, then the read models', then the operational tables outside
 * the log: users (schema auth), the person register (schema personal_data) and what each
 * Idempotency-Key was used for (schema idempotency).
 */
export function allMigrations() {
  return [
    ...eventStoreMigrations,
    ...readModelMigrations,
    Users1765000000000,
    Persons1765000000001,
    UserChanges1765000000002,
    TokenVersion1765000000003,
    LoginFailures1765000000004,
    IdempotencyRequests1765100000000,
  ];
}
