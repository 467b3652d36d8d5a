import type { Actor } from '@ledger/event-store';
import type { ImportKind, RowProblem } from './import-plan';
import type { FileProblem, SpreadsheetFormat } from './spreadsheet-reader';

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

const NOTHING = 'nothing was recorded';

/** The report before reading: nothing checked, nothing recorded. */
export function newReport(options: ImportOptions, fileName: string, sha256: string): ImportReport {
  return {
    file: {
      name: fileName,
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
}

/** How many rows have this status. */
export function rowsWith(rows: ImportRowReport[], status: RowStatus): number {
  return rows.filter((row) => row.status === status).length;
}

/** A dry run's answer: what would be recorded; nothing is. */
export function reportDryRun(report: ImportReport): ImportReport {
  report.outcome = 'checked';
  report.message =
    `dry run: ${report.summary.accepted} row(s) would be recorded, ${report.summary.rejected} rejected, ` +
    `${report.summary.duplicate} already recorded (duplicate); ${NOTHING}`;
  return report;
}

/** All rows or none: rejected rows (without valid-only) keep the accepted ones out too. */
export function reportRefused(report: ImportReport): ImportReport {
  for (const row of report.rows) if (row.status === 'accepted') row.status = 'not-recorded';
  report.summary.notRecorded = report.summary.accepted;
  report.outcome = 'refused';
  report.message =
    `${NOTHING}: ${report.summary.rejected} row(s) rejected (all rows or none; ` +
    'fix them, or import with valid-only to record the accepted rows)';
  return report;
}

/** After recording: what was recorded, or where recording stopped. */
export function reportRecorded(report: ImportReport, failure: string | undefined): ImportReport {
  const count = (status: RowStatus) => rowsWith(report.rows, status);
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
