import { assertNever, governanceEventTypes } from '@ledger/domain';
import { RecordedEvent } from '@ledger/event-store';
import { eventTypeSet, RecordedEventOf, TypesIn } from '../projection/domain-events';
import { Projection, Sql } from '../projection/projection';

/** The events it reads: exactly the types its switch handles. */
const EVENT_TYPES = eventTypeSet(governanceEventTypes, [
  'PartnershipDeclarationSigned',
  'PartnershipDeclarationWithdrawn',
]);
type Handled = TypesIn<typeof EVENT_TYPES>;

interface TimelineEntry {
  body: string;
  personId?: string | null;
  organisationId?: string | null;
  role?: string | null;
}

/**
 * Who sat where and when (seat periods with both kinds of time), and the governance timeline:
 * every change to the board, the advisory board and the secretariat, the general assemblies,
 * and the partnership declarations signed and withdrawn.
 */
export class GovernanceProjection implements Projection<Handled> {
  readonly name = 'governance';
  readonly tables = ['seat_period', 'governance_timeline'];
  readonly eventTypes = EVENT_TYPES;

  async apply(event: RecordedEventOf<Handled>, sql: Sql): Promise<void> {
    switch (event.type) {
      case 'GeneralAssemblyHeld': {
        const d = event.data;
        return this.timeline(sql, event, { body: 'general-assembly' }, d);
      }
      case 'BoardMemberElected': {
        const d = event.data;
        await this.openSeat(
          sql,
          event,
          d.seatId,
          'board',
          d.personId,
          d.organisationId,
          d.role,
          d.term.startsOn,
          d.term.endsOn,
        );
        return this.timeline(
          sql,
          event,
          { body: 'board', personId: d.personId, organisationId: d.organisationId, role: d.role },
          d,
        );
      }
      case 'BoardMemberRoleChanged': {
        const d = event.data;
        const [closed] = await this.closeSeat(sql, event, d.seatId, d.changedOn);
        await this.openSeat(
          sql,
          event,
          d.seatId,
          'board',
          d.personId,
          closed?.organisation_id as string,
          d.role,
          d.changedOn,
          (closed?.term_ends_on as string) ?? null,
        );
        return this.timeline(
          sql,
          event,
          {
            body: 'board',
            personId: d.personId,
            organisationId: closed?.organisation_id as string,
            role: d.role,
          },
          d,
        );
      }
      case 'BoardMemberSteppedDown': {
        const d = event.data;
        const [closed] = await this.closeSeat(sql, event, d.seatId, d.steppedDownOn);
        return this.timeline(
          sql,
          event,
          {
            body: 'board',
            personId: d.personId,
            organisationId: closed?.organisation_id as string,
            role: closed?.role as string,
          },
          d,
        );
      }
      case 'AdvisoryBoardMemberAppointed': {
        const d = event.data;
        await this.openSeat(
          sql,
          event,
          d.seatId,
          'advisory-board',
          d.representativePersonId,
          d.organisationId,
          'member',
          d.startsOn,
          null,
        );
        return this.timeline(
          sql,
          event,
          {
            body: 'advisory-board',
            personId: d.representativePersonId,
            organisationId: d.organisationId,
            role: 'member',
          },
          d,
        );
      }
      case 'AdvisoryBoardMemberLeft': {
        const d = event.data;
        const [closed] = await this.closeSeat(sql, event, d.seatId, d.leftOn);
        return this.timeline(
          sql,
          event,
          {
            body: 'advisory-board',
            personId: closed?.person_id as string,
            organisationId: d.organisationId,
            role: 'member',
          },
          d,
        );
      }
      case 'SecretariatStaffStarted': {
        const d = event.data;
        await this.openSeat(
          sql,
          event,
          d.seatId,
          'secretariat',
          d.personId,
          null,
          d.role,
          d.startsOn,
          null,
        );
        return this.timeline(
          sql,
          event,
          { body: 'secretariat', personId: d.personId, role: d.role },
          d,
        );
      }
      case 'SecretariatStaffLeft': {
        const d = event.data;
        const [closed] = await this.closeSeat(sql, event, d.seatId, d.leftOn);
        return this.timeline(
          sql,
          event,
          { body: 'secretariat', personId: d.personId, role: closed?.role as string },
          d,
        );
      }
      case 'PartnershipDeclarationSigned': {
        const d = event.data;
        return this.timeline(sql, event, { body: 'partners', organisationId: d.partnerId }, d);
      }
      case 'PartnershipDeclarationWithdrawn': {
        const d = event.data;
        return this.timeline(sql, event, { body: 'partners', organisationId: d.partnerId }, d);
      }
      default:
        return assertNever(event);
    }
  }

  private async openSeat(
    sql: Sql,
    event: RecordedEvent,
    seatId: string,
    body: string,
    personId: string | null,
    organisationId: string | null,
    role: string,
    from: string,
    termEndsOn: string | null,
  ): Promise<void> {
    // A term end known when the seat is taken is known from then on.
    await sql(
      `INSERT INTO seat_period (seat_id, seq, body, person_id, organisation_id, role, valid_from,
         valid_until, term_ends_on, recorded_from, recorded_until)
       SELECT $1, coalesce(max(seq), 0) + 1, $2, $3, $4, $5, $6, $7, $7, $8, CASE WHEN $7::date IS NULL THEN NULL ELSE $8::timestamptz END
         FROM seat_period WHERE seat_id = $1`,
      [seatId, body, personId, organisationId, role, from, termEndsOn, event.recordedAt],
    );
  }

  /** Ends the seat's current period on the given day, as learned when the event was recorded. */
  private closeSeat(sql: Sql, event: RecordedEvent, seatId: string, on: string) {
    return sql(
      `UPDATE seat_period SET valid_until = $2, recorded_until = $3
        WHERE seat_id = $1 AND seq = (SELECT max(seq) FROM seat_period WHERE seat_id = $1)
        RETURNING person_id, organisation_id, role, term_ends_on::text`,
      [seatId, on, event.recordedAt],
    );
  }

  private async timeline(
    sql: Sql,
    event: RecordedEvent,
    entry: TimelineEntry,
    details: object,
  ): Promise<void> {
    await sql(
      `INSERT INTO governance_timeline (global_position, occurred_at, recorded_at, body, kind,
         person_id, organisation_id, role, details)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        event.globalPosition,
        event.occurredAt,
        event.recordedAt,
        entry.body,
        event.type,
        entry.personId ?? null,
        entry.organisationId ?? null,
        entry.role ?? null,
        JSON.stringify(details),
      ],
    );
  }
}
