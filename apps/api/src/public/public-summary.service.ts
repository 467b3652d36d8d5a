import { Injectable } from '@nestjs/common';
import { asOfFrom } from '../queries/as-of';
import { PartnersService } from '../queries/partners.service';
import { ProgressService } from '../queries/progress.service';
import { PublicCount, SMALL_COUNT_THRESHOLD, suppressBreakdown } from './suppression';

export interface PublicSummary {
  asOf: string;
  goal: { homes: number; fromYear: number; toYear: number } | null;
  /** The total is public; only breakdown cells are suppressed. */
  homes: number;
  remaining: number | null;
  forecastYear: number | null;
  onTrack: boolean | null;
  suppressedBelow: number;
  byYear: Array<{ year: number; homes: PublicCount }>;
  byInitiative: Array<{ initiative: string; homes: PublicCount }>;
  partners: Array<{ name: string; sector: string; municipality: string | null; since: string }>;
}

/**
 * The page anyone may read: the goal, the partners (organisations only) and aggregate progress
 * by year and initiative. It holds no person ids or names, and every breakdown count below 5 is
 * "<5" before it leaves the server.
 */
@Injectable()
export class PublicSummaryService {
  constructor(
    private readonly progress: ProgressService,
    private readonly partners: PartnersService,
  ) {}

  async summary(now = new Date()): Promise<PublicSummary> {
    const [progress, partners] = await Promise.all([
      this.progress.progress({ ...asOfFrom({}, now), current: true }),
      this.partners.list({ status: 'member' }) as Promise<
        Array<{ name: string; sector: string; municipality: string | null; joinedAt: Date }>
      >,
    ]);
    return {
      asOf: progress.asOf,
      goal: progress.goal,
      homes: progress.homes,
      remaining: progress.remaining,
      forecastYear: progress.pace?.forecastYear ?? null,
      onTrack: progress.pace ? progress.pace.onTrack : null,
      suppressedBelow: SMALL_COUNT_THRESHOLD,
      byYear: zipSuppressed(progress.byYear, (row, homes) => ({ year: row.year, homes })),
      byInitiative: zipSuppressed(progress.byInitiative, (row, homes) => ({
        initiative: row.label,
        homes,
      })),
      partners: partners.map((p) => ({
        name: p.name,
        sector: p.sector,
        municipality: p.municipality,
        since: new Date(p.joinedAt).toISOString().slice(0, 10),
      })),
    };
  }
}

function zipSuppressed<R extends { homes: number }, T>(
  rows: R[],
  shape: (row: R, homes: PublicCount) => T,
): T[] {
  const shown = suppressBreakdown(rows.map((row) => row.homes));
  return rows.map((row, index) => shape(row, shown[index]));
}
