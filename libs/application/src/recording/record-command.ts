import { Inject, Type } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { DomainEvent } from '@ledger/domain';
import type { AggregateStreams, CommandRecorded } from './aggregate-streams';
import type { CommandMetadata } from './command-metadata';
import { CommandRecorder } from './command-recorder';
import type { Reference } from './references';

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
