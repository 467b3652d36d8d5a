import { Inject, Injectable } from '@nestjs/common';
import { fold, NotFoundInDomain, type DomainEvent } from '@ledger/domain';
import {
  AppendResult,
  ConcurrencyError,
  EVENT_STORE,
  type EventStore,
  type RecordedEvent,
} from '@ledger/event-store';
import type { CommandMetadata } from './command-metadata';
import { IdempotencyKeyReused } from './idempotency';
import type { AggregateStreams, CommandRecorded } from './record-command';

/**
 * How many times a command is decided when its stream keeps moving under it. A conflict means
 * someone else recorded something on the same stream (another election at the same assembly);
 * the decision must be made again on the new state (the second chair is now refused), so the
 * whole load-decide-append is repeated, never just the append. After that the client gets 409.
 */
export const DECIDE_ATTEMPTS = 3;

/** Load the stream, fold it, let the domain decide, append at the version read. */
@Injectable()
export class CommandRecorder {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async record<S, C, E extends DomainEvent>(
    streams: AggregateStreams<S, C, E>,
    command: C,
    metadata: CommandMetadata,
  ): Promise<CommandRecorded> {
    const streamId = streams.streamIdOf(command);
    const answer = (version: number, events: string[], duplicate: boolean): CommandRecorded => ({
      id: streams.idOf(command),
      ...streams.createdIds?.(command),
      streamId,
      version,
      events,
      duplicate,
    });
    await this.requireExisting(streams.requires?.(command) ?? []);

    for (let attempt = 1; ; attempt++) {
      const recorded = await this.store.readStream(streamId);
      // Checked before deciding: a repeated "found the alliance" would otherwise be refused as
      // "already founded" instead of being answered as it was the first time.
      const earlier = recorded.filter((event) => event.commandId === metadata.commandId);
      if (earlier.length > 0)
        return answer(earlier[earlier.length - 1].streamVersion, types(earlier), true);

      const state = fold(
        streams.decider.evolve,
        streams.decider.initialState,
        recorded.map((event) => asDomainEvent<E>(event)),
      );
      // Throws on a broken rule; nothing has been written yet, so a refusal appends nothing.
      const events = streams.decider.decide(state, command, metadata.receivedAt);
      const last = recorded[recorded.length - 1];
      try {
        const result = await this.store.append(
          streamId,
          events.map(({ type, data, occurredAt }) => ({ type, data, occurredAt })),
          last === undefined ? 'no_stream' : last.streamVersion,
          {
            commandId: metadata.commandId,
            actor: metadata.actor,
            correlationId: metadata.correlationId,
          },
        );
        if (!result.duplicate) return answer(result.lastVersion, types(events), false);
        return answer(result.lastVersion, await this.replayed(streamId, result, metadata), true);
      } catch (error) {
        if (error instanceof ConcurrencyError && attempt < DECIDE_ATTEMPTS) continue;
        throw error;
      }
    }
  }

  /**
   * The store knew the command id although the stream read before deciding did not hold it:
   * either the same request, sent twice at once, won the race on this stream (a replay), or the
   * key was used before for a command on another stream (refused).
   */
  private async replayed(
    streamId: string,
    result: AppendResult,
    metadata: CommandMetadata,
  ): Promise<string[]> {
    const events = await this.store.readStream(streamId, {
      from: result.firstVersion,
      limit: result.lastVersion - result.firstVersion + 1,
    });
    if (events.length === 0 || events.some((e) => e.commandId !== metadata.commandId)) {
      throw new IdempotencyKeyReused(metadata.commandId);
    }
    return types(events);
  }

  private async requireExisting(
    prerequisites: Array<{ what: string; id: string; streamId: string }>,
  ): Promise<void> {
    for (const { what, id, streamId } of prerequisites) {
      const first = await this.store.readStream(streamId, { limit: 1 });
      if (first.length === 0) throw new NotFoundInDomain(what, id);
    }
  }
}

function asDomainEvent<E extends DomainEvent>(event: RecordedEvent): E {
  return { type: event.type, data: event.data, occurredAt: event.occurredAt } as E;
}

function types(events: ReadonlyArray<{ type: string }>): string[] {
  return events.map((event) => event.type);
}
