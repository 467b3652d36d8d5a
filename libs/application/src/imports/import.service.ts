import { basename } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { Workbook } from 'exceljs';
import { DataSource } from 'typeorm';
import { EVENT_STORE, type EventStore } from '@ledger/event-store';
import { LedgerReferences } from '../recording/references';
import { chooseSheets, UnknownImportKind, type ChosenSheet } from './choose-sheets';
import { recordAccepted } from './import-apply';
import { checkSheet, type FileCheck, type RowWork } from './import-check';
import {
  newReport,
  reportDryRun,
  reportRecorded,
  reportRefused,
  rowsWith,
  type ImportOptions,
  type ImportReport,
} from './import-report';
import { kindNamed } from './kinds';
import { LedgerResolver } from './ledger-resolver';
import { readOffThread } from './read-off-thread';
import { UnreadableImport } from './spreadsheet-reader';

/**
 * Imports the secretariat's spreadsheets (issue 11): every row becomes the ordinary commands of
 * the API, sent through the command bus with a command id derived from the file's SHA-256 and
 * the row, as the demo-data seeder does. A dry run decides every command with the domain's own
 * deciders against the current state of its stream (folded from the log, plus the earlier rows
 * of the file) and appends nothing.
 */
@Injectable()
export class ImportService {
  constructor(
    private readonly commands: CommandBus,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @InjectDataSource() private readonly db: DataSource,
    private readonly references: LedgerReferences,
  ) {}

  async run(options: ImportOptions): Promise<ImportReport> {
    // Hashed and read in a worker thread with bounded memory (read-off-thread.ts).
    const read = await readOffThread(options.content, basename(options.fileName));
    if ('failure' in read) throw new Error(`reading ${options.fileName} failed: ${read.failure}`);
    const sha256 = read.sha256;
    const report = newReport(options, basename(options.fileName), sha256);
    let chosen: ChosenSheet[];
    try {
      if ('problems' in read) throw new UnreadableImport(read.problems);
      const { format, sheets } = read;
      report.file.format = format;
      chosen = chooseSheets(sheets, format, report.file.name, options.kind);
    } catch (error) {
      if (!(error instanceof UnreadableImport)) throw error;
      report.outcome = 'unreadable';
      report.problems = error.problems;
      report.message = `nothing was recorded: ${error.message}`;
      return report;
    }
    report.sheets = chosen.map(({ sheet, spec }) => ({
      sheet: sheet.name,
      kind: spec.kind,
      rows: sheet.rows.length,
    }));
    const total = chosen.reduce((n, c) => n + c.sheet.rows.length, 0);
    const receivedAt = new Date().toISOString();
    const file: FileCheck = {
      sha256,
      receivedAt,
      resolver: new LedgerResolver(this.store, this.db),
      simulations: new Map(),
      store: this.store,
      references: this.references,
    };
    const work: RowWork[][] = [];
    let checked = 0;
    for (const chosenSheet of chosen) {
      const prefix = chosen.length > 1 ? `sheet ${chosenSheet.sheet.name}, ` : '';
      const progress = () => options.onProgress?.({ phase: 'checking', done: ++checked, total });
      work.push(await checkSheet(chosenSheet, file, prefix, progress));
    }
    report.rows = work.flat().map((w) => w.report);
    report.summary.rows = report.rows.length;
    report.summary.rejected = rowsWith(report.rows, 'rejected');
    report.summary.duplicate = rowsWith(report.rows, 'duplicate');
    report.summary.accepted = rowsWith(report.rows, 'accepted');
    if (!options.apply) return reportDryRun(report);
    if (report.summary.rejected > 0 && !options.validOnly) return reportRefused(report);
    const failure = await recordAccepted(this.commands, work, sha256, receivedAt, options, report);
    return reportRecorded(report, failure);
  }

  /** An empty spreadsheet for one kind: the header row and an example row. */
  async template(kind: string): Promise<{ fileName: string; content: Buffer }> {
    const spec = kindNamed(kind);
    if (!spec) throw new UnknownImportKind(kind);
    const workbook = new Workbook();
    workbook.creator = 'Hjem til Alle alliance ledger';
    const sheet = workbook.addWorksheet(spec.kind);
    sheet.addRow(spec.columns.map((c) => c.header));
    sheet.addRow(spec.columns.map((c) => c.example ?? null));
    spec.columns.forEach((c, i) => {
      const cell = sheet.getRow(1).getCell(i + 1);
      cell.font = { bold: true };
      const rule = c.required ? 'Required.' : 'Optional.';
      cell.note =
        `${rule} ${c.note}`.trim() +
        (c.aliases.length ? ` Also read as: ${c.aliases.join(', ')}.` : '');
      sheet.getColumn(i + 1).width = Math.max(
        14,
        c.header.length + 4,
        String(c.example ?? '').length + 2,
      );
    });
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
    const content = Buffer.from(await workbook.xlsx.writeBuffer());
    return { fileName: `${spec.kind}-template.xlsx`, content };
  }
}
