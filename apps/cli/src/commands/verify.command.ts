import { readFileSync } from 'node:fs';
import { Command, CommandRunner, Option } from 'nest-commander';
import { AuditInputError } from '@ledger/application';
import { AuditService, AuditVerdict } from '@ledger/application';
import { replayProgressBar } from '../audit/cli-output';

interface VerifyOptions {
  against?: string;
  json?: boolean;
}

/** Hash chains, versions, types, every read model against a fresh replay; optionally a digest. */
@Command({
  name: 'verify',
  description:
    'check the hash chains, stream versions and event types, and that every read model equals a fresh replay; exit code 0 only when all holds',
})
export class VerifyCommand extends CommandRunner {
  constructor(private readonly audit: AuditService) {
    super();
  }

  @Option({
    flags: '--against <digest.json>',
    description:
      'also check a digest handed out earlier (cli export --digest, or GET /audit/digest)',
  })
  parseAgainst(value: string): string {
    return value;
  }

  @Option({ flags: '--json', description: 'print the whole verdict as JSON' })
  parseJson(): boolean {
    return true;
  }

  async run(_args: string[], options: VerifyOptions): Promise<void> {
    let digest: ReturnType<AuditService['parseDigest']> | undefined;
    if (options.against !== undefined) {
      let text: string;
      try {
        text = readFileSync(options.against, 'utf8');
      } catch (error) {
        throw new AuditInputError(
          '--against',
          `cannot read ${options.against}: ${(error as Error).message}`,
        );
      }
      digest = this.audit.parseDigest(text);
    }
    const digestCheck = digest ? await this.audit.checkDigest(digest) : undefined;
    const bar = replayProgressBar('replaying the log to compare the read models');
    let verdict: AuditVerdict;
    try {
      verdict = await this.audit.verify(bar.update);
    } finally {
      bar.stop();
    }
    if (digestCheck) {
      verdict.digest = digestCheck;
      if (!digestCheck.ok) {
        verdict.ok = false;
        verdict.verdict = `REFUSED digest: ${digestCheck.problems[0]}${verdict.verdict.startsWith('OK') ? '' : ` | ${verdict.verdict}`}`;
      } else {
        verdict.verdict += ` | digest of ${digestCheck.count} events up to position ${digestCheck.lastPosition} (${digestCheck.createdAt}) holds`;
      }
    }
    process.stdout.write(
      options.json ? `${JSON.stringify(verdict, null, 2)}\n` : describe(verdict),
    );
    process.exitCode = verdict.ok ? 0 : 1;
  }
}

function describe(verdict: AuditVerdict): string {
  const lines = [verdict.verdict];
  for (const fault of verdict.chain.faults) {
    const where = `${fault.streamId ?? '?'}@${fault.streamVersion ?? '?'}, global position ${fault.globalPosition ?? '?'}`;
    lines.push(`  log fault ${fault.kind} at ${where}: ${fault.detail}`);
  }
  if (verdict.readModels.replayError)
    lines.push(`  replay failed: ${verdict.readModels.replayError}`);
  for (const difference of verdict.readModels.differences) {
    lines.push(`  read model ${difference.projection}.${difference.table}: ${difference.detail}`);
  }
  for (const problem of verdict.digest?.problems ?? []) lines.push(`  digest: ${problem}`);
  if (verdict.digest && verdict.digest.signedByThisLedger === false) {
    lines.push('  digest: signed by another key than this ledger’s');
  }
  lines.push(
    `  checked ${verdict.chain.eventsChecked} events in ${verdict.chain.streamsChecked} streams and ` +
      `${verdict.readModels.tables.length} read-model tables (replayed up to ${Object.entries(
        verdict.readModels.comparedUpTo,
      )
        .map(([name, position]) => `${name} ${position}`)
        .join(', ')}) in ${verdict.seconds.toFixed(1)} s`,
  );
  return `${lines.join('\n')}\n`;
}
