import { INestApplication } from '@nestjs/common';
import { Pool } from 'pg';
import { ledgerProjections, resetProjections } from '@ledger/read-models';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { asOfFrom } from '@ledger/application';
import { ProgressService, StandingSource } from '@ledger/application';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { testConfig } from '../support/test-config';
import { LedgerEvents, projectionsCaughtUp } from '../support/ledger-events';
import { PROGRESS_FIGURES } from '../support/progress-figures';

/** A small deterministic random source, so a failure can be replayed. */
function random(seed: number) {
  return () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
}

/**
 * Progress on a past date is summed from daily steps (a few hundred rows) instead of each report's
 * latest change in the full history. Both must give the same figures on every date, also when
 * corrections are backdated before earlier corrections, and whether a report and its corrections
 * were projected in one batch or in many.
 */
describe('progress on a past date: the daily steps equal the full change history', () => {
  let database: TestDatabase;
  let app: INestApplication;
  let progress: ProgressService;
  const worldDays: string[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await createApiApp(testConfig(database.url), database.url);
    await app.init();
    progress = app.get(ProgressService);
    const ledger = LedgerEvents.of(app);
    await ledger.foundAlliance();
    await ledger.partnerJoined('bikubenfonden', 'Bikubenfonden', 'foundation', null);
    await ledger.partnerJoined('roede-kors', 'Røde Kors', 'civil-society', null);
    await ledger.initiativeLaunched('kollegiemodellen', 'Kollegiemodellen (Bo Sammen)', 100);
    await ledger.initiativeLaunched('hjem-til-dig', 'Hjem til Dig', 60);
    const next = random(2300);
    const day = (from: number, span: number) =>
      new Date(Date.UTC(2017, 0, 1) + Math.floor(from + next() * span) * 86_400_000)
        .toISOString()
        .slice(0, 10);
    const counts = new Map<string, number>();
    const open = new Set<string>();
    // Three rounds, each projected before the next, so corrections meet reports both in their own
    // batch and from earlier ones.
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 8; i++) {
        const id = `r${round}-${i}`;
        const count = 1 + Math.floor(next() * 20);
        const on = day(0, 1200);
        await ledger.homesReported(
          id,
          count,
          `${on.slice(0, 4)}-Q${Math.floor(Number(on.slice(5, 7)) / 3.01) + 1}`,
          ['København', 'Aarhus', 'Odense'][i % 3],
          i % 2 ? 'kollegiemodellen' : 'hjem-til-dig',
          i % 3 ? 'bikubenfonden' : 'roede-kors',
          on,
        );
        counts.set(id, count);
        open.add(id);
        worldDays.push(on);
      }
      for (const id of [...open]) {
        const changes = Math.floor(next() * 3);
        for (let c = 0; c < changes && open.has(id); c++) {
          // Anywhere in the four years: often before the report's own date or an earlier
          // correction's, so backdated changes are common here.
          const on = day(0, 1500);
          worldDays.push(on);
          if (next() < 0.15) {
            await ledger.retracted(id, 'reported by mistake', on);
            open.delete(id);
          } else {
            const count = (counts.get(id)! % 25) + 1;
            await ledger.corrected(id, counts.get(id)!, count, 'recounted', on);
            counts.set(id, count);
          }
        }
      }
      await projectionsCaughtUp(app);
    }
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  async function expectSameFigures(asOf: string, knownOn?: string) {
    const at = asOfFrom({ asOf, knownOn });
    const daily = await progress.progress(at, 'daily steps');
    const history = await progress.progress(at, 'change history');
    for (const figure of PROGRESS_FIGURES) {
      expect([asOf, figure, daily[figure]]).toEqual([asOf, figure, history[figure]]);
    }
    return history;
  }

  function datesToAsk(): string[] {
    const days = new Set<string>();
    for (const d of worldDays) {
      const t = Date.parse(d);
      for (const offset of [-1, 0, 1]) {
        days.add(new Date(t + offset * 86_400_000).toISOString().slice(0, 10));
      }
    }
    return [...days].sort();
  }

  it('on every day around every report and correction, as known now', async () => {
    let nonEmpty = 0;
    for (const asOf of datesToAsk()) {
      if ((await expectSameFigures(asOf)).homes > 0) nonEmpty++;
    }
    expect(nonEmpty).toBeGreaterThan(10);
  });

  it('as known at the end of today and of yesterday', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    for (const asOf of datesToAsk().filter((_, i) => i % 5 === 0)) {
      await expectSameFigures(asOf, today);
      const before = await expectSameFigures(asOf, yesterday);
      // Nothing was recorded before today.
      expect(before.homes).toBe(0);
    }
  });

  it('after a rebuild, where each report and its corrections are projected in one batch', async () => {
    const pool = new Pool({ connectionString: database.url });
    try {
      await resetProjections(pool, ledgerProjections());
    } finally {
      await pool.end();
    }
    await projectionsCaughtUp(app);
    for (const asOf of datesToAsk().filter((_, i) => i % 3 === 0)) await expectSameFigures(asOf);
  });

  it('picks the daily steps for a day, and the history for an instant inside a day with changes', async () => {
    const sourceOf = (query: { asOf?: string; knownOn?: string }): Promise<StandingSource> =>
      progress.sourceFor({ ...asOfFrom(query), current: !query.asOf && !query.knownOn });
    expect(await sourceOf({})).toBe('running totals');
    expect(await sourceOf({ asOf: '2019-12-31' })).toBe('daily steps');
    expect(await sourceOf({ asOf: '2019-12-31', knownOn: '2020-01-01' })).toBe('daily steps');
    // Every event was recorded today: an instant today splits the day.
    expect(await sourceOf({ asOf: '2019-12-31', knownOn: new Date().toISOString() })).toBe(
      'change history',
    );
    // Nothing happened in the world after the last report's day: an instant in 2030 splits nothing.
    expect(await sourceOf({ asOf: '2030-06-01T12:00:00Z' })).toBe('daily steps');
    const instant = `${worldDays[0]}T12:00:00Z`;
    expect(await sourceOf({ asOf: instant })).toBe('change history');
  });
});
