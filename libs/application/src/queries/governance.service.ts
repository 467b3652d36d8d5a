import { Inject, Injectable } from '@nestjs/common';
import { READ_MODEL_SCHEMA } from '@ledger/read-models';
import { AsOf } from './as-of';
import { Queryable, ReadModelQueries } from './query-pools';

export interface TimelineFilter {
  body?: string;
  personId?: string;
  organisationId?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

/** The board, the advisory board and the secretariat over time. */
@Injectable()
export class GovernanceService {
  constructor(
    @Inject(ReadModelQueries) private readonly db: Queryable,
    @Inject(READ_MODEL_SCHEMA) private readonly schema: string,
  ) {}

  /**
   * Who held a seat on the world date, as the records stood on the knowledge date: a seat counts
   * once it had started and its start was recorded, until an end that had both happened and been
   * recorded.
   */
  async composition(at: AsOf, body?: string) {
    const rows = await this.db.query(
      `SELECT seat_id AS "seatId", body, person_id AS "personId", organisation_id AS "organisationId", role,
              valid_from::text AS "since", CASE WHEN recorded_until < $3 THEN valid_until::text END AS "until",
              term_ends_on::text AS "termEndsOn"
         FROM ${this.schema}.seat_period
        WHERE valid_from <= $1::date AND recorded_from < $3
          AND (valid_until IS NULL OR valid_until > $1::date OR recorded_until >= $3)
          AND ($2::text IS NULL OR body = $2)
        ORDER BY body, CASE role WHEN 'chair' THEN 0 WHEN 'vice-chair' THEN 1 WHEN 'director' THEN 2 ELSE 3 END, valid_from, seat_id`,
      [at.worldDay, body ?? null, at.knownBefore],
    );
    const bodies: Record<string, unknown[]> = { board: [], 'advisory-board': [], secretariat: [] };
    for (const row of rows) (bodies[row.body] ??= []).push(row);
    return { on: at.asOf, knownOn: at.knownOn, bodies };
  }

  async timeline(filter: TimelineFilter) {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (clause: string, value: unknown) => {
      params.push(value);
      where.push(clause.replace('?', `$${params.length}`));
    };
    if (filter.body) add('body = ?', filter.body);
    if (filter.personId) add('person_id = ?', filter.personId);
    if (filter.organisationId) add('organisation_id = ?', filter.organisationId);
    if (filter.from) add('occurred_at >= ?::date', filter.from);
    if (filter.to) add(`occurred_at < ?::date + interval '1 day'`, filter.to);
    const condition = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }] = await this.db.query(
      `SELECT count(*)::int AS total FROM ${this.schema}.governance_timeline ${condition}`,
      params,
    );
    const entries = await this.db.query(
      `SELECT global_position AS "globalPosition", occurred_at AS "occurredAt", recorded_at AS "recordedAt", body, kind,
              person_id AS "personId", organisation_id AS "organisationId", role, details
         FROM ${this.schema}.governance_timeline ${condition}
        ORDER BY occurred_at, global_position
        LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, filter.pageSize, (filter.page - 1) * filter.pageSize],
    );
    return {
      page: filter.page,
      pageSize: filter.pageSize,
      total,
      entries: entries.map((e: { globalPosition: string }) => ({
        ...e,
        globalPosition: Number(e.globalPosition),
      })),
    };
  }
}
