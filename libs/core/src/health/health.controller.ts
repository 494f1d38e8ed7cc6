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

const checks: ApiPropertyOptions = {
  type: 'object',
  additionalProperties: { type: 'object', properties: { status: { type: 'string', enum: ['up', 'down'] } } },
  example: { database: { status: 'up' } },
};

/** Terminus's answer: each check by name. */
class HealthView {
  @ApiProperty({ enum: ['ok', 'error', 'shutting_down'] })
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
  ) {}

  @Get()
  @SkipRateLimit()
  @HealthCheck()
  @ApiOkResponse({ type: HealthView, description: 'The service and its database are up' })
  @ApiServiceUnavailableResponse({ type: HealthView, description: 'The database does not answer' })
  check() {
    return this.health.check([() => this.database.pingCheck('database', { timeout: 2000 })]);
  }
}
