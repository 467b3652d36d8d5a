export * from './checkpoints/projection-checkpoint.entity';
export { readModelMigrations } from './migrations';
export { readModelEntities } from './entities';
