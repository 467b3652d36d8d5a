import { Pool } from 'pg';
import { EventTypeRegistry, RecordedEvent } from '@ledger/event-store';
import { EVENT_COLUMNS, EventRow, toRecordedEvent } from '@ledger/event-store/postgres/event-rows';
import {
  assertNever,
  DomainEventType,
  governanceEventTypes,
  housingReportEventTypes,
} from '@ledger/domain';
import { asDomainEvent, eventTypeSet, RecordedEventOf } from '@ledger/read-models';
import { AsOf } from '../queries/as-of';
import { GovernanceService } from '../queries/governance.service';
import { ProgressService } from '../queries/progress.service';
import { AuditInputError } from './audit-input';

export const HOMES_FIGURES = {
  homes: null,
  'homes-by-initiative': 'initiativeId',
  'homes-by-partner': 'partnerId',
  'homes-by-municipality': 'municipality',
  'homes-by-year': 'year',
} as const;
export type HomesFigure = keyof typeof HOMES_FIGURES;
export const FIGURES = [...Object.keys(HOMES_FIGURES), 'seat'] as const;

/** The events behind each kind of figure: the housing reports' and the seats'. */
const HOUSING_TYPES = eventTypeSet(housingReportEventTypes);
const SEAT_TYPES = eventTypeSet(governanceEventTypes);

/** One event behind a figure, with what it did to it. */
export interface ExplainedEvent {
  globalPosition: number;
  type: string;
  streamId: string;
  streamVersion: number;
  occurredAt: string;
  recordedAt: string;
  actor: { id: string; role: string };
  data: unknown;
  /** counted: this event's count is the report's standing; superseded: a later one replaced it;
   * after-as-of / not-yet-recorded: outside the moment asked about; for seats: applied. */
  effect: 'counted' | 'superseded' | 'after-as-of' | 'not-yet-recorded' | 'applied';
}

/** An event of the log as the auditor sees it, with what it did to the figure. */
function explainedEvent(event: RecordedEvent, effect: ExplainedEvent['effect']): ExplainedEvent {
  return {
    globalPosition: event.globalPosition!,
    type: event.type,
    streamId: event.streamId,
    streamVersion: event.streamVersion,
    occurredAt: event.occurredAt,
    recordedAt: event.recordedAt,
    actor: event.actor,
    data: event.data,
    effect,
  };
}

interface Seat {
  seatId: string;
  seq: number;
  body: string;
  personId: string | null;
  organisationId: string | null;
  role: string;
  validFrom: string;
  validUntil: string | null;
  termEndsOn: string | null;
  recordedFrom: number;
  recordedUntil: number | null;
}

/**
 * Explains a figure the board sees from the event log itself (not from the read models): the
 * events that produce it, each with its global position, and the figure recomputed from that list
 * by the rule the read side states, beside the figure the read side shows.
 */
export class Explainer {
  constructor(
    private readonly pool: Pool,
    private readonly registry: EventTypeRegistry,
    private readonly progress: ProgressService,
    private readonly governance: GovernanceService,
  ) {}

  async homes(figure: HomesFigure, key: string | undefined, at: AsOf) {
    const dimension = HOMES_FIGURES[figure];
    if (dimension && (key === undefined || key === '')) {
      throw new AuditInputError('key', `is required for figure ${figure}`);
    }
    if (dimension === 'year' && !/^\d{4}$/.test(key!)) {
      throw new AuditInputError(
        'key',
        `must be a year (YYYY) for figure ${figure} (got ${JSON.stringify(key)})`,
      );
    }
    const selector =
      dimension === null
        ? 'true'
        : dimension === 'year'
          ? `left(data->>'period', 4) = $2`
          : `data->>'${dimension}' = $2`;
    const rows = (
      await this.pool.query<EventRow>(
        `WITH reports AS (
           SELECT DISTINCT data->>'reportId' AS report_id FROM event_store.events
            WHERE type = 'HomesReported' AND global_position IS NOT NULL AND ${selector})
         SELECT ${EVENT_COLUMNS} FROM event_store.events
          WHERE type = ANY($1) AND global_position IS NOT NULL
            AND data->>'reportId' IN (SELECT report_id FROM reports)
          ORDER BY global_position`,
        dimension === null ? [housingReportEventTypes] : [housingReportEventTypes, key],
      )
    ).rows;
    if (dimension && rows.length === 0) {
      throw new AuditInputError(
        'key',
        `no housing report in the log names ${dimension} ${JSON.stringify(key)}`,
        404,
      );
    }
    // Each report's standing: its latest change that had happened by asOf and was recorded by
    // knownOn (the rule of GET /progress); retracted counts 0.
    const reports = new Map<
      string,
      { reported: boolean; standing: ExplainedEvent | null; homes: number }
    >();
    const events: ExplainedEvent[] = [];
    for (const row of rows) {
      const event = toRecordedEvent(row);
      const typed = this.upcast(event, HOUSING_TYPES);
      const { reportId } = typed.data;
      const report = reports.get(reportId) ?? { reported: false, standing: null, homes: 0 };
      reports.set(reportId, report);
      let homes: number;
      switch (typed.type) {
        case 'HomesReported':
          report.reported = true;
          homes = typed.data.count;
          break;
        case 'HousingCountCorrected':
          homes = typed.data.count;
          break;
        case 'HousingCountRetracted':
          homes = 0;
          break;
        default:
          homes = assertNever(typed);
      }
      const explained = explainedEvent(
        event,
        Date.parse(event.recordedAt) >= at.knownBefore.getTime()
          ? 'not-yet-recorded'
          : Date.parse(event.occurredAt) >= at.worldBefore.getTime()
            ? 'after-as-of'
            : 'counted',
      );
      events.push(explained);
      // A change to a report not yet reported changes nothing (the projection has no row for it).
      if (!report.reported || explained.effect !== 'counted') continue;
      if (report.standing) report.standing.effect = 'superseded';
      report.standing = explained;
      report.homes = homes;
    }
    const counted = [...reports.entries()]
      .filter(([, r]) => r.standing)
      .map(([reportId, r]) => ({
        reportId,
        homes: r.homes,
        standingPosition: r.standing!.globalPosition,
      }));
    const recomputed = counted.reduce((sum, r) => sum + r.homes, 0);
    const shown = await this.shownHomes(figure, key, at);
    return {
      figure,
      key: key ?? null,
      asOf: at.asOf,
      knownOn: at.knownOn,
      shown,
      recomputed,
      matches: shown === recomputed,
      rule: 'each housing report counts with its latest change (reported, corrected, retracted = 0) that occurred before the end of asOf and was recorded before the end of knownOn; the figure is the sum',
      reports: counted,
      events,
    };
  }

  private async shownHomes(
    figure: HomesFigure,
    key: string | undefined,
    at: AsOf,
  ): Promise<number> {
    const progress = await this.progress.progress(at);
    switch (figure) {
      case 'homes':
        return progress.homes;
      case 'homes-by-initiative':
        return progress.byInitiative.find((b) => b.key === key)?.homes ?? 0;
      case 'homes-by-partner':
        return progress.byPartner.find((b) => b.key === key)?.homes ?? 0;
      case 'homes-by-municipality':
        return progress.byMunicipality.find((b) => b.key === key)?.homes ?? 0;
      case 'homes-by-year':
        return progress.byYear.find((y) => y.year === Number(key))?.homes ?? 0;
      default:
        return assertNever(figure);
    }
  }

  /** The seats a person held on a day, as known on a date, and the events that made them. */
  async seat(personId: string | undefined, at: AsOf) {
    if (!personId) throw new AuditInputError('personId', 'is required for figure seat');
    const rows = (
      await this.pool.query<EventRow>(
        `WITH seats AS (
           SELECT DISTINCT data->>'seatId' AS seat_id FROM event_store.events
            WHERE type = ANY($1) AND global_position IS NOT NULL
              AND (data->>'personId' = $2 OR data->>'representativePersonId' = $2))
         SELECT ${EVENT_COLUMNS} FROM event_store.events
          WHERE type = ANY($1) AND global_position IS NOT NULL AND data->>'seatId' IN (SELECT seat_id FROM seats)
          ORDER BY global_position`,
        [governanceEventTypes, personId],
      )
    ).rows;
    if (rows.length === 0) {
      throw new AuditInputError(
        'personId',
        `no seat in the log was held by ${JSON.stringify(personId)}`,
        404,
      );
    }
    const periods: Seat[] = [];
    const events: ExplainedEvent[] = [];
    for (const row of rows) {
      const event = toRecordedEvent(row);
      const typed = this.upcast(event, SEAT_TYPES);
      const recorded = Date.parse(event.recordedAt);
      const open = (
        seatId: string,
        body: string,
        person: string | null,
        organisation: string | null,
        role: string,
        from: string,
        termEndsOn: string | null,
      ) => {
        const seq =
          Math.max(0, ...periods.filter((p) => p.seatId === seatId).map((p) => p.seq)) + 1;
        periods.push({
          seatId,
          seq,
          body,
          personId: person,
          organisationId: organisation,
          role,
          validFrom: from,
          validUntil: termEndsOn,
          termEndsOn,
          recordedFrom: recorded,
          recordedUntil: termEndsOn === null ? null : recorded,
        });
      };
      const close = (seatId: string, on: string): Seat | undefined => {
        const mine = periods.filter((p) => p.seatId === seatId);
        const last = mine.find((p) => p.seq === Math.max(...mine.map((m) => m.seq)));
        if (last) {
          last.validUntil = on;
          last.recordedUntil = recorded;
        }
        return last;
      };
      switch (typed.type) {
        case 'GeneralAssemblyHeld':
          break; // holds no seat (and names none, so the query above never returns one)
        case 'BoardMemberElected': {
          const d = typed.data;
          open(
            d.seatId,
            'board',
            d.personId,
            d.organisationId,
            d.role,
            d.term.startsOn,
            d.term.endsOn ?? null,
          );
          break;
        }
        case 'BoardMemberRoleChanged': {
          const d = typed.data;
          const closed = close(d.seatId, d.changedOn);
          open(
            d.seatId,
            'board',
            d.personId,
            closed?.organisationId ?? null,
            d.role,
            d.changedOn,
            closed?.termEndsOn ?? null,
          );
          break;
        }
        case 'BoardMemberSteppedDown':
          close(typed.data.seatId, typed.data.steppedDownOn);
          break;
        case 'AdvisoryBoardMemberAppointed': {
          const d = typed.data;
          open(
            d.seatId,
            'advisory-board',
            d.representativePersonId,
            d.organisationId,
            'member',
            d.startsOn,
            null,
          );
          break;
        }
        case 'AdvisoryBoardMemberLeft':
          close(typed.data.seatId, typed.data.leftOn);
          break;
        case 'SecretariatStaffStarted': {
          const d = typed.data;
          open(d.seatId, 'secretariat', d.personId, null, d.role, d.startsOn, null);
          break;
        }
        case 'SecretariatStaffLeft':
          close(typed.data.seatId, typed.data.leftOn);
          break;
        default:
          assertNever(typed);
      }
      events.push(
        explainedEvent(
          event,
          recorded >= at.knownBefore.getTime() ? 'not-yet-recorded' : 'applied',
        ),
      );
    }
    // The rule of GET /governance/composition.
    const day = at.worldDay;
    const known = at.knownBefore.getTime();
    const recomputed = periods
      .filter(
        (p) =>
          p.personId === personId &&
          p.validFrom <= day &&
          p.recordedFrom < known &&
          (p.validUntil === null || p.validUntil > day || (p.recordedUntil ?? -Infinity) >= known),
      )
      .map((p) => ({
        seatId: p.seatId,
        body: p.body,
        role: p.role,
        organisationId: p.organisationId,
        since: p.validFrom,
        until: p.recordedUntil !== null && p.recordedUntil < known ? p.validUntil : null,
        termEndsOn: p.termEndsOn,
      }));
    const composition = await this.governance.composition(at);
    const shown = Object.values(composition.bodies)
      .flat()
      .filter((s) => (s as { personId: string }).personId === personId)
      .map((s) => {
        const seat = s as Record<string, string | null>;
        return {
          seatId: seat.seatId,
          body: seat.body,
          role: seat.role,
          organisationId: seat.organisationId,
          since: seat.since,
          until: seat.until,
          termEndsOn: seat.termEndsOn,
        };
      });
    const canonical = (list: Array<Record<string, unknown>>) =>
      JSON.stringify(list.map((s) => JSON.stringify(s, Object.keys(s).sort())).sort());
    return {
      figure: 'seat',
      personId,
      on: at.worldDay,
      knownOn: at.knownOn,
      shown,
      recomputed,
      matches: canonical(shown) === canonical(recomputed),
      rule: 'a seat counts on a day once it had started and its start was recorded by knownOn, until an end that had both happened and been recorded by knownOn',
      events,
    };
  }

  /** The event with its data lifted to the current schema, typed as one of the given types. */
  private upcast<T extends DomainEventType>(
    event: RecordedEvent,
    types: ReadonlySet<T>,
  ): RecordedEventOf<T> {
    const current = this.registry.upcast(event.type, event.schemaVersion, event.data);
    return asDomainEvent({ ...event, ...current }, types);
  }
}
