import { Command, CommandRunner, Option } from 'nest-commander';
import { AuditInputError } from '@ledger/application';
import { AuditService } from '@ledger/application';
import { replayProgressBar, writeOutput } from '../audit/cli-output';

interface ReplayOptions {
  until?: string;
  asKnownOn?: string;
  out?: string;
}

type ReplayReport = Awaited<ReturnType<AuditService['replayReport']>>;

/** The reports as they stood on a date, rebuilt in a scratch schema; the live read models untouched. */
@Command({
  name: 'replay',
  description:
    'replay the events recorded by --as-known-on (default now) into a scratch schema and report progress, the bodies and the partners as of --until',
})
export class ReplayCommand extends CommandRunner {
  constructor(private readonly audit: AuditService) {
    super();
  }

  @Option({
    flags: '--until <date>',
    description: 'the date in the world to report as of (YYYY-MM-DD or ISO instant)',
  })
  parseUntil(value: string): string {
    return value;
  }

  @Option({
    flags: '--as-known-on <date>',
    description: 'replay only the events recorded by then (default: now)',
  })
  parseAsKnownOn(value: string): string {
    return value;
  }

  @Option({
    flags: '--out <file.json>',
    description: 'write the report as JSON to this file instead of printing it',
  })
  parseOut(value: string): string {
    return value;
  }

  async run(_args: string[], options: ReplayOptions): Promise<void> {
    if (!options.until)
      throw new AuditInputError('--until', 'is required (YYYY-MM-DD or an ISO date-time)');
    const bar = replayProgressBar('replaying');
    let report: ReplayReport;
    try {
      report = await this.audit.replayReport(options.until, options.asKnownOn, bar.update);
    } finally {
      bar.stop();
    }
    if (options.out) {
      writeOutput(`${JSON.stringify(report, null, 2)}\n`, options.out);
      process.stderr.write(
        `wrote the reports as of ${report.asOf} (as known on ${report.knownOn}) to ${options.out}\n`,
      );
    } else {
      process.stdout.write(readable(report));
    }
  }
}

function readable(report: ReplayReport): string {
  const p = report.progress;
  const lines = [
    `Reports as of ${report.asOf}, as the records stood on ${report.knownOn}`,
    `(replayed ${report.replay.eventsRead} of ${report.replay.logHead} events into a scratch schema, since dropped; the live read models were not touched)`,
    '',
    `Progress: ${p.homes} homes${p.goal ? ` of ${p.goal.homes} (${p.remaining} to go)` : ''} from ${p.reports} reports`,
    ...section(
      'by initiative',
      p.byInitiative.map((b) => [b.label, b.homes]),
    ),
    ...section(
      'by partner',
      p.byPartner.map((b) => [b.label, b.homes]),
    ),
    ...section(
      'by municipality',
      p.byMunicipality.map((b) => [b.label, b.homes]),
    ),
    ...section(
      'by year',
      p.byYear.map((y) => [String(y.year), y.homes]),
    ),
    ...(p.restatements.length
      ? [
          '  restatements:',
          ...p.restatements.map(
            (r: { reportId: string; note: string }) => `    ${r.reportId}: ${r.note}`,
          ),
        ]
      : []),
    '',
    'Bodies:',
  ];
  for (const [body, seats] of Object.entries(report.composition.bodies)) {
    lines.push(`  ${body}: ${seats.length ? '' : '(none)'}`);
    for (const s of seats as Array<Record<string, string | null>>) {
      lines.push(
        `    ${s.role}: ${s.personId ?? '-'}${s.organisationId ? ` (${s.organisationId})` : ''} since ${s.since}`,
      );
    }
  }
  lines.push('', `Partners (${report.partners.length}):`);
  for (const partner of report.partners) {
    lines.push(`  ${partner.name} — ${String(partner.sector)}, ${partner.status}`);
  }
  return `${lines.join('\n')}\n`;
}

function section(title: string, rows: Array<[string, number]>): string[] {
  return rows.length
    ? [`  ${title}:`, ...rows.map(([label, homes]) => `    ${label}: ${homes}`)]
    : [];
}
