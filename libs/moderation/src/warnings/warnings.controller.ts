import { Body, Controller, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiNoContentResponse, ApiTags } from '@nestjs/swagger';

import { ApiErrors } from '@hearth/core';
import { GroupIdParam } from '@hearth/groups';
import { Authenticated, Caller } from '@hearth/identity';

import { WarnDto } from './dto/warn.dto.js';
import { WarningsService } from './warnings.service.js';

@ApiTags('moderation')
@Authenticated()
@ApiErrors(400, 403, 404, 409)
@Controller('groups/:id')
export class WarningsController {
  constructor(private readonly warnings: WarningsService) {}

  @Post('moderation/warnings')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'Told privately to the member' })
  warn(@Caller() caller: Caller, @Param() { id }: GroupIdParam, @Body() dto: WarnDto) {
    return this.warnings.warn(caller, id, dto.userId, dto.reason);
  }
}
