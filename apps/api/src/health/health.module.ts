import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health.controller';
import { ProjectionLagIndicator } from './projection-lag.indicator';

@Module({
  imports: [TerminusModule],
  controllers: [HealthController],
  providers: [ProjectionLagIndicator],
})
export class HealthModule {}
