import type { Decider, DomainEvent } from '@ledger/domain';
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
