import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { EVENT_STORE, EventStore } from '@ledger/event-store';
import { LEDGER_CONFIG, LedgerConfig } from '@ledger/platform';
import { HEALTH_CHECK_MS, within } from './deadline';

/** Whether the event store answers, and how long the log is. */
@Injectable()
export class EventStoreIndicator {
  constructor(
    private readonly indicator: HealthIndicatorService,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(LEDGER_CONFIG) private readonly config: LedgerConfig,
  ) {}

  async check(key: string) {
    const check = this.indicator.check(key);
    try {
      const headPosition = await within(
        HEALTH_CHECK_MS,
        'the event store',
        this.store.headPosition(),
      );
      return check.up({ kind: this.config.eventStore.kind, headPosition });
    } catch (error) {
      return check.down({
        kind: this.config.eventStore.kind,
        message: error instanceof Error ? error.message : String(error),
      });
    }
  }
}
