import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { HealthIndicatorService } from '@nestjs/terminus';
import { DataSource } from 'typeorm';
import { ProjectionCheckpoint } from '@ledger/read-models';

/** Reports how far each projection has read into the event log. */
@Injectable()
export class ProjectionLagIndicator {
  constructor(
    private readonly indicator: HealthIndicatorService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async check(key: string) {
    const check = this.indicator.check(key);
    try {
      const rows = await this.dataSource
        .getRepository(ProjectionCheckpoint)
        .find({ order: { projection: 'ASC' } });
      return check.up({
        positions: Object.fromEntries(rows.map((row) => [row.projection, row.position])),
      });
    } catch (error) {
      return check.down({ message: error instanceof Error ? error.message : String(error) });
    }
  }
}
