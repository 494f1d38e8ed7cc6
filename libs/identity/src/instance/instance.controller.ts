import { Controller, Get, Inject } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { Mailer, SECRETS, type HearthConfig, type Secrets } from '@hearth/core';

import { UsersService } from '../users/users.service.js';
import { InstanceView } from './dto/instance.view.js';

/**
 * What a client needs to know before anyone signs in: whether to show the first-run setup, whether email works,
 * how to subscribe to pushes.
 */
@ApiTags('auth')
@Controller('instance')
export class InstanceController {
  constructor(
    private readonly users: UsersService,
    private readonly config: ConfigService<HearthConfig, true>,
    @Inject(SECRETS) private readonly secrets: Secrets,
    private readonly mailer: Mailer,
  ) {}

  @Get()
  @ApiOkResponse({ type: InstanceView })
  async instance(): Promise<InstanceView> {
    return {
      needsSetup: !(await this.users.anyExist()),
      registration: this.config.get('auth', { infer: true }).registration,
      webPush: { publicKey: this.secrets.vapid.publicKey },
      email: this.mailer.enabled,
    };
  }
}
