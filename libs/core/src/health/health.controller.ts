import { Controller, Get } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiProperty,
  ApiServiceUnavailableResponse,
  ApiTags,
  type ApiPropertyOptions,
} from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';

import { SkipRateLimit } from '../http/rate-limit.decorators.js';
import { SharedState } from '../shared-state/shared-state.js';

const checks: ApiPropertyOptions = {
  type: 'object',
  additionalProperties: { type: 'object', properties: { status: { type: 'string', enum: ['up', 'down'] } } },
  example: { database: { status: 'up' }, redis: { status: 'up' } },
};

/** Terminus's answer: each check by name. */
class HealthView {
  @ApiProperty({
    enum: ['ok', 'degraded', 'error', 'shutting_down'],
    description:
      '`degraded`: the node serves (messages are accepted and stored) but Redis does not answer, so live ' +
      'delivery to other nodes and shared budgets wait for it',
  })
  status!: string;

  @ApiProperty({ ...checks, description: 'The checks that pass' })
  info!: Record<string, { status: string }>;

  @ApiProperty({ ...checks, description: 'The checks that fail' })
  error!: Record<string, { status: string }>;

  @ApiProperty({ ...checks, description: 'Every check' })
  details!: Record<string, { status: string }>;
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly shared: SharedState,
  ) {}

  /**
   * Each dependency by name. Without its database a node cannot serve: 503. Without Redis (with REDIS_URL) it
   * still serves, so it answers 200 and says `degraded`, naming Redis as down.
   */
  @Get()
  @SkipRateLimit()
  @HealthCheck()
  @ApiOkResponse({
    type: HealthView,
    description: 'The service and its database are up (Redis may be down: degraded)',
  })
  @ApiServiceUnavailableResponse({ type: HealthView, description: 'The database does not answer' })
  async check() {
    const result = await this.health.check([() => this.database.pingCheck('database', { timeout: 2000 })]);
    const redis = await this.shared.storeStatus();
    if (redis === null) return result;
    const entry = { redis: { status: redis } };
    const details = { ...result.details, ...entry };
    if (redis === 'up') return { ...result, info: { ...result.info, ...entry }, details };
    return { ...result, status: 'degraded', error: { ...result.error, ...entry }, details };
  }
}
