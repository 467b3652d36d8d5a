import { Command, CommandRunner, Option } from 'nest-commander';
import { AuditService } from '@ledger/application';
import { explainFigure, ExplainInput } from '@ledger/application';
import { ExplainedEvent } from '@ledger/application';

interface ExplainOptions extends ExplainInput {
  json?: boolean;
}

/** The events behind a figure the board sees, and the figure recomputed from them. */
@Command({
  name: 'explain',
  arguments: '<figure>',
  description:
    'list the events behind a figure (homes, homes-by-initiative|partner|municipality|year --key K, seat --person-id P --on DATE) and recompute it',
})
export class ExplainCommand extends CommandRunner {
  constructor(private readonly audit: AuditService) {
    super();
  }

  @Option({ flags: '--key <key>', description: 'the initiative, partner, municipality or year' })
  parseKey(value: string): string {
    return value;
  }

  @Option({ flags: '--person-id <id>', description: 'for seat: the person' })
  parsePersonId(value: string): string {
    return value;
  }

  @Option({ flags: '--as-of <date>', description: 'date in the world (default today)' })
  parseAsOf(value: string): string {
    return value;
  }

  @Option({ flags: '--on <date>', description: 'for seat: the day (same as --as-of)' })
  parseOn(value: string): string {
    return value;
  }

  @Option({ flags: '--known-on <date>', description: 'date of knowledge (default now)' })
  parseKnownOn(value: string): string {
    return value;
  }

  @Option({ flags: '--json', description: 'print the explanation as JSON' })
  parseJson(): boolean {
    return true;
  }

  async run([figure]: string[], options: ExplainOptions): Promise<void> {
    const result = await explainFigure(this.audit, { ...options, figure });
    if (options.json) {
      process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    } else {
      const what =
        'key' in result && result.key
          ? ` ${result.key}`
          : 'personId' in result
            ? ` ${result.personId}`
            : '';
      const lines = [
        `${result.figure}${what} as of ${'asOf' in result ? result.asOf : result.on}, known on ${result.knownOn}`,
        `shown: ${JSON.stringify(result.shown)}`,
        `recomputed from the ${result.events.length} events below: ${JSON.stringify(result.recomputed)} (${result.matches ? 'matches' : 'DOES NOT MATCH'})`,
        `rule: ${result.rule}`,
        ...result.events.map(
          (e: ExplainedEvent) =>
            `  #${e.globalPosition} ${e.type} ${e.streamId}@${e.streamVersion} occurred ${e.occurredAt} recorded ${e.recordedAt} [${e.effect}] ${JSON.stringify(e.data)}`,
        ),
      ];
      process.stdout.write(`${lines.join('\n')}\n`);
    }
    if (!result.matches) process.exitCode = 1;
  }
}
