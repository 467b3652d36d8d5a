import { EventStoreSchema1764400000000 } from './1764400000000-event-store-schema';

/** The event store's schema migrations, run before the read models'. */
export const eventStoreMigrations = [EventStoreSchema1764400000000];
