import { ProjectionCheckpoints1764500000000 } from './1764500000000-projection-checkpoints';

/** Every read-model migration, in the order it must run. */
export const readModelMigrations = [ProjectionCheckpoints1764500000000];
