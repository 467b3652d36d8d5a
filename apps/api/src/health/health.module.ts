import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health.controller';
import { ProjectionLagIndicator } from './projection-lag.indicator';
import { EventStoreIndicator } from './event-store.indicator';
import { ProjectorIndicator } from './projector.indicator';

@Module({
  imports: [TerminusModule],
  controllers: [HealthController],
  providers: [ProjectionLagIndicator, EventStoreIndicator, ProjectorIndicator],
})
export class HealthModule {}
