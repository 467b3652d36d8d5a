import type { Type } from '@nestjs/common';
import type { CommandMetadata, RecordCommand } from '../recording';
import type { CellValue } from './cell-values';

/** The kinds of sheet the ledger imports, in the order a workbook's sheets are recorded. */
export const importKinds = [
  'partners',
  'initiatives',
  'declarations',
  'seats',
  'housing-counts',
] as const;
export type ImportKind = (typeof importKinds)[number];

/** The aggregates an import writes to; each has its decider in import-check.ts. */
export type ImportAggregate = 'partner' | 'initiative' | 'governance' | 'housing';

/** One thing wrong with one row, in the report: `row 14, column count: must be ...`. */
export interface RowProblem {
  /** The column as its header reads in the file (or the expected header when it is missing). */
  column: string | null;
  rule: string;
  message: string;
}

export type CommandClass = new (
  command: never,
  metadata: CommandMetadata,
) => RecordCommand<unknown>;

/**
 * One command a row becomes. `build` sees the aggregate's state as the import has it so far (the
 * log plus the earlier rows of the file) and may answer null when the command is not needed
 * (the general assembly of a board seat's day is already recorded).
 */
export interface PlannedCommand {
  /** Appended to the row's command id when a row becomes more than one command. */
  step: string;
  commandClass: CommandClass;
  aggregate: ImportAggregate;
  streamId: string;
  build(state: unknown): Record<string, unknown> | null;
  /** The request body the API would have validated (class-validator DTO), field → column. */
  dto?: { class: Type<object>; body: Record<string, unknown> };
  /** For the report: what the command records, in a few words. */
  summary: string;
}

/** Column of a kind: the key used in code, the header of the template, other accepted headers. */
export interface ColumnSpec {
  key: string;
  header: string;
  aliases: string[];
  required: boolean;
  example: string | number | Date | boolean | null;
  note: string;
}

/** A row's cells by column key, with the header each came from. */
export interface RowCells {
  row: number;
  values: Record<string, CellValue>;
  headers: Record<string, string>;
}

/** What the import knows besides the row: ids of things already recorded or in the file. */
export interface ImportResolver {
  /** A partner by id or name: in the log, or joining in an earlier sheet of this import. */
  partner(value: string): Promise<string | undefined>;
  initiative(value: string): Promise<string | undefined>;
  /** A person registered in the person register, by id or exact name; never a raw name. */
  person(value: string): Promise<{ personId: string } | { problem: string; rule: string }>;
  /** Partners and initiatives an earlier sheet of this import records. */
  addPending(what: 'partner' | 'initiative', id: string, name: string): void;
}

export interface PlanContext {
  resolver: ImportResolver;
  allianceId: string;
  /** When the import arrived (ISO instant): the day of facts a row gives no date for. */
  receivedAt: string;
  /** The row's command id (with a step suffix), as the seeder derives its ids. */
  commandId(step: string): string;
  newId(step: string, kind: string): string;
}

export interface PlannedRow {
  problems: RowProblem[];
  commands: PlannedCommand[];
  /**
   * Problems that hold only if the row is not recorded already (a partner of the same name):
   * a row imported before is a duplicate, not a conflict with itself.
   */
  conflicts?: RowProblem[];
  /** Registered with the resolver once the row is accepted. */
  pending?: { what: 'partner' | 'initiative'; id: string; name: string };
}

export interface KindSpec {
  kind: ImportKind;
  /** Sheet (and file) names that mean this kind, Danish and English, lower case. */
  sheetNames: string[];
  label: string;
  columns: ColumnSpec[];
  /** Domain-command field (or DTO path) → column key, for naming the column of a refusal. */
  fieldColumns: Record<string, string>;
  /** Domain rule → column key, for rules a whole row breaks (partner-joins-once → name). */
  ruleColumns: Record<string, string>;
  plan(row: RowCells, context: PlanContext): Promise<PlannedRow>;
}
