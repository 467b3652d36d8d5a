import { Inject, Type } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { Decider, DomainEvent } from '@ledger/domain';
import type { CommandMetadata } from './command-metadata';
import { CommandRecorder } from './command-recorder';
import type { LedgerReferences, Reference } from './references';

/** The 201 answer to every command. */
export interface CommandRecorded {
  /** The id of the aggregate the command was recorded on (partner, initiative, report, ...). */
  id: string;
  streamId: string;
  /** The stream's version after the command's last event. */
  version: number;
  /** The types of the events recorded, in order. */
  events: string[];
  /** True when this Idempotency-Key was recorded before: nothing new was written. */
  duplicate: boolean;
  /** Ids of things created inside the aggregate, when the command created one. */
  declarationId?: string;
  commitmentId?: string;
  assemblyId?: string;
  countId?: string;
}

/**
 * A domain command on its way to be recorded. Each domain command gets its own named subclass
 * (FoundAllianceCommand, ElectBoardMemberCommand, ...), so the command bus routes it to its own
 * handler and logs and traces name it; the content is the domain's command object unchanged.
 */
export abstract class RecordCommand<C> extends Command<CommandRecorded> {
  constructor(
    readonly command: C,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}

/** How commands of one aggregate find their stream, and what else they need to exist. */
export interface AggregateStreams<S, C, E extends DomainEvent> {
  decider: Decider<S, C, E>;
  streamIdOf(command: C): string;
  idOf(command: C): string;
  /**
   * Everything else of the ledger the command names (governance its alliance, a housing report
   * its initiative and partner, an election its person and organisation): each must be known,
   * or the command is refused with 404 naming the field and the id (LedgerReferences).
   */
  references?(command: C): Reference[];
  /**
   * A check across the ledger that no single stream can make (one alliance per ledger), run
   * once the domain has accepted the command and before anything is appended.
   */
  beforeAppending?(command: C, ledger: LedgerReferences): Promise<void>;
  /** Ids of the thing a command creates inside the aggregate, echoed in the answer. */
  createdIds?(command: C): Partial<CommandRecorded>;
}

/** Each command class's aggregate, as its handler was made with (for the import's checks). */
const aggregateOfCommand = new Map<
  Type<RecordCommand<unknown>>,
  AggregateStreams<unknown, unknown, DomainEvent>
>();

/**
 * What a command of this class names elsewhere in the ledger, by the same declaration its
 * handler checks: the import asks it during a dry run, so both refuse the same rows.
 */
export function referencesOf(commandType: object, command: unknown): Reference[] {
  return (
    aggregateOfCommand.get(commandType as Type<RecordCommand<unknown>>)?.references?.(command) ?? []
  );
}

/**
 * The handler of one command type. All handlers do the same (load, decide, append), so they are
 * made here rather than written out 37 times; each is still its own class, registered for its
 * own command with @CommandHandler.
 */
export function recordingHandler<S, C, E extends DomainEvent>(
  commandType: Type<RecordCommand<C>>,
  streams: AggregateStreams<S, C, E>,
): Type<ICommandHandler<RecordCommand<C>, CommandRecorded>> {
  aggregateOfCommand.set(
    commandType as Type<RecordCommand<unknown>>,
    streams as unknown as AggregateStreams<unknown, unknown, DomainEvent>,
  );
  @CommandHandler(commandType)
  class RecordingHandler implements ICommandHandler<RecordCommand<C>, CommandRecorded> {
    constructor(@Inject(CommandRecorder) private readonly recorder: CommandRecorder) {}

    execute(command: RecordCommand<C>): Promise<CommandRecorded> {
      return this.recorder.record(streams, command.command, command.metadata);
    }
  }
  Object.defineProperty(RecordingHandler, 'name', { value: `${commandType.name}Handler` });
  return RecordingHandler;
}
