/**
 * The checkpoint moved under a projector: another process advanced it, or a rebuild reset it.
 * The batch is rolled back and the projector starts again from the checkpoints as stored.
 */
export class CheckpointMovedError extends Error {
  constructor(
    readonly projection: string,
    readonly expected: number,
  ) {
    super(
      `the checkpoint of ${projection} is no longer at ${expected}: another projector or a rebuild moved it`,
    );
    this.name = 'CheckpointMovedError';
  }
}
