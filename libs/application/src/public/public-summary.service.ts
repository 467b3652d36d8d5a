import { Inject, Injectable } from '@nestjs/common';
import { LIVE_READ_MODEL_SCHEMA } from '@ledger/read-models';
import { asOfFrom } from '../queries/as-of';
import { PartnersService } from '../queries/partners.service';
import { ProgressService } from '../queries/progress.service';
import { ReadModelQueries, type Queryable } from '../queries/query-pools';
import {
  suppressLinkedTables,
  type HomesAtom,
  type PublicTable,
  type PublishedCell,
} from './linked-suppression';
import { PublicCount, SMALL_COUNT_THRESHOLD } from './suppression';

export interface PublicSummary {
  asOf: string;
  goal: { homes: number; fromYear: number; toYear: number } | null;
  /**
   * Permanent homes: the headline. Temporary stays (a few months with a host family) are
   * counted apart, so the public never reads a stay as a home.
   */
  homes: PublicCount;
  temporaryStays: PublicCount;
  /** The goal minus the permanent homes and the temporary stays, as the alliance counts. */
  remaining: number | null;
  forecastYear: number | null;
  onTrack: boolean | null;
  suppressedBelow: number;
  /** Permanent homes by year, quarter, initiative and municipality, suppressed together. */
  byYear: Array<{ year: number; homes: PublicCount }>;
  byQuarter: Array<{ quarter: string; homes: PublicCount }>;
  byInitiative: Array<{ initiative: string; homes: PublicCount }>;
  byMunicipality: Array<{ municipality: string; homes: PublicCount }>;
  partners: Array<{ name: string; sector: string; municipality: string | null; since: string }>;
}

/**
 * The page anyone may read: the goal, the partners (organisations only) and aggregate progress.
 * It holds no person ids or names. Every count below 5 is "<5" before it leaves the server, and
 * the tables are suppressed together (linked-suppression.ts), so no hidden cell can be worked
 * out by subtracting one published figure from another.
 */
@Injectable()
export class PublicSummaryService {
  constructor(
    private readonly progress: ProgressService,
    private readonly partners: PartnersService,
    @Inject(ReadModelQueries) private readonly db: Queryable,
  ) {}

  async summary(now = new Date()): Promise<PublicSummary> {
    const [progress, partners, rows] = await Promise.all([
      this.progress.progress({ ...asOfFrom({}, now), current: true }),
      this.partners.list({ status: 'member' }) as Promise<
        Array<{ name: string; sector: string; municipality: string | null; joinedAt: Date }>
      >,
      this.homesAtoms(now),
    ]);
    const permanent = rows.filter((row) => row.permanent);
    const temporary = rows.filter((row) => !row.permanent).reduce((sum, row) => sum + row.homes, 0);
    const tables = suppressLinkedTables(permanent);
    const permanentHomes = permanent.reduce((sum, row) => sum + row.homes, 0);
    const bothShown = typeof tables.total === 'number' && typeof small(temporary) === 'number';
    const cells = (table: PublicTable) =>
      tables.cells.filter((cell) => cell.table === table).sort((a, b) => orderOf(table, a, b));
    return {
      asOf: progress.asOf,
      goal: progress.goal,
      homes: tables.total,
      temporaryStays: small(temporary),
      // Published only when neither count is hidden: goal minus remaining would give their sum.
      remaining:
        progress.goal && bothShown
          ? Math.max(0, progress.goal.homes - permanentHomes - temporary)
          : null,
      // The pace is worked out from homes and stays together: from the forecast year the sum
      // can be solved for, so it is published only when neither count is hidden, as remaining.
      forecastYear: bothShown ? (progress.pace?.forecastYear ?? null) : null,
      onTrack: bothShown && progress.pace ? progress.pace.onTrack : null,
      suppressedBelow: SMALL_COUNT_THRESHOLD,
      byYear: cells('byYear').map((c) => ({ year: Number(c.key), homes: c.shown })),
      byQuarter: cells('byQuarter').map((c) => ({ quarter: c.key, homes: c.shown })),
      byInitiative: cells('byInitiative').map((c) => ({ initiative: c.key, homes: c.shown })),
      byMunicipality: cells('byMunicipality').map((c) => ({ municipality: c.key, homes: c.shown })),
      partners: partners.map((p) => ({
        name: p.name,
        sector: p.sector,
        municipality: p.municipality,
        since: new Date(p.joinedAt).toISOString().slice(0, 10),
      })),
    };
  }

  /** Homes that stand today (not retracted, already happened), summed per finest cell. */
  private async homesAtoms(now: Date): Promise<Array<HomesAtom & { permanent: boolean }>> {
    const rows: Array<HomesAtom & { permanent: boolean; homes: string | number }> =
      await this.db.query(
        `SELECT r.year, r.quarter, coalesce(i.name, r.initiative_id) AS initiative, r.municipality,
                r.permanent, sum(r.count)::int AS homes
           FROM ${LIVE_READ_MODEL_SCHEMA}.housing_report r
           LEFT JOIN ${LIVE_READ_MODEL_SCHEMA}.initiative i ON i.initiative_id = r.initiative_id
          WHERE r.status <> 'retracted' AND r.reported_at <= $1
          GROUP BY 1, 2, 3, 4, 5`,
        [now.toISOString()],
      );
    return rows.map((row) => ({ ...row, homes: Number(row.homes) }));
  }
}

function small(count: number): PublicCount {
  return count > 0 && count < SMALL_COUNT_THRESHOLD ? '<5' : count;
}

/** Years and quarters in time order; initiatives and municipalities by name (Danish order). */
function orderOf(table: PublicTable, a: PublishedCell, b: PublishedCell): number {
  if (table === 'byYear' || table === 'byQuarter') return a.key.localeCompare(b.key);
  return a.key.localeCompare(b.key, 'da');
}
