import 'reflect-metadata';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Workbook } from 'exceljs';
import { EVENT_STORE, type EventStore } from '@ledger/event-store';
import { loadLedgerConfig } from '@ledger/platform';
import { createApiApp } from '../apps/api/src/create-api-app';
import { ImportService, type ImportReport } from '@ledger/application';
import { fmt, openBenchDatabase } from './bench-database';

/**
 * npm run bench:import — the import of ROWS housing counts (default 10,000) from one .xlsx file,
 * through the API's app (demo data loaded, projector in-process, as `npm start` runs): a dry run
 * (goal < 10 s), applying it (goal < 30 s), and importing the same file again (all duplicates).
 */
const ROWS = Number(process.env.BENCH_ROWS ?? 10_000);

async function housingWorkbook(rows: number): Promise<Buffer> {
  const book = new Workbook();
  const sheet = book.addWorksheet('housing-counts');
  sheet.addRow([
    'period',
    'count',
    'municipality',
    'initiative',
    'partner',
    'source',
    'housing type',
    'permanent',
    'date',
  ]);
  const places = [
    ['København', 'Kollegiemodellen (Bo Sammen)', 'Bikubenfonden', 'Kollegieværelse', 'ja'],
    ['Aarhus', 'ukhome', 'aarhus-kommune', 'Bofællesskab', 'ja'],
    ['Aarhus', 'Hjem til Dig', 'Røde Kors', 'Værtsfamilie', 'nej'],
    ['Odense', 'kollegiemodellen', 'Odense Kommune', 'Kollegieværelse', 'ja'],
  ];
  for (let i = 0; i < rows; i++) {
    const [municipality, initiative, partner, type, permanent] = places[i % places.length];
    const year = 2017 + (i % 9);
    const quarter = 1 + (i % 4);
    sheet.addRow([
      `${year}-Q${quarter}`,
      1 + (i % 5),
      municipality,
      initiative,
      partner,
      `Optælling nr. ${i + 1} fra ${partner}`,
      type,
      permanent,
      `${String(10 + (i % 18)).padStart(2, '0')}-${String(quarter * 3).padStart(2, '0')}-${year}`,
    ]);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

function line(label: string, report: ImportReport, ms: number, goalMs?: number): void {
  const s = report.summary;
  console.log(
    `${label.padEnd(24)} ${(ms / 1000).toFixed(2).padStart(6)} s  (${fmt((s.rows / ms) * 1000)} rows/s)  ` +
      `${report.outcome}: accepted ${s.accepted}, recorded ${s.recorded}, duplicate ${s.duplicate}, rejected ${s.rejected}, events ${s.events}` +
      (goalMs ? `  goal < ${goalMs / 1000} s: ${ms < goalMs ? 'met' : 'MISSED'}` : ''),
  );
}

async function main(): Promise<void> {
  const database = await openBenchDatabase();
  try {
    const config = loadLedgerConfig({
      DATABASE_URL: database.url,
      LOG_LEVEL: 'warn',
      LOG_FORMAT: 'json',
      SEED_DEMO_DATA: 'true',
      SIGNING_KEY_FILE: join(tmpdir(), `ledger-bench-import-key-${process.pid}.pem`),
      JWT_SECRET_FILE: join(tmpdir(), `ledger-bench-import-jwt-${process.pid}`),
    });
    const app = await createApiApp(config, database.url);
    await app.init();
    try {
      const imports = app.get(ImportService);
      const store = app.get<EventStore>(EVENT_STORE);
      const built = Date.now();
      const content = await housingWorkbook(ROWS);
      console.log(
        `import benchmark: ${fmt(ROWS)} housing-count rows in one .xlsx (${(content.length / 1024 / 1024).toFixed(1)} MB, built in ${((Date.now() - built) / 1000).toFixed(1)} s); ` +
          `log holds ${fmt(await store.headPosition())} events (demo data)`,
      );
      const actor = { id: 'bench-import', role: 'secretariat' as const };
      const run = async (apply: boolean) => {
        const started = Date.now();
        const report = await imports.run({
          content,
          fileName: 'housing-counts.xlsx',
          apply,
          validOnly: false,
          actor,
        });
        return { report, ms: Date.now() - started };
      };
      const dry = await run(false);
      line('dry run', dry.report, dry.ms, 10_000);
      const applied = await run(true);
      line('apply', applied.report, applied.ms, 30_000);
      const again = await run(true);
      line('apply again (duplicate)', again.report, again.ms);
      console.log(
        `log holds ${fmt(await store.headPosition())} events; verify: ${(await store.verify()).ok ? 'ok' : 'FAULT'}`,
      );
    } finally {
      await app.close();
    }
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
