import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { HealthIndicatorService } from '@nestjs/terminus';
import { DataSource } from 'typeorm';
import { EVENT_STORE, EventStore } from '@ledger/event-store';
import { ProjectionCheckpoint } from '@ledger/read-models';
import { HEALTH_CHECK_MS, within } from './deadline';

/** How far each projection has read into the event log, and how many events it is behind. */
@Injectable()
export class ProjectionLagIndicator {
  constructor(
    private readonly indicator: HealthIndicatorService,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async check(key: string) {
    const check = this.indicator.check(key);
    try {
      const [rows, head] = await within(
        HEALTH_CHECK_MS,
        'the projection checkpoints',
        Promise.all([
          this.dataSource
            .getRepository(ProjectionCheckpoint)
            .find({ order: { projection: 'ASC' } }),
          this.store.headPosition(),
        ]),
      );
      return check.up({
        headPosition: head,
        projections: Object.fromEntries(
          rows.map((row) => [
            row.projection,
            {
              position: row.position,
              lag: Math.max(0, head - row.position),
              updatedAt: row.updatedAt,
            },
          ]),
        ),
      });
    } catch (error) {
      return check.down({ message: error instanceof Error ? error.message : String(error) });
    }
  }
}
