import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  NotFoundInDomain,
  streamIdForAlliance,
  streamIdForEvaluationRound,
  streamIdForGrant,
  streamIdForInitiative,
  streamIdForOrganisation,
  streamIdForPartner,
} from '@ledger/domain';
import { EVENT_STORE, type EventStore } from '@ledger/event-store';

/** The kinds of things of the ledger a command can name. */
export type ReferenceKind =
  'alliance' | 'partner' | 'initiative' | 'organisation' | 'person' | 'grant' | 'evaluation round';

/** One id a command names, with the field that names it (`leadPartnerIds[1]`). */
export interface Reference {
  field: string;
  kind: ReferenceKind;
  id: string;
}

/**
 * The command names something the ledger does not hold: answered 404 with the field and the id,
 * before anything is decided or written. Counting homes under `no-such-initiative` or seating a
 * person nobody registered would put figures and names on every page that no one can trace.
 */
export class UnknownReference extends NotFoundInDomain {
  constructor(
    readonly field: string,
    what: ReferenceKind,
    id: string,
  ) {
    super(what, id);
    this.message = `${field}: ${what} ${id} is not known to the ledger`;
    this.name = 'UnknownReference';
  }
}

/** References from a list of ids (`leadPartnerIds`), each named by its place in the list. */
export function referencesIn(
  field: string,
  kind: ReferenceKind,
  ids: readonly string[] | null | undefined,
): Reference[] {
  return (ids ?? []).map((id, index) => ({ field: `${field}[${index}]`, kind, id }));
}

/** A reference when the id is there; nothing for an optional field left out. */
export function referenceTo(
  field: string,
  kind: ReferenceKind,
  id: string | null | undefined,
): Reference[] {
  return typeof id === 'string' ? [{ field, kind, id }] : [];
}

/** The streams whose existence makes an id of each kind known (persons are not in the log). */
const streamsOf: Record<Exclude<ReferenceKind, 'person'>, (id: string) => string[]> = {
  alliance: (id) => [streamIdForAlliance(id)],
  partner: (id) => [streamIdForPartner(id)],
  initiative: (id) => [streamIdForInitiative(id)],
  // A partner is an organisation; the others are registered as organisations of their own.
  organisation: (id) => [streamIdForPartner(id), streamIdForOrganisation(id)],
  grant: (id) => [streamIdForGrant(id)],
  'evaluation round': (id) => [streamIdForEvaluationRound(id)],
};

/**
 * The one rule for references, used by every command however it arrives (HTTP, the spreadsheet
 * import, the demo data): each id a command names must be known to the ledger. Partners,
 * initiatives, organisations, grants and rounds are known when their stream exists; persons when
 * the person register holds the id (an erased person stays known: the id is kept). Only facts
 * that never stop being true once recorded are checked here (a stream is never deleted, a
 * registered id never removed), so the check cannot go stale between it and the append.
 */
@Injectable()
export class LedgerReferences {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  /** Throws UnknownReference for the first reference the ledger does not hold. */
  async requireKnown(
    references: readonly Reference[],
    alsoKnown: (reference: Reference) => boolean = () => false,
  ): Promise<void> {
    const unknown = await this.firstUnknown(references, alsoKnown);
    if (unknown) throw new UnknownReference(unknown.field, unknown.kind, unknown.id);
  }

  async firstUnknown(
    references: readonly Reference[],
    alsoKnown: (reference: Reference) => boolean = () => false,
  ): Promise<Reference | undefined> {
    const toCheck = references.filter((reference) => !alsoKnown(reference));
    const known = await Promise.all(toCheck.map((reference) => this.isKnown(reference)));
    return toCheck.find((_, index) => !known[index]);
  }

  async isKnown({ kind, id }: Reference): Promise<boolean> {
    if (kind === 'person') return this.personRegistered(id);
    for (const streamId of streamsOf[kind](id)) {
      if ((await this.store.readStream(streamId, { limit: 1 })).length > 0) return true;
    }
    return false;
  }

  /** The alliances founded so far (the live read model; see the one-alliance rule). */
  async foundedAlliances(): Promise<string[]> {
    const rows: Array<{ alliance_id: string }> = await this.db.query(
      `SELECT alliance_id FROM read_models.alliance ORDER BY founded_at, alliance_id`,
    );
    return rows.map((row) => row.alliance_id);
  }

  private async personRegistered(personId: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      `SELECT 1 FROM personal_data.persons WHERE person_id = $1`,
      [personId],
    );
    return rows.length > 0;
  }
}
