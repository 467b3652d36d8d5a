import type { CommandMetadata, RecordCommand } from '../recording';

/** Bump only with a new set of steps: every command id of the seed starts with it. */
export const SEED_VERSION = 'v1';

/**
 * One command of the seed: the same @nestjs/cqrs command class a controller sends, with the
 * domain command as a controller would build it from a request body.
 */
export interface SeedStep<C = unknown> {
  /**
   * A stable name for the step (`partner:bikubenfonden`). The command id (the Idempotency-Key a
   * client would send) is `seed:v1:<key>`, so loading the seed again records nothing.
   */
  key: string;
  commandClass: new (command: C, metadata: CommandMetadata) => RecordCommand<C>;
  command: C;
}

/** A step; the command is checked against the domain command type of its class. */
export function step<C>(
  key: string,
  commandClass: new (command: C, metadata: CommandMetadata) => RecordCommand<C>,
  command: NoInfer<C>,
): SeedStep {
  return { key, commandClass, command } as SeedStep;
}

/** The command id of a step: what a client would send as its Idempotency-Key. */
export function seedCommandId(key: string): string {
  return `seed:${SEED_VERSION}:${key}`;
}
