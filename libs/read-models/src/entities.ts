import { ProjectionCheckpoint } from './checkpoints/projection-checkpoint.entity';

/** Every TypeORM entity of the read side. */
export const readModelEntities = [ProjectionCheckpoint];
