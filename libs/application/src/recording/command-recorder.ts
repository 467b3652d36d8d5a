import { Inject, Injectable } from '@nestjs/common';
import {
  DomainRuleViolation,
  fold,
  InvalidCommand,
  NotFoundInDomain,
  type DomainEvent,
} from '@ledger/domain';
import {
  AppendResult,
  ConcurrencyError,
  EVENT_STORE,
  type EventStore,
  type RecordedEvent,
} from '@ledger/event-store';
import type { CommandMetadata } from './command-metadata';
import { IdempotencyKeyReused } from './idempotency';
import type { AggregateStreams, CommandRecorded } from './aggregate-streams';
import { LedgerReferences } from './references';
import { RequestFingerprints } from './request-fingerprints';

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
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly references: LedgerReferences,
    private readonly fingerprints: RequestFingerprints,
  ) {}

  async record<S, C, E extends DomainEvent>(
    streams: AggregateStreams<S, C, E>,
    command: C,
    metadata: CommandMetadata,
    commandType = (command as { type?: string }).type ?? 'command',
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
    // Before deciding: a command naming an unknown partner, person or alliance is refused with
    // 404 naming the field, whatever the domain would say about the rest of it.
    await this.references.requireKnown(streams.references?.(command) ?? []);
    // One key, one request: the same key with another body is refused here (422).
    const claim = await this.fingerprints.claim(metadata.commandId, commandType, command);
    try {
      return await this.decideAndAppend(streams, command, metadata, streamId, answer);
    } catch (error) {
      // Refused before anything was appended: the key may carry a corrected request next time.
      // Any other failure (the database, a crash) may have come after the append: the claim
      // stays, and only the same request may use the key again.
      if (claim.fresh && refusedBeforeAppending(error)) await claim.release();
      throw error;
    }
  }

  private async decideAndAppend<S, C, E extends DomainEvent>(
    streams: AggregateStreams<S, C, E>,
    command: C,
    metadata: CommandMetadata,
    streamId: string,
    answer: (version: number, events: string[], duplicate: boolean) => CommandRecorded,
  ): Promise<CommandRecorded> {
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
      // Rules across the ledger, for a command the domain accepted (a malformed founding is
      // still answered 400 by the domain, not 422 for being the second).
      await streams.beforeAppending?.(command, this.references);
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
}

function refusedBeforeAppending(error: unknown): boolean {
  return (
    error instanceof DomainRuleViolation ||
    error instanceof InvalidCommand ||
    error instanceof NotFoundInDomain ||
    error instanceof ConcurrencyError ||
    error instanceof IdempotencyKeyReused
  );
}

function asDomainEvent<E extends DomainEvent>(event: RecordedEvent): E {
  return { type: event.type, data: event.data, occurredAt: event.occurredAt } as E;
}

function types(events: ReadonlyArray<{ type: string }>): string[] {
  return events.map((event) => event.type);
}
