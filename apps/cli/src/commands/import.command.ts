import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { Presets, SingleBar } from 'cli-progress';
import { Command, CommandRunner, Option } from 'nest-commander';
import type { Actor } from '@ledger/event-store';
import { UsersService } from '@ledger/platform';
import {
  ImportService,
  MAX_IMPORT_BYTES,
  type ImportProgress,
  type ImportReport,
} from '@ledger/application';

interface ImportOptions {
  dryRun?: boolean;
  validOnly?: boolean;
  kind?: string;
  template?: string;
  out?: string;
  as?: string;
  json?: boolean;
}

/** Whom the events of a CLI import name as actor when no --as user is given. */
export const CLI_IMPORT_ACTOR: Actor = { id: 'cli-import', role: 'secretariat' };

/** Rows listed one by one in the text report; beyond this only the rejected ones. */
const LISTED_ROWS = 50;
/** Rows from which the progress bar shows. */
const BAR_FROM = 200;

/**
 * `cli import <file>`: the secretariat's spreadsheets into the ledger, through the API's own
 * commands (apps/api/src/imports). Exit code 0 when the file was checked clean (dry run) or
 * recorded; 1 when nothing was recorded (rejected rows, an unreadable file) or a dry run found
 * rejected rows; 2 for bad usage.
 */
@Command({
  name: 'import',
  arguments: '[file]',
  description:
    "import a spreadsheet (.xlsx or .csv: partners, initiatives, declarations, seats, housing-counts) through the ledger's commands; all rows or none; the same file twice records nothing new",
})
export class ImportCommand extends CommandRunner {
  constructor(
    private readonly imports: ImportService,
    private readonly users: UsersService,
  ) {
    super();
  }

  @Option({ flags: '--dry-run', description: 'check every row and report; record nothing' })
  parseDryRun(): boolean {
    return true;
  }

  @Option({
    flags: '--valid-only',
    description: 'record the accepted rows even if others are rejected (reported)',
  })
  parseValidOnly(): boolean {
    return true;
  }

  @Option({
    flags: '--kind <kind>',
    description: 'partners, initiatives, declarations, seats or housing-counts',
  })
  parseKind(value: string): string {
    return value;
  }

  @Option({
    flags: '--template <kind>',
    description: 'write an empty spreadsheet for this kind (columns and an example row)',
  })
  parseTemplate(value: string): string {
    return value;
  }

  @Option({ flags: '--out <file.xlsx>', description: 'where --template writes' })
  parseOut(value: string): string {
    return value;
  }

  @Option({
    flags: '--as <username>',
    description: 'the secretariat user the events name as actor (default: cli-import)',
  })
  parseAs(value: string): string {
    return value;
  }

  @Option({ flags: '--json', description: 'print the whole report as JSON' })
  parseJson(): boolean {
    return true;
  }

  async run(args: string[], options: ImportOptions): Promise<void> {
    if (options.template !== undefined) {
      const { fileName, content } = await this.imports.template(options.template);
      const out = options.out ?? fileName;
      writeFileSync(out, content);
      process.stdout.write(`wrote the ${options.template} template to ${out}\n`);
      return;
    }
    const [file] = args;
    if (!file) {
      process.stderr.write('give the file to import (or --template <kind>)\n');
      process.exitCode = 2;
      return;
    }
    // Refused before reading it whole: a 50 MB file is not loaded into memory.
    const size = statSync(file).size;
    if (size > MAX_IMPORT_BYTES) {
      const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
      process.stdout.write(
        `${file}: the file is ${mb(size)}; at most ${mb(MAX_IMPORT_BYTES)} is read [file-too-large]\n` +
          'nothing was recorded\n',
      );
      process.exitCode = 1;
      return;
    }
    const content = readFileSync(file);
    const actor = options.as ? await this.actorNamed(options.as) : CLI_IMPORT_ACTOR;
    const bar = new SingleBar(
      {
        format: '{phase} [{bar}] {value}/{total} {unit}',
        hideCursor: true,
        noTTYOutput: false,
        stream: process.stderr,
      },
      Presets.shades_classic,
    );
    let shown: ImportProgress['phase'] | undefined;
    const report = await this.imports.run({
      content,
      fileName: file,
      kind: options.kind,
      apply: !options.dryRun,
      validOnly: options.validOnly === true,
      actor,
      onProgress: (progress) => {
        if (progress.total < BAR_FROM) return;
        const payload = {
          phase: progress.phase,
          unit: progress.phase === 'checking' ? 'rows' : 'commands',
        };
        if (shown !== progress.phase) {
          if (shown) bar.stop();
          bar.start(progress.total, progress.done, payload);
          shown = progress.phase;
        } else if (progress.done === progress.total || progress.done % 50 === 0) {
          bar.update(progress.done, payload);
        }
      },
    });
    if (shown) bar.stop();
    process.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : textOf(report));
    const clean =
      report.outcome === 'applied' ||
      (report.outcome === 'checked' && report.summary.rejected === 0);
    if (!clean) process.exitCode = 1;
  }

  private async actorNamed(username: string): Promise<Actor> {
    const user = (await this.users.list()).find((u) => u.username === username);
    if (!user || user.disabledAt) throw new Error(`no active user ${username}`);
    if (user.role !== 'secretariat') {
      throw new Error(`${username} is ${user.role}; only the secretariat records`);
    }
    return { id: user.id, role: user.role };
  }
}

/** The report for a person at a terminal. */
export function textOf(report: ImportReport): string {
  const lines: string[] = [];
  lines.push(
    `${report.file.name} (${report.file.format ?? 'unknown format'}, sha256 ${report.file.sha256.slice(0, 12)}…): ${report.mode}`,
  );
  for (const problem of report.problems) lines.push(`  ✗ ${problem.message}`);
  for (const sheet of report.sheets) {
    lines.push(`  sheet ${sheet.sheet}: ${sheet.kind}, ${sheet.rows} row(s)`);
  }
  const listAll = report.rows.length <= LISTED_ROWS;
  for (const row of report.rows) {
    if (row.problems.length) {
      for (const problem of row.problems) lines.push(`  ✗ ${problem.text} [${problem.rule}]`);
    } else if (listAll) {
      const what = row.commands
        .filter((c) => c.status !== 'not-needed')
        .map((c) => c.summary)
        .join('; ');
      lines.push(
        `  ${row.status === 'not-recorded' ? '·' : '✓'} row ${row.row}: ${row.status} — ${what}`,
      );
    }
  }
  const s = report.summary;
  lines.push(
    `rows: ${s.rows}; accepted ${s.accepted}, recorded ${s.recorded}, duplicate ${s.duplicate}, rejected ${s.rejected}` +
      (s.notRecorded ? `, not recorded ${s.notRecorded}` : '') +
      (s.events ? `; ${s.events} event(s)` : ''),
  );
  lines.push(report.message);
  return `${lines.join('\n')}\n`;
}
