import { basename } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { Workbook } from 'exceljs';
import { DataSource } from 'typeorm';
import {
  DomainRuleViolation,
  fold,
  governanceAggregate,
  housingReportAggregate,
  initiativeAggregate,
  InvalidCommand,
  NotFoundInDomain,
  partnerAggregate,
  streamIdForAlliance,
  streamIdForInitiative,
  streamIdForPartner,
  type Decider,
  type DomainEvent,
} from '@ledger/domain';
import { EVENT_STORE, type Actor, type EventStore } from '@ledger/event-store';
import { LIVE_READ_MODEL_SCHEMA } from '@ledger/read-models';
import { ID_PATTERN } from '../commands/shared/dto-fields';
import { newIdFor } from '../commands/shared/idempotency';
import type { CommandMetadata, CommandRecorded } from '../commands/shared';
import { referencesOf } from '../commands/shared/record-command';
import { LedgerReferences, UnknownReference, type Reference } from '../commands/shared/references';
import { fieldProblemsFrom } from '../http-errors/field-problems';
import { ALLIANCE_ID } from '../seed/hjem-til-alle.seed';
import { folded, slugOf, type CellValue } from './cell-values';
import { kindNamed, kindSpecs } from './kinds';
import {
  importKinds,
  type ImportAggregate,
  type ImportKind,
  type ImportResolver,
  type KindSpec,
  type PlannedCommand,
  type PlannedRow,
  type RowCells,
  type RowProblem,
} from './import-plan';
import { readOffThread } from './read-off-thread';
import {
  MAX_IMPORT_ROWS,
  UnreadableImport,
  type FileProblem,
  type Sheet,
  type SpreadsheetFormat,
} from './spreadsheet-reader';

export interface ImportOptions {
  content: Buffer;
  fileName: string;
  /** Only this kind (its sheet, or the only sheet); else every sheet named by a kind. */
  kind?: string;
  /** Record; without it the import is a dry run. */
  apply: boolean;
  /** Record the accepted rows even if others are rejected. */
  validOnly: boolean;
  actor: Actor;
  onProgress?: (progress: ImportProgress) => void;
}

export interface ImportProgress {
  phase: 'checking' | 'recording';
  done: number;
  total: number;
}

export type RowStatus = 'accepted' | 'rejected' | 'duplicate' | 'recorded' | 'not-recorded';

export interface ImportedCommand {
  type: string;
  commandId: string;
  streamId: string;
  summary: string;
  /** new: would be (dry run) or is to be recorded; duplicate: the log holds it already. */
  status: 'new' | 'duplicate' | 'not-needed' | 'recorded' | 'failed';
  /** The domain command as it is (or would be) sent: ids only, never a person's name. */
  command?: Record<string, unknown>;
  /** The events the domain decided (dry run) or recorded. */
  events?: string[];
}

export interface ImportRowReport {
  sheet: string;
  kind: ImportKind;
  row: number;
  status: RowStatus;
  /** Each as one line: `row 14, column count: must be a whole number above 0`. */
  problems: Array<RowProblem & { text: string }>;
  commands: ImportedCommand[];
}

export interface ImportReport {
  file: { name: string; format: SpreadsheetFormat | null; bytes: number; sha256: string };
  mode: 'dry-run' | 'apply';
  validOnly: boolean;
  /**
   * checked: a dry run; applied: recorded (rows already there count as duplicate); refused:
   * nothing recorded because rows were rejected; unreadable: the file could not be imported;
   * failed: a command was refused while recording (the rows before it stay recorded; importing
   * the same file again finishes it).
   */
  outcome: 'checked' | 'applied' | 'refused' | 'unreadable' | 'failed';
  message: string;
  summary: {
    rows: number;
    accepted: number;
    rejected: number;
    duplicate: number;
    recorded: number;
    notRecorded: number;
    events: number;
  };
  sheets: Array<{ sheet: string; kind: ImportKind; rows: number }>;
  problems: FileProblem[];
  rows: ImportRowReport[];
}

const deciders: Record<ImportAggregate, Decider<unknown, unknown, DomainEvent>> = {
  partner: partnerAggregate as unknown as Decider<unknown, unknown, DomainEvent>,
  initiative: initiativeAggregate as unknown as Decider<unknown, unknown, DomainEvent>,
  governance: governanceAggregate as unknown as Decider<unknown, unknown, DomainEvent>,
  housing: housingReportAggregate as unknown as Decider<unknown, unknown, DomainEvent>,
};

/** Streams read (or commands sent) at once. */
const CONCURRENCY = 6;

/** The command id of one row (and step): the same file always gives the same ids. */
export function importCommandId(
  sha256: string,
  kind: ImportKind,
  row: number,
  step: string,
): string {
  return `import:${sha256}:${kind}:${row}${step ? `:${step}` : ''}`;
}

interface StreamSimulation {
  aggregate: ImportAggregate;
  state: unknown;
  commandIds: Set<string>;
}

interface RowWork {
  report: ImportRowReport;
  planned: PlannedRow;
  /** The commands to send, with the domain command built during the check. */
  toSend: Array<{
    planned: PlannedCommand;
    command: Record<string, unknown>;
    report: ImportedCommand;
  }>;
}

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
    const report: ImportReport = {
      file: {
        name: basename(options.fileName),
        format: null,
        bytes: options.content.length,
        sha256,
      },
      mode: options.apply ? 'apply' : 'dry-run',
      validOnly: options.validOnly,
      outcome: 'checked',
      message: '',
      summary: {
        rows: 0,
        accepted: 0,
        rejected: 0,
        duplicate: 0,
        recorded: 0,
        notRecorded: 0,
        events: 0,
      },
      sheets: [],
      problems: [],
      rows: [],
    };
    let chosen: Array<{ sheet: Sheet; spec: KindSpec; columns: Array<string | null> }>;
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
    const resolver = new LedgerResolver(this.store, this.db);
    const simulations = new Map<string, StreamSimulation>();
    const work: RowWork[][] = [];
    let checked = 0;
    for (const { sheet, spec, columns } of chosen) {
      const rows = await this.check(sheet, spec, columns, {
        sha256,
        receivedAt,
        resolver,
        simulations,
        prefix: chosen.length > 1 ? `sheet ${sheet.name}, ` : '',
        progress: () => options.onProgress?.({ phase: 'checking', done: ++checked, total }),
      });
      work.push(rows);
    }
    const all = work.flat();
    report.rows = all.map((w) => w.report);
    const count = (status: RowStatus) => all.filter((w) => w.report.status === status).length;
    report.summary.rows = all.length;
    report.summary.rejected = count('rejected');
    report.summary.duplicate = count('duplicate');
    report.summary.accepted = count('accepted');
    const nothing = 'nothing was recorded';
    if (!options.apply) {
      report.outcome = 'checked';
      report.message =
        `dry run: ${report.summary.accepted} row(s) would be recorded, ${report.summary.rejected} rejected, ` +
        `${report.summary.duplicate} already recorded (duplicate); ${nothing}`;
      return report;
    }
    if (report.summary.rejected > 0 && !options.validOnly) {
      for (const w of all) if (w.report.status === 'accepted') w.report.status = 'not-recorded';
      report.summary.notRecorded = report.summary.accepted;
      report.outcome = 'refused';
      report.message =
        `${nothing}: ${report.summary.rejected} row(s) rejected (all rows or none; ` +
        'fix them, or import with valid-only to record the accepted rows)';
      return report;
    }
    const failure = await this.apply(work, sha256, receivedAt, options, report);
    report.summary.accepted = 0;
    report.summary.recorded = count('recorded');
    report.summary.notRecorded = count('not-recorded');
    report.summary.duplicate = count('duplicate');
    report.summary.rejected = count('rejected');
    report.outcome = failure ? 'failed' : 'applied';
    report.message = failure
      ? `recording stopped at ${failure}; ${report.summary.recorded} row(s) were recorded before it and stay ` +
        'recorded; importing the same file again records the rest'
      : `${report.summary.recorded} row(s) recorded (${report.summary.events} events), ` +
        `${report.summary.duplicate} already recorded (duplicate)` +
        (report.summary.rejected ? `, ${report.summary.rejected} rejected row(s) left out` : '');
    return report;
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

  private async check(
    sheet: Sheet,
    spec: KindSpec,
    columns: Array<string | null>,
    context: {
      sha256: string;
      receivedAt: string;
      resolver: LedgerResolver;
      simulations: Map<string, StreamSimulation>;
      prefix: string;
      progress: () => void;
    },
  ): Promise<RowWork[]> {
    const { sha256, receivedAt, resolver, simulations } = context;
    const headers: Record<string, string> = {};
    columns.forEach((key, i) => {
      if (key) headers[key] = sheet.header[i];
    });
    const planned: Array<{ row: number; plan: PlannedRow }> = [];
    for (const sheetRow of sheet.rows) {
      const values: Record<string, CellValue> = {};
      columns.forEach((key, i) => {
        if (key) values[key] = sheetRow.cells[i];
      });
      const cells: RowCells = { row: sheetRow.row, values, headers };
      const commandId = (step: string) => importCommandId(sha256, spec.kind, sheetRow.row, step);
      const plan = await spec.plan(cells, {
        resolver,
        allianceId: ALLIANCE_ID,
        receivedAt,
        commandId,
        newId: (step, kind) => newIdFor(commandId(step), kind),
      });
      if (plan.problems.length === 0) plan.problems.push(...validateBodies(plan, spec, headers));
      planned.push({ row: sheetRow.row, plan });
      context.progress();
    }
    // Read every stream the rows touch (and the alliance's, for governance) once, a few at a time.
    const streamIds = new Set<string>();
    const aggregateOf = new Map<string, ImportAggregate>();
    for (const { plan } of planned) {
      for (const c of plan.commands) {
        if (!simulations.has(c.streamId)) streamIds.add(c.streamId);
        aggregateOf.set(c.streamId, c.aggregate);
      }
    }
    const usesGovernance = [...aggregateOf.values()].includes('governance');
    const allianceStream = streamIdForAlliance(ALLIANCE_ID);
    let allianceFounded = true;
    if (usesGovernance) allianceFounded = await resolver.streamExists(allianceStream);
    await inPool([...streamIds], CONCURRENCY, async (streamId) => {
      const events = await this.store.readStream(streamId);
      const aggregate = aggregateOf.get(streamId)!;
      const decider = deciders[aggregate];
      simulations.set(streamId, {
        aggregate,
        state: fold(
          decider.evolve,
          decider.initialState,
          events.map(
            (e) => ({ type: e.type, data: e.data, occurredAt: e.occurredAt }) as DomainEvent,
          ),
        ),
        commandIds: new Set(events.map((e) => e.commandId).filter((id): id is string => !!id)),
      });
    });

    const results: RowWork[] = [];
    for (const { row, plan } of planned) {
      const report: ImportRowReport = {
        sheet: sheet.name,
        kind: spec.kind,
        row,
        status: 'accepted',
        problems: [],
        commands: [],
      };
      const work: RowWork = { report, planned: plan, toSend: [] };
      results.push(work);
      const problems: RowProblem[] = [...plan.problems];
      const undo: Array<() => void> = [];
      let anyNew = false;
      if (problems.length === 0) {
        for (const planned of plan.commands) {
          const commandId = importCommandId(sha256, spec.kind, row, planned.step);
          const simulation = simulations.get(planned.streamId)!;
          const entry: ImportedCommand = {
            type: planned.commandClass.name.replace(/Command$/, ''),
            commandId,
            streamId: planned.streamId,
            summary: planned.summary,
            status: 'new',
          };
          if (simulation.commandIds.has(commandId)) {
            entry.status = 'duplicate';
            report.commands.push(entry);
            continue;
          }
          const command = planned.build(simulation.state);
          if (command === null) {
            entry.status = 'not-needed';
            report.commands.push(entry);
            continue;
          }
          if (planned.aggregate === 'governance' && !allianceFounded) {
            problems.push({
              column: null,
              rule: 'alliance-founded',
              message: `the alliance ${ALLIANCE_ID} is not founded`,
            });
            break;
          }
          // The ledger's one rule for references (LedgerReferences), as the command's handler
          // applies it; partners and initiatives of earlier rows of the file count as known.
          const unknown = await this.references.firstUnknown(
            referencesOf(planned.commandClass, command),
            (reference) => resolver.knowsPending(reference),
          );
          if (unknown) {
            problems.push(
              domainProblem(
                new UnknownReference(unknown.field, unknown.kind, unknown.id),
                spec,
                headers,
              ),
            );
            break;
          }
          let events: DomainEvent[];
          try {
            events = deciders[planned.aggregate].decide(simulation.state, command, receivedAt);
          } catch (error) {
            problems.push(domainProblem(error, spec, headers));
            break;
          }
          const before = simulation.state;
          simulation.state = fold(deciders[planned.aggregate].evolve, before, events);
          simulation.commandIds.add(commandId);
          undo.push(() => {
            simulation.state = before;
            simulation.commandIds.delete(commandId);
          });
          anyNew = true;
          entry.command = command;
          entry.events = events.map((e) => e.type);
          report.commands.push(entry);
          work.toSend.push({ planned, command, report: entry });
        }
      }
      if (problems.length === 0 && anyNew && plan.conflicts?.length)
        problems.push(...plan.conflicts);
      if (problems.length > 0) {
        for (const step of undo.reverse()) step();
        work.toSend = [];
        report.status = 'rejected';
        report.commands = [];
        report.problems = problems.map((p) => ({
          ...p,
          text: `${context.prefix}row ${row}${p.column ? `, column ${p.column}` : ''}: ${p.message}`,
        }));
      } else {
        report.status = anyNew ? 'accepted' : 'duplicate';
        if (plan.pending)
          resolver.addPending(plan.pending.what, plan.pending.id, plan.pending.name);
      }
    }
    return results;
  }

  /** Sends the accepted rows' commands, sheet after sheet; per stream in row order. */
  private async apply(
    work: RowWork[][],
    sha256: string,
    receivedAt: string,
    options: ImportOptions,
    report: ImportReport,
  ): Promise<string | undefined> {
    const total = work.flat().reduce((n, w) => n + w.toSend.length, 0);
    let done = 0;
    let failure: string | undefined;
    for (const sheetWork of work) {
      const sends = sheetWork
        .filter((w) => w.report.status === 'accepted')
        .flatMap((w) => w.toSend.map((send) => ({ ...send, work: w })));
      const tails = new Map<string, Promise<void>>();
      const limit = limiter(CONCURRENCY);
      const all: Array<Promise<void>> = [];
      for (const send of sends) {
        const previous = tails.get(send.planned.streamId) ?? Promise.resolve();
        const next = previous.then(() =>
          limit(async () => {
            if (failure) return;
            const commandId = send.report.commandId;
            const metadata: CommandMetadata = {
              commandId,
              actor: options.actor,
              correlationId: `import:${sha256}`,
              receivedAt,
              newId: (kind) => newIdFor(commandId, kind),
            };
            try {
              const answer: CommandRecorded = await this.commands.execute(
                new send.planned.commandClass(send.command as never, metadata),
              );
              send.report.status = answer.duplicate ? 'duplicate' : 'recorded';
              send.report.events = answer.events;
              if (!answer.duplicate) report.summary.events += answer.events.length;
            } catch (error) {
              send.report.status = 'failed';
              const problem = domainProblem(error, kindSpecs[send.work.report.kind], {});
              send.work.report.problems.push({
                ...problem,
                text: `row ${send.work.report.row}: refused while recording: ${problem.message}`,
              });
              failure ??= `row ${send.work.report.row} (${problem.message})`;
            } finally {
              options.onProgress?.({ phase: 'recording', done: ++done, total });
            }
          }),
        );
        tails.set(send.planned.streamId, next);
        all.push(next);
      }
      await Promise.all(all);
      for (const w of sheetWork) {
        if (w.report.status !== 'accepted') continue;
        const statuses = w.toSend.map((s) => s.report.status);
        if (statuses.includes('recorded')) w.report.status = 'recorded';
        else if (statuses.length > 0 && statuses.every((s) => s === 'duplicate'))
          w.report.status = 'duplicate';
        else w.report.status = 'not-recorded';
      }
      if (failure) {
        for (const later of work.slice(work.indexOf(sheetWork) + 1).flat()) {
          if (later.report.status === 'accepted') later.report.status = 'not-recorded';
        }
        break;
      }
    }
    return failure;
  }
}

/** The kind named is none of the five. */
export class UnknownImportKind extends Error {
  constructor(readonly kind: string) {
    super(`unknown kind ${kind}; the kinds are ${importKinds.join(', ')}`);
    this.name = 'UnknownImportKind';
  }
}

/** Which sheets to import as which kind, and which column is which; refuses what does not fit. */
function chooseSheets(
  sheets: Sheet[],
  format: SpreadsheetFormat,
  fileName: string,
  kindOption: string | undefined,
): Array<{ sheet: Sheet; spec: KindSpec; columns: Array<string | null> }> {
  const problems: FileProblem[] = [];
  let pairs: Array<{ sheet: Sheet; spec: KindSpec }> = [];
  if (kindOption !== undefined) {
    const spec = kindNamed(kindOption);
    if (!spec)
      throw new UnreadableImport([
        { rule: 'unknown-kind', message: new UnknownImportKind(kindOption).message },
      ]);
    const named = sheets.find((s) => kindNamed(s.name)?.kind === spec.kind);
    const sheet = named ?? (sheets.length === 1 ? sheets[0] : undefined);
    if (!sheet) {
      throw new UnreadableImport([
        {
          rule: 'sheet-not-found',
          message: `no sheet is named ${spec.kind}, and the workbook has ${sheets.length} sheets (${sheets.map((s) => s.name).join(', ')})`,
        },
      ]);
    }
    pairs = [{ sheet, spec }];
  } else {
    const named = sheets
      .map((sheet) => ({ sheet, spec: kindNamed(format === 'csv' ? fileName : sheet.name) }))
      .filter((p): p is { sheet: Sheet; spec: KindSpec } => p.spec !== undefined);
    if (named.length > 0) pairs = named;
    else if (sheets.length === 1) {
      const spec = kindByHeader(sheets[0]);
      if (!spec) {
        throw new UnreadableImport([
          {
            rule: 'unknown-kind',
            sheet: sheets[0].name,
            message:
              `cannot tell what ${format === 'csv' ? 'the file' : `sheet ${sheets[0].name}`} holds: ` +
              `name the ${format === 'csv' ? 'file' : 'sheet'} by its kind (${importKinds.join(', ')}) or give the kind`,
          },
        ]);
      }
      pairs = [{ sheet: sheets[0], spec }];
    } else {
      throw new UnreadableImport([
        {
          rule: 'unknown-kind',
          message: `no sheet is named by a kind (${importKinds.join(', ')}); the workbook has ${sheets.map((s) => s.name).join(', ')}`,
        },
      ]);
    }
  }
  pairs.sort((a, b) => importKinds.indexOf(a.spec.kind) - importKinds.indexOf(b.spec.kind));
  const seen = new Set<ImportKind>();
  const chosen = [];
  for (const { sheet, spec } of pairs) {
    if (seen.has(spec.kind)) {
      problems.push({
        rule: 'sheet-repeated',
        sheet: sheet.name,
        message: `two sheets hold ${spec.kind}`,
      });
      continue;
    }
    seen.add(spec.kind);
    chosen.push({ sheet, spec, columns: mapColumns(sheet, spec, problems) });
  }
  const rows = chosen.reduce((n, c) => n + c.sheet.rows.length, 0);
  if (rows === 0 && problems.length === 0) {
    problems.push({ rule: 'empty-file', message: 'there are no rows below the header' });
  }
  if (rows > MAX_IMPORT_ROWS) {
    problems.push({
      rule: 'too-many-rows',
      message: `${rows} rows; at most ${MAX_IMPORT_ROWS} are imported at once`,
    });
  }
  if (problems.length) throw new UnreadableImport(problems);
  return chosen;
}

function matches(spec: KindSpec, header: string): string | undefined {
  const key = folded(header).replace(/-/g, ' ');
  return spec.columns.find(
    (c) => folded(c.header) === key || c.aliases.some((a) => folded(a).replace(/-/g, ' ') === key),
  )?.key;
}

function kindByHeader(sheet: Sheet): KindSpec | undefined {
  const fitting = Object.values(kindSpecs).filter((spec) => {
    const keys = sheet.header.filter((h) => h !== '').map((h) => matches(spec, h));
    return (
      keys.every((k) => k !== undefined) &&
      spec.columns.every((c) => !c.required || keys.includes(c.key))
    );
  });
  return fitting.length === 1 ? fitting[0] : undefined;
}

function mapColumns(sheet: Sheet, spec: KindSpec, problems: FileProblem[]): Array<string | null> {
  const where = (i: number) => `sheet ${sheet.name}, column ${sheet.letters[i]}`;
  const known = spec.columns.map((c) => c.header).join(', ');
  const keys = sheet.header.map((header, i) => {
    if (header === '') {
      if (sheet.rows.some((r) => r.cells[i] !== null && r.cells[i] !== '')) {
        problems.push({
          rule: 'unknown-column',
          sheet: sheet.name,
          column: sheet.letters[i],
          message: `${where(i)} has values but no header`,
        });
      }
      return null;
    }
    const key = matches(spec, header);
    if (!key) {
      problems.push({
        rule: 'unknown-column',
        sheet: sheet.name,
        column: header,
        message: `${where(i)} "${header}" is not a column of ${spec.kind}; the columns are: ${known}`,
      });
      return null;
    }
    return key;
  });
  for (const c of spec.columns) {
    const count = keys.filter((k) => k === c.key).length;
    if (count > 1)
      problems.push({
        rule: 'column-repeated',
        sheet: sheet.name,
        column: c.header,
        message: `sheet ${sheet.name}: the column ${c.header} appears ${count} times`,
      });
    if (count === 0 && c.required) {
      problems.push({
        rule: 'missing-column',
        sheet: sheet.name,
        column: c.header,
        message: `sheet ${sheet.name} has no column ${c.header} (${spec.kind} need: ${spec.columns
          .filter((x) => x.required)
          .map((x) => x.header)
          .join(', ')})`,
      });
    }
  }
  return keys;
}

/** The DTO checks the API would make on the body (class-validator), with their columns. */
function validateBodies(
  plan: PlannedRow,
  spec: KindSpec,
  headers: Record<string, string>,
): RowProblem[] {
  const problems: RowProblem[] = [];
  for (const command of plan.commands) {
    if (!command.dto) continue;
    const instance = plainToInstance(
      command.dto.class,
      JSON.parse(JSON.stringify(command.dto.body)),
    );
    const errors = validateSync(instance, { whitelist: true, forbidNonWhitelisted: true });
    for (const field of fieldProblemsFrom(errors)) {
      problems.push({
        column: columnOf(field.field, spec, headers),
        rule: field.rule,
        message: field.message,
      });
    }
  }
  return problems;
}

function columnOf(field: string, spec: KindSpec, headers: Record<string, string>): string | null {
  const key = spec.fieldColumns[field] ?? spec.fieldColumns[field.split(/[.[]/)[0]];
  if (!key) return null;
  return headers[key] ?? spec.columns.find((c) => c.key === key)?.header ?? key;
}

function domainProblem(
  error: unknown,
  spec: KindSpec,
  headers: Record<string, string>,
): RowProblem {
  if (error instanceof InvalidCommand) {
    return {
      column: columnOf(error.field, spec, headers),
      rule: error.rule,
      message: error.message,
    };
  }
  if (error instanceof DomainRuleViolation) {
    const key = spec.ruleColumns[error.rule];
    const column = key
      ? (headers[key] ?? spec.columns.find((c) => c.key === key)?.header ?? key)
      : null;
    return { column, rule: error.rule, message: error.message };
  }
  if (error instanceof UnknownReference) {
    return {
      column: columnOf(error.field.replace(/\[\d+\]$/, ''), spec, headers),
      rule: 'known-reference',
      message: error.message,
    };
  }
  if (error instanceof NotFoundInDomain) {
    return {
      column: columnOf(`${error.what}Id`, spec, headers),
      rule: 'not-found',
      message: error.message,
    };
  }
  if (error instanceof Error && 'rule' in error && typeof error.rule === 'string') {
    return { column: null, rule: error.rule, message: error.message };
  }
  throw error;
}

/** Runs fn over the items, at most `size` at once. */
async function inPool<T>(items: T[], size: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker));
}

function limiter(size: number): <T>(fn: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: Array<() => void> = [];
  return async <T>(fn: () => Promise<T>): Promise<T> => {
    if (running >= size) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    try {
      return await fn();
    } finally {
      running--;
      waiting.shift()?.();
    }
  };
}

/**
 * Partners, initiatives and persons by id or name. Names of partners and initiatives are looked
 * up in the read models (current names), ids in the log itself; a person only in the person
 * register, so no name is ever taken for an id.
 */
class LedgerResolver implements ImportResolver {
  private readonly pending = {
    partner: new Map<string, string>(),
    initiative: new Map<string, string>(),
  };
  private readonly cache = new Map<string, Promise<unknown>>();

  constructor(
    private readonly store: EventStore,
    private readonly db: DataSource,
  ) {}

  /** A partner or initiative created by an earlier row of the file (not yet in the log). */
  knowsPending(reference: Reference): boolean {
    const id = folded(reference.id);
    if (reference.kind === 'partner' || reference.kind === 'organisation')
      return this.pending.partner.has(id);
    return reference.kind === 'initiative' && this.pending.initiative.has(id);
  }

  addPending(what: 'partner' | 'initiative', id: string, name: string): void {
    this.pending[what].set(folded(id), id);
    this.pending[what].set(folded(name), id);
  }

  partner(value: string): Promise<string | undefined> {
    const pending = this.pending.partner.get(folded(value));
    if (pending) return Promise.resolve(pending);
    return this.cached(`partner:${folded(value)}`, () =>
      this.find(value, 'partner', streamIdForPartner),
    );
  }

  initiative(value: string): Promise<string | undefined> {
    const pending = this.pending.initiative.get(folded(value));
    if (pending) return Promise.resolve(pending);
    return this.cached(`initiative:${folded(value)}`, () =>
      this.find(value, 'initiative', streamIdForInitiative),
    );
  }

  person(value: string): Promise<{ personId: string } | { problem: string; rule: string }> {
    return this.cached(`person:${value}`, async () => {
      const rows: Array<{ person_id: string; by_id: boolean }> = await this.db.query(
        `SELECT person_id, person_id = $1 AS by_id FROM personal_data.persons
          WHERE erased_at IS NULL AND name IS NOT NULL AND (person_id = $1 OR lower(name) = lower($1))`,
        [value],
      );
      const byId = rows.find((r) => r.by_id);
      if (byId) return { personId: byId.person_id };
      if (rows.length === 1) return { personId: rows[0].person_id };
      if (rows.length > 1) {
        return {
          rule: 'one-person',
          problem: `${rows.length} persons in the person register have this name; give the person id`,
        };
      }
      // Ids in the seed's form (`person-0001`, or `person-<uuid>` from POST /persons) are ids
      // even when no name is registered for them; anything else would be a name.
      if (/^person-[A-Za-z0-9-]{1,93}$/.test(value)) return { personId: value };
      return {
        rule: 'registered-person',
        problem:
          'is not in the person register: register the person first (POST /persons) and give the person id or the name exactly as registered',
      };
    });
  }

  streamExists(streamId: string): Promise<boolean> {
    return this.cached(
      `stream:${streamId}`,
      async () => (await this.store.readStream(streamId, { limit: 1 })).length > 0,
    );
  }

  private async find(
    value: string,
    table: 'partner' | 'initiative',
    streamIdOf: (id: string) => string,
  ): Promise<string | undefined> {
    if (ID_PATTERN.test(value) && (await this.streamExists(streamIdOf(value)))) return value;
    const rows: Array<{ id: string }> = await this.db.query(
      `SELECT ${table}_id AS id FROM ${LIVE_READ_MODEL_SCHEMA}.${table} WHERE lower(name) = lower($1)`,
      [value],
    );
    if (rows.length === 1) return rows[0].id;
    const slug = slugOf(value);
    if (slug && slug !== value && (await this.streamExists(streamIdOf(slug)))) return slug;
    return undefined;
  }

  private cached<T>(key: string, load: () => Promise<T>): Promise<T> {
    let found = this.cache.get(key) as Promise<T> | undefined;
    if (!found) {
      found = load();
      this.cache.set(key, found);
    }
    return found;
  }
}
