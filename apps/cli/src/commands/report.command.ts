import { Command, CommandRunner, Option } from 'nest-commander';
import { AuditInputError } from '@ledger/application';
import { AuditService } from '@ledger/application';
import { progressReport, ReportFormat, timelineReport } from '@ledger/application';
import { writeOutput } from '../audit/cli-output';

interface ReportOptions {
  asOf?: string;
  knownOn?: string;
  format?: string;
  out?: string;
}

/** Reports for the board as of any date, from the live read models, as CSV or JSON. */
@Command({
  name: 'report',
  arguments: '<progress|timeline>',
  description: 'progress or the governance timeline as of a date, as CSV or JSON',
})
export class ReportCommand extends CommandRunner {
  constructor(private readonly audit: AuditService) {
    super();
  }

  @Option({ flags: '--as-of <date>', description: 'date in the world (default today)' })
  parseAsOf(value: string): string {
    return value;
  }

  @Option({ flags: '--known-on <date>', description: 'date of knowledge (default now)' })
  parseKnownOn(value: string): string {
    return value;
  }

  @Option({ flags: '--format <format>', description: 'csv or json (default csv)' })
  parseFormat(value: string): string {
    return value;
  }

  @Option({ flags: '--out <file>', description: 'write here instead of stdout' })
  parseOut(value: string): string {
    return value;
  }

  async run([which]: string[], options: ReportOptions): Promise<void> {
    if (which !== 'progress' && which !== 'timeline') {
      throw new AuditInputError(
        'report',
        `must be progress or timeline (got ${JSON.stringify(which)})`,
      );
    }
    const format = (options.format ?? 'csv') as ReportFormat;
    if (format !== 'csv' && format !== 'json') {
      throw new AuditInputError(
        '--format',
        `must be csv or json (got ${JSON.stringify(options.format)})`,
      );
    }
    const at = this.audit.asOf(options.asOf, options.knownOn, ['--as-of', '--known-on']);
    const q = this.audit.queries();
    const report =
      which === 'progress'
        ? await progressReport(q.progress, at, format)
        : await timelineReport(q.governance, at, format);
    writeOutput(
      typeof report === 'string' ? report : `${JSON.stringify(report, null, 2)}\n`,
      options.out,
    );
  }
}
