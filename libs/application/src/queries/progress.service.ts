import { Inject, Injectable, Optional } from '@nestjs/common';
import { NotFoundInDomain } from '@ledger/domain';
import { READ_MODEL_SCHEMA } from '@ledger/read-models';
import { AsOf } from './as-of';
import { HistoryQueries, Queryable, ReadModelQueries } from './query-pools';

export interface Breakdown {
  key: string;
  label: string;
  homes: number;
}

/**
 * Progress toward the alliance's goal, summed from every report's latest change that had happened
 * by the world date and was recorded by the knowledge date.
 */
@Injectable()
export class ProgressService {
  constructor(
    @Inject(ReadModelQueries) private readonly db: Queryable,
    @Inject(READ_MODEL_SCHEMA) private readonly schema: string,
    @Optional() private readonly historyQueries?: HistoryQueries,
  ) {}

  /**
   * Sums the figures from the cheapest source that gives them exactly for the moment asked
   * (see `sourceFor`); every source gives the same figures for the same moment (tests hold them
   * to it).
   */
  async progress(at: AsOf & { current?: boolean }, source?: StandingSource) {
    const goal = await this.goal();
    const from = source ?? (await this.sourceFor(at));
    // Only the change history is slow on a long log: it runs on its own small pool.
    const db: Queryable =
      from !== 'change history' || !this.historyQueries ? this.db : this.historyQueries;
    const dims = `year, quarter, year || '-Q' || quarter AS period, municipality, initiative_id, partner_id`;
    const standing = {
      'running totals': `SELECT homes AS count, reports, ${dims} FROM ${this.schema}.housing_total
                          WHERE $1::text IS NOT NULL AND $2::text IS NOT NULL`,
      'daily steps': `SELECT homes AS count, reports, ${dims} FROM ${this.schema}.housing_standing
                       WHERE world_day < $1::date AND known_day < $2::date`,
      'change history': `SELECT DISTINCT ON (report_id) report_id, count,
                                CASE WHEN kind = 'retracted' THEN 0 ELSE 1 END AS reports,
                                year, quarter, period, municipality, initiative_id, partner_id
                           FROM ${this.schema}.housing_count_change
                          WHERE occurred_at < $1::timestamptz AND recorded_at < $2::timestamptz
                          ORDER BY report_id, global_position DESC`,
    }[from];
    const params =
      from === 'change history'
        ? [at.worldBefore.toISOString(), at.knownBefore.toISOString()]
        : [dayBefore(at.worldBefore), at.knowsEverything ? 'infinity' : dayBefore(at.knownBefore)];
    // Every breakdown in one statement (GROUPING SETS): one read of the standing rows per
    // request instead of five, which is most of what a request costs the server.
    const [grouped, restatements] = await Promise.all([
      db.query(
        `WITH g AS (
           SELECT CASE WHEN grouping(s.initiative_id) = 0 THEN 'initiative'
                       WHEN grouping(s.partner_id) = 0 THEN 'partner'
                       WHEN grouping(s.municipality) = 0 THEN 'municipality'
                       WHEN grouping(s.year) = 0 THEN 'quarter'
                       ELSE 'total' END AS breakdown,
                  s.initiative_id, s.partner_id, s.municipality, s.year, s.quarter,
                  coalesce(sum(s.count), 0)::int AS homes, coalesce(sum(s.reports), 0)::int AS reports
             FROM (${standing}) s
            GROUP BY GROUPING SETS ((), (s.initiative_id), (s.partner_id), (s.municipality), (s.year, s.quarter)))
         SELECT g.*, CASE g.breakdown
                       WHEN 'initiative' THEN coalesce(i.name, g.initiative_id)
                       WHEN 'partner' THEN coalesce(p.name, g.partner_id)
                       ELSE g.municipality END AS label
           FROM g
           LEFT JOIN ${this.schema}.initiative i ON i.initiative_id = g.initiative_id
           LEFT JOIN ${this.schema}.partner p ON p.partner_id = g.partner_id
          ORDER BY g.breakdown, g.year, g.quarter, g.homes DESC, label`,
        params,
      ),
      this.restatements(at, db),
    ]);
    const rows = grouped as GroupedRow[];
    const breakdown = (name: GroupedRow['breakdown'], key: (row: GroupedRow) => string) =>
      rows
        .filter((row) => row.breakdown === name && row.homes > 0)
        .map((row) => ({ key: key(row), label: row.label, homes: row.homes }));
    const totals = rows.filter((row) => row.breakdown === 'total');
    const byInitiative = breakdown('initiative', (row) => row.initiative_id);
    const byPartner = breakdown('partner', (row) => row.partner_id);
    const byMunicipality = breakdown('municipality', (row) => row.municipality);
    const byQuarter = rows
      .filter((row) => row.breakdown === 'quarter')
      .map((row) => ({ period: `${row.year}-Q${row.quarter}`, year: row.year, homes: row.homes }));
    const homes: number = totals[0].homes;
    let cumulative = 0;
    const quarters = byQuarter.map((row) => {
      cumulative += row.homes;
      return { period: row.period, year: row.year, homes: row.homes, cumulative };
    });
    const years = new Map<number, number>();
    for (const q of quarters) years.set(q.year, (years.get(q.year) ?? 0) + q.homes);
    cumulative = 0;
    const byYear = [...years.entries()].map(([year, count]) => ({
      year,
      homes: count,
      cumulative: (cumulative += count),
    }));
    return {
      asOf: at.asOf,
      knownOn: at.knownOn,
      goal,
      homes,
      reports: totals[0].reports,
      remaining: goal ? Math.max(0, goal.homes - homes) : null,
      pace: goal ? pace(goal, homes, at.asOf) : null,
      byInitiative: byInitiative as Breakdown[],
      byPartner: byPartner as Breakdown[],
      byMunicipality: byMunicipality as Breakdown[],
      byYear,
      byQuarter: quarters,
      restatements,
    };
  }

  /** Every correction and retraction known by the knowledge date, in words the board can read. */
  async restatements(at: AsOf, db: Queryable = this.db) {
    const rows: Array<{
      report_id: string;
      kind: string;
      previous_count: number;
      count: number;
      reason: string;
      recorded_at: Date;
      occurred_at: Date;
    }> = await db.query(
      // The most recent ones, oldest first; the full list is in the audit export.
      `SELECT * FROM (
         SELECT report_id, kind, previous_count, count, reason, recorded_at, occurred_at, global_position
           FROM ${this.schema}.housing_count_change
          WHERE kind <> 'reported' AND occurred_at < $1 AND recorded_at < $2
          ORDER BY global_position DESC LIMIT ${MAX_RESTATEMENTS}) latest
        ORDER BY global_position`,
      [at.worldBefore, at.knownBefore],
    );
    return rows.map((row) => {
      // The day the restatement happened in the world; the day it was typed in is kept beside it.
      const on = row.occurred_at.toISOString().slice(0, 10);
      return {
        reportId: row.report_id,
        kind: row.kind,
        from: row.previous_count,
        to: row.count,
        restatedOn: on,
        recordedOn: row.recorded_at.toISOString().slice(0, 10),
        reason: row.reason,
        note:
          row.kind === 'retracted'
            ? `retracted (was ${row.previous_count}) on ${on}, ${row.reason}`
            : `restated from ${row.previous_count} to ${row.count} on ${on}, ${row.reason}`,
      };
    });
  }

  /** Every change to one report: reported, corrected, retracted, with both times and who recorded it. */
  async history(reportId: string) {
    const rows = await this.db.query(
      `SELECT global_position AS "globalPosition", kind, previous_count AS "previousCount", count, reason,
              occurred_at AS "occurredAt", recorded_at AS "recordedAt", recorded_by AS "recordedBy"
         FROM ${this.schema}.housing_count_change WHERE report_id = $1 ORDER BY global_position`,
      [reportId],
    );
    if (rows.length === 0) throw new NotFoundInDomain('housing report', reportId);
    const [report] = await this.db.query(
      `SELECT report_id AS "reportId", count, status, period, municipality, initiative_id AS "initiativeId",
              partner_id AS "partnerId", source, housing_type AS "housingType", permanent
         FROM ${this.schema}.housing_report WHERE report_id = $1`,
      [reportId],
    );
    return {
      ...report,
      history: rows.map((r: { globalPosition: string }) => ({
        ...r,
        globalPosition: Number(r.globalPosition),
      })),
    };
  }

  /**
   * - No date asked: the running totals (one row per initiative, partner, municipality, quarter).
   * - A day (what the dashboard and the reports ask): the daily steps, which sum a change's effect
   *   per day it happened and day it was recorded: a few hundred rows however long the log.
   * - An instant within a day on which something happened or was recorded: the daily steps cannot
   *   split that day, so each report's latest change by then is read from the change history.
   */
  async sourceFor(at: AsOf & { current?: boolean }): Promise<StandingSource> {
    if (at.current) return 'running totals';
    const worldByDay = isMidnight(at.worldBefore);
    const knownByDay = at.knowsEverything || isMidnight(at.knownBefore);
    if (worldByDay && knownByDay) return 'daily steps';
    // An instant on a day after the last day anything happened (or was recorded) splits no day.
    const [last] = await this.db.query(
      `SELECT max(world_day)::text AS world, max(known_day)::text AS known FROM ${this.schema}.housing_standing`,
    );
    const after = (day: string | null, bound: Date) => day === null || day < dayBefore(bound);
    return (worldByDay || after(last.world, at.worldBefore)) &&
      (knownByDay || after(last.known, at.knownBefore))
      ? 'daily steps'
      : 'change history';
  }

  private async goal(): Promise<{ homes: number; fromYear: number; toYear: number } | null> {
    const [row] = await this.db.query(
      `SELECT goal_homes AS homes, goal_from_year AS "fromYear", goal_to_year AS "toYear" FROM ${this.schema}.alliance ORDER BY founded_at LIMIT 1`,
    );
    return row ?? null;
  }
}

/** One row of the grouped progress query: a total, or one key of one breakdown. */
interface GroupedRow {
  breakdown: 'total' | 'initiative' | 'partner' | 'municipality' | 'quarter';
  initiative_id: string;
  partner_id: string;
  municipality: string;
  year: number;
  quarter: number;
  homes: number;
  reports: number;
  label: string;
}

/** Where the figures for a moment are summed from (see `ProgressService.sourceFor`). */
export type StandingSource = 'running totals' | 'daily steps' | 'change history';

const isMidnight = (instant: Date) => instant.getTime() % 86_400_000 === 0;
/** The UTC day an exclusive bound falls on: the rows of earlier days are all before it. */
const dayBefore = (instant: Date) => instant.toISOString().slice(0, 10);

const YEAR_MS = 365.2425 * 86_400_000;
/** How many restatements the progress page lists beside the figures. */
const MAX_RESTATEMENTS = 200;

/**
 * The pace needed per year to reach the goal by the end of its last year, against the pace
 * achieved since its first year began, and the year the goal is reached at the present pace.
 */
export function pace(
  goal: { homes: number; fromYear: number; toYear: number },
  homes: number,
  asOf: string,
) {
  const start = Date.UTC(goal.fromYear, 0, 1);
  const end = Date.UTC(goal.toYear + 1, 0, 1);
  const now = Date.parse(`${asOf}T00:00:00.000Z`) + 86_400_000;
  const yearsElapsed = Math.max(0, (now - start) / YEAR_MS);
  const yearsLeft = Math.max(0, (end - now) / YEAR_MS);
  const achievedPerYear = yearsElapsed > 0 ? homes / yearsElapsed : 0;
  const remaining = Math.max(0, goal.homes - homes);
  const plannedPerYear = goal.homes / ((end - start) / YEAR_MS);
  let forecastYear: number | null = null;
  if (remaining === 0) forecastYear = new Date(now).getUTCFullYear();
  else if (achievedPerYear > 0)
    forecastYear = new Date(start + (goal.homes / achievedPerYear) * YEAR_MS).getUTCFullYear();
  return {
    plannedPerYear: round1(plannedPerYear),
    neededPerYear: yearsLeft > 0 ? round1(remaining / yearsLeft) : null,
    achievedPerYear: round1(achievedPerYear),
    yearsElapsed: round1(yearsElapsed),
    yearsLeft: round1(yearsLeft),
    forecastYear,
    onTrack: forecastYear !== null && forecastYear <= goal.toYear,
  };
}

const round1 = (n: number) => Math.round(n * 10) / 10;
