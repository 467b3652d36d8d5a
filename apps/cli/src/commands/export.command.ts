import { writeFileSync } from 'node:fs';
import { Command, CommandRunner, Option } from 'nest-commander';
import { AuditService } from '@ledger/application';
import { RawFilter } from '@ledger/application';
import { openOutput } from '../audit/cli-output';

/** The filters of GET /audit/events, and where to write. */
interface ExportOptions extends RawFilter {
  out?: string;
  digest?: string;
}

/** The log as stored, as NDJSON, with a digest a second party can check later (cli verify --against). */
@Command({
  name: 'export',
  description:
    'write the log as NDJSON (one event per line, every envelope field), filtered by stream, type, actor and period, with a signed digest',
})
export class ExportCommand extends CommandRunner {
  constructor(private readonly audit: AuditService) {
    super();
  }

  @Option({ flags: '--stream <id>', description: 'one stream' })
  parseStream(value: string): string {
    return value;
  }

  @Option({ flags: '--type <type>', description: 'one event type' })
  parseType(value: string): string {
    return value;
  }

  @Option({ flags: '--actor <id>', description: 'one actor id' })
  parseActor(value: string): string {
    return value;
  }

  @Option({ flags: '--from <date>', description: 'period start, inclusive (day or ISO instant)' })
  parseFrom(value: string): string {
    return value;
  }

  @Option({
    flags: '--to <date>',
    description: 'period end, inclusive (a day means up to its end)',
  })
  parseTo(value: string): string {
    return value;
  }

  @Option({
    flags: '--clock <clock>',
    description:
      'which time --from/--to read: recordedAt (default, when the ledger recorded it) or occurredAt',
  })
  parseClock(value: string): string {
    return value;
  }

  @Option({ flags: '--out <file.ndjson>', description: 'write here instead of stdout' })
  parseOut(value: string): string {
    return value;
  }

  @Option({ flags: '--digest <digest.json>', description: 'write the digest of the export here' })
  parseDigest(value: string): string {
    return value;
  }

  async run(_args: string[], options: ExportOptions): Promise<void> {
    // Every filter is checked before a file is opened: bad input writes nothing.
    const filter = await this.audit.log.filter(options);
    const output = openOutput(options.out);
    let digest: Awaited<ReturnType<AuditService['export']>>;
    try {
      digest = await this.audit.export(filter, output.write);
      await output.close();
    } catch (error) {
      output.abort();
      throw error;
    }
    if (options.digest) writeFileSync(options.digest, `${JSON.stringify(digest, null, 2)}\n`);
    process.stderr.write(
      `exported ${digest.count} events` +
        (digest.count
          ? ` (global positions ${digest.firstPosition} to ${digest.lastPosition})`
          : '') +
        ` of a log of ${digest.upToPosition}${options.out ? ` to ${options.out}` : ''}; sha256 ${digest.sha256}` +
        (options.digest
          ? `; digest in ${options.digest} (check later with: cli verify --against ${options.digest})`
          : '') +
        '\n',
    );
  }
}
