import { createHash } from 'node:crypto';
import { InvalidAppendError } from '../port/event-store.errors';

/** Streams the adapter keeps for itself under the prefix: the global chain and the command journals. */
export const INTERNAL_STREAM_MARK = '__ledger-';

/**
 * Maps the port's stream ids to EventStoreDB stream names under an optional prefix, so several
 * logs (one per test file, or one per environment) can share one server.
 */
export class StreamNaming {
  constructor(readonly prefix: string = '') {
    if (prefix.startsWith('$')) {
      throw new Error('streamPrefix must not start with $ (reserved for system streams)');
    }
  }

  /** The EventStoreDB name of one of our streams. */
  physical(streamId: string): string {
    return this.prefix + streamId;
  }

  /** Our stream id for an EventStoreDB stream name, or null for a stream that is not ours. */
  logical(physical: string): string | null {
    if (physical.startsWith('$') || !physical.startsWith(this.prefix)) return null;
    const streamId = physical.slice(this.prefix.length);
    if (streamId === '' || streamId.startsWith(INTERNAL_STREAM_MARK)) return null;
    return streamId;
  }

  /** The stream the sealer extends with GlobalChainSealed batches. */
  globalChainStream(): string {
    return `${this.prefix}${INTERNAL_STREAM_MARK}global-chain`;
  }

  /** The journal of one command id (its attempts and its result). */
  commandStream(commandId: string): string {
    const key = createHash('sha256').update(commandId, 'utf8').digest('hex');
    return `${this.prefix}${INTERNAL_STREAM_MARK}command-${key}`;
  }
}

/** Refuses stream ids that would collide with the adapter's own streams. */
export function assertNotInternal(streamId: string): void {
  if (streamId.startsWith(INTERNAL_STREAM_MARK)) {
    throw new InvalidAppendError(
      'streamId',
      `must not start with ${INTERNAL_STREAM_MARK} (reserved for the EventStoreDB adapter)`,
    );
  }
}
