import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { Public } from '../auth/access.decorators';
import { ApiErrors } from '../openapi/api-errors';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { ProjectionLagIndicator } from './projection-lag.indicator';
import { EventStoreIndicator } from './event-store.indicator';
import { ProjectorIndicator } from './projector.indicator';
import { HEALTH_CHECK_MS } from './deadline';

@ApiTags('health')
// Open to everyone (load balancers, probes), and never rate-limited: a probe must not see 429.
@Public()
@SkipThrottle()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly projections: ProjectionLagIndicator,
    private readonly eventStore: EventStoreIndicator,
    private readonly projector: ProjectorIndicator,
  ) {}

  @Get()
  @HealthCheck()
  @ApiOperation({ summary: 'Whether the database, the event store and the projections are up' })
  // Never rate-limited and needs no token: the one client error left is a body that is not JSON.
  @ApiErrors([415])
  check() {
    return this.health.check([
      () => this.database.pingCheck('database', { timeout: HEALTH_CHECK_MS }),
      () => this.eventStore.check('eventStore'),
      () => this.projections.check('projections'),
      () => this.projector.check('projector'),
    ]);
  }
}
