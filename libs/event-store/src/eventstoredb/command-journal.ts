import {
  ANY,
  EventStoreDBClient,
  FORWARDS,
  JSONType,
  NO_STREAM,
  START,
  StreamNotFoundError,
  jsonEvent,
} from '@eventstore/db-client';
import { isWrongExpectedVersion } from './expected-revision';
import { StreamNaming } from './stream-naming';

export const COMMAND_ATTEMPTED = 'CommandAttempted';
export const COMMAND_COMPLETED = 'CommandCompleted';

/** Written before an attempt appends: where its events will land if they land. */
export interface CommandAttempt {
  attemptId: string;
  streamId: string;
  /** The exact revision the events are appended after: 'no_stream' or a decimal revision. */
  afterRevision: string;
  count: number;
}

/** Written after an attempt appended: the command's result. The first one is the result. */
export interface CommandCompletion {
  attemptId: string;
  streamId: string;
  firstVersion: number;
  lastVersion: number;
}

export interface JournalState {
  /** Revision of the journal's last entry; null when the command was never attempted. */
  revision: bigint | null;
  attempts: CommandAttempt[];
  completion: CommandCompletion | null;
}

/** The revision at which an attempt's first event lands. */
export function firstRevisionOf(attempt: CommandAttempt): bigint {
  return attempt.afterRevision === NO_STREAM ? 0n : BigInt(attempt.afterRevision) + 1n;
}

/**
 * The idempotency record of each command id: a small stream per command (named by a hash of the
 * id) holding its attempts and its completion. Appends to it are optimistic, so attempts of one
 * command are written one after another; see docs/eventstoredb.md for the whole protocol.
 */
export class CommandJournal {
  constructor(
    private readonly client: EventStoreDBClient,
    private readonly naming: StreamNaming,
  ) {}

  async load(commandId: string): Promise<JournalState> {
    const state: JournalState = { revision: null, attempts: [], completion: null };
    try {
      for await (const resolved of this.client.readStream(this.naming.commandStream(commandId), {
        fromRevision: START,
        direction: FORWARDS,
      })) {
        const event = resolved.event;
        if (!event) continue;
        state.revision = event.revision;
        if (event.type === COMMAND_ATTEMPTED)
          state.attempts.push(event.data as unknown as CommandAttempt);
        if (event.type === COMMAND_COMPLETED && !state.completion) {
          state.completion = event.data as unknown as CommandCompletion;
        }
      }
    } catch (error) {
      if (!(error instanceof StreamNotFoundError)) throw error;
    }
    return state;
  }

  /**
   * Records an attempt right after the journal state it was planned on. Returns the attempt's
   * journal revision, or null when another attempt of the same command got in first.
   */
  async recordAttempt(
    commandId: string,
    after: bigint | null,
    attempt: CommandAttempt,
  ): Promise<bigint | null> {
    try {
      const result = await this.client.appendToStream(
        this.naming.commandStream(commandId),
        jsonEvent({ type: COMMAND_ATTEMPTED, data: attempt as unknown as JSONType }),
        { expectedRevision: after === null ? NO_STREAM : after },
      );
      return result.nextExpectedRevision;
    } catch (error) {
      if (isWrongExpectedVersion(error)) return null;
      throw error;
    }
  }

  /**
   * Records a completion and returns the command's result: this one when nothing was written
   * to the journal since the attempt, else the first completion in the journal.
   */
  async recordCompletion(
    commandId: string,
    attemptRevision: bigint,
    completion: CommandCompletion,
  ): Promise<CommandCompletion> {
    const stream = this.naming.commandStream(commandId);
    const event = jsonEvent({ type: COMMAND_COMPLETED, data: completion as unknown as JSONType });
    try {
      await this.client.appendToStream(stream, event, { expectedRevision: attemptRevision });
      return completion;
    } catch (error) {
      if (!isWrongExpectedVersion(error)) throw error;
    }
    await this.client.appendToStream(stream, event, { expectedRevision: ANY });
    const state = await this.load(commandId);
    return state.completion ?? completion;
  }
}
