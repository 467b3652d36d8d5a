import {
  fold,
  governanceAggregate,
  housingReportAggregate,
  initiativeAggregate,
  partnerAggregate,
  streamIdForAlliance,
  type Decider,
  type DomainEvent,
} from '@ledger/domain';
import type { EventStore } from '@ledger/event-store';
import { newIdFor } from '../recording/idempotency';
import { referencesOf } from '../recording/record-command';
import { LedgerReferences, UnknownReference } from '../recording/references';
import { ALLIANCE_ID } from '../seed/hjem-til-alle.seed';
import type { CellValue } from './cell-values';
import type { ChosenSheet } from './choose-sheets';
import { CONCURRENCY, inPool } from './concurrency';
import type {
  ImportAggregate,
  ImportKind,
  KindSpec,
  PlannedCommand,
  PlannedRow,
  RowCells,
  RowProblem,
} from './import-plan';
import type { ImportedCommand, ImportRowReport } from './import-report';
import type { LedgerResolver } from './ledger-resolver';
import { domainProblem, validateBodies } from './row-problems';
import type { Sheet } from './spreadsheet-reader';

const deciders: Record<ImportAggregate, Decider<unknown, unknown, DomainEvent>> = {
  partner: partnerAggregate as unknown as Decider<unknown, unknown, DomainEvent>,
  initiative: initiativeAggregate as unknown as Decider<unknown, unknown, DomainEvent>,
  governance: governanceAggregate as unknown as Decider<unknown, unknown, DomainEvent>,
  housing: housingReportAggregate as unknown as Decider<unknown, unknown, DomainEvent>,
};

/** The command id of one row (and step): the same file always gives the same ids. */
export function importCommandId(
  sha256: string,
  kind: ImportKind,
  row: number,
  step: string,
): string {
  return `import:${sha256}:${kind}:${row}${step ? `:${step}` : ''}`;
}

export interface StreamSimulation {
  aggregate: ImportAggregate;
  state: unknown;
  commandIds: Set<string>;
}

export interface RowWork {
  report: ImportRowReport;
  planned: PlannedRow;
  /** The commands to send, with the domain command built during the check. */
  toSend: Array<{
    planned: PlannedCommand;
    command: Record<string, unknown>;
    report: ImportedCommand;
  }>;
}

/** What the check of one file shares between its sheets. */
export interface FileCheck {
  sha256: string;
  receivedAt: string;
  resolver: LedgerResolver;
  /** Every stream the file touches, as the log has it plus the file's earlier rows. */
  simulations: Map<string, StreamSimulation>;
  store: EventStore;
  references: LedgerReferences;
}

/** One sheet's check, besides the file's: where its rows' problems say they are. */
interface SheetCheck extends FileCheck {
  sheet: Sheet;
  spec: KindSpec;
  headers: Record<string, string>;
  /** `sheet <name>, ` before every problem when the file holds several sheets. */
  prefix: string;
}

/**
 * The dry run of one sheet: every row planned, every stream the rows touch read once, then each
 * row's commands decided by the domain against its stream as the import has it so far, so row 9
 * sees row 3. Appends nothing.
 */
export async function checkSheet(
  { sheet, spec, columns }: ChosenSheet,
  file: FileCheck,
  prefix: string,
  progress: () => void,
): Promise<RowWork[]> {
  const headers: Record<string, string> = {};
  columns.forEach((key, i) => {
    if (key) headers[key] = sheet.header[i];
  });
  const check: SheetCheck = { ...file, sheet, spec, headers, prefix };
  const planned = await planRows(check, columns, progress);
  const allianceFounded = await readTouchedStreams(planned, file);
  const results: RowWork[] = [];
  for (const { row, plan } of planned)
    results.push(await checkRow(check, row, plan, allianceFounded));
  return results;
}

/** Each row becomes its kind's commands; a row's DTO bodies are checked as the API checks them. */
async function planRows(
  { sheet, spec, headers, sha256, receivedAt, resolver }: SheetCheck,
  columns: Array<string | null>,
  progress: () => void,
): Promise<Array<{ row: number; plan: PlannedRow }>> {
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
    progress();
  }
  return planned;
}

/**
 * Folds every stream the rows touch that no earlier sheet read; answers whether the alliance is
 * founded (asked only when a row touches governance).
 */
async function readTouchedStreams(
  planned: Array<{ plan: PlannedRow }>,
  { store, resolver, simulations }: FileCheck,
): Promise<boolean> {
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
    const events = await store.readStream(streamId);
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
  return allianceFounded;
}

/** A row being checked: its report, what it would send, and how to undo its effects. */
interface RowInCheck {
  row: number;
  work: RowWork;
  problems: RowProblem[];
  undo: Array<() => void>;
  anyNew: boolean;
}

/** One row: accepted, a duplicate (every command recorded already), or rejected and undone. */
async function checkRow(
  check: SheetCheck,
  row: number,
  plan: PlannedRow,
  allianceFounded: boolean,
): Promise<RowWork> {
  const report: ImportRowReport = {
    sheet: check.sheet.name,
    kind: check.spec.kind,
    row,
    status: 'accepted',
    problems: [],
    commands: [],
  };
  const inCheck: RowInCheck = {
    row,
    work: { report, planned: plan, toSend: [] },
    problems: [...plan.problems],
    undo: [],
    anyNew: false,
  };
  if (inCheck.problems.length === 0) {
    for (const planned of plan.commands) {
      const problem = await decideCommand(check, inCheck, planned, allianceFounded);
      if (problem) {
        inCheck.problems.push(problem);
        break;
      }
    }
  }
  if (inCheck.problems.length === 0 && inCheck.anyNew && plan.conflicts?.length)
    inCheck.problems.push(...plan.conflicts);
  if (inCheck.problems.length > 0) rejectRow(check, inCheck);
  else {
    report.status = inCheck.anyNew ? 'accepted' : 'duplicate';
    if (plan.pending)
      check.resolver.addPending(plan.pending.what, plan.pending.id, plan.pending.name);
  }
  return inCheck.work;
}

/**
 * One command of a row: a duplicate when its stream holds its command id, not needed when its
 * build says so, else decided by the domain and folded into its stream. Answers the problem that
 * rejects the row, if any.
 */
async function decideCommand(
  { sha256, spec, headers, simulations, references, resolver, receivedAt }: SheetCheck,
  inCheck: RowInCheck,
  planned: PlannedCommand,
  allianceFounded: boolean,
): Promise<RowProblem | undefined> {
  const { report } = inCheck.work;
  const commandId = importCommandId(sha256, spec.kind, inCheck.row, planned.step);
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
    return undefined;
  }
  const command = planned.build(simulation.state);
  if (command === null) {
    entry.status = 'not-needed';
    report.commands.push(entry);
    return undefined;
  }
  if (planned.aggregate === 'governance' && !allianceFounded) {
    return {
      column: null,
      rule: 'alliance-founded',
      message: `the alliance ${ALLIANCE_ID} is not founded`,
    };
  }
  // The ledger's one rule for references (LedgerReferences), as the command's handler
  // applies it; partners and initiatives of earlier rows of the file count as known.
  const unknown = await references.firstUnknown(
    referencesOf(planned.commandClass, command),
    (reference) => resolver.knowsPending(reference),
  );
  if (unknown) {
    return domainProblem(
      new UnknownReference(unknown.field, unknown.kind, unknown.id),
      spec,
      headers,
    );
  }
  let events: DomainEvent[];
  try {
    events = deciders[planned.aggregate].decide(simulation.state, command, receivedAt);
  } catch (error) {
    return domainProblem(error, spec, headers);
  }
  const before = simulation.state;
  simulation.state = fold(deciders[planned.aggregate].evolve, before, events);
  simulation.commandIds.add(commandId);
  inCheck.undo.push(() => {
    simulation.state = before;
    simulation.commandIds.delete(commandId);
  });
  inCheck.anyNew = true;
  entry.command = command;
  entry.events = events.map((e) => e.type);
  report.commands.push(entry);
  inCheck.work.toSend.push({ planned, command, report: entry });
  return undefined;
}

/** A rejected row's effects on its streams are undone; it sends nothing and names its problems. */
function rejectRow({ prefix }: SheetCheck, { row, work, problems, undo }: RowInCheck): void {
  for (const step of undo.reverse()) step();
  work.toSend = [];
  work.report.status = 'rejected';
  work.report.commands = [];
  work.report.problems = problems.map((p) => ({
    ...p,
    text: `${prefix}row ${row}${p.column ? `, column ${p.column}` : ''}: ${p.message}`,
  }));
}
