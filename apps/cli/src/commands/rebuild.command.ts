import { Inject } from '@nestjs/common';
import { SingleBar, Presets } from 'cli-progress';
import { Command, CommandRunner, Option } from 'nest-commander';
import { EVENT_STORE, EventStore } from '@ledger/event-store';
import { DATABASE_URL } from '@ledger/platform';
import { ledgerProjections, rebuildProjections } from '@ledger/read-models';

interface RebuildOptions {
  projection?: string[];
}

/** Empties read models and replays the whole log into them, with a progress bar. */
@Command({
  name: 'rebuild',
  description:
    'drop the read models (all, or --projection NAME) and replay the event log from position 0',
})
export class RebuildCommand extends CommandRunner {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(DATABASE_URL) private readonly databaseUrl: string,
  ) {
    super();
  }

  @Option({ flags: '-p, --projection <name>', description: 'only this projection (repeatable)' })
  parseProjection(value: string, previous: string[] = []): string[] {
    return [...previous, value];
  }

  async run(_args: string[], options: RebuildOptions): Promise<void> {
    const all = ledgerProjections();
    const unknown = (options.projection ?? []).filter((name) => !all.some((p) => p.name === name));
    if (unknown.length) {
      throw new Error(
        `unknown projection ${unknown.join(', ')}; known: ${all.map((p) => p.name).join(', ')}`,
      );
    }
    const chosen = options.projection?.length
      ? all.filter((p) => options.projection!.includes(p.name))
      : all;
    const bar = new SingleBar(
      {
        format: 'rebuilding {projections} [{bar}] {value}/{total} events ({by})',
        hideCursor: true,
        noTTYOutput: true,
        notTTYSchedule: 2000,
      },
      Presets.shades_classic,
    );
    const started = Date.now();
    let barStarted = false;
    let last = 0;
    await rebuildProjections(
      this.databaseUrl,
      this.store,
      chosen,
      ({ position, head, by, indexing }) => {
        if (!barStarted) {
          bar.start(head, position, { projections: chosen.map((p) => p.name).join(', '), by });
          barStarted = true;
        }
        bar.update(position, { by: indexing ? 'making the query indexes' : by });
        last = position;
      },
    );
    bar.stop();
    const seconds = (Date.now() - started) / 1000;
    process.stdout.write(
      `rebuilt ${chosen.map((p) => p.name).join(', ')} from ${last} events in ${seconds.toFixed(1)} s` +
        (seconds > 0
          ? ` (${Math.round(last / seconds).toLocaleString('en-US')} events/s)\n`
          : '\n'),
    );
  }
}
