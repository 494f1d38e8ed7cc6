import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { ApiErrors } from '@hearth/core';
import { Caller, Roles } from '@hearth/identity';

import { CrisisResourcesService } from './crisis-resources.service.js';
import { CrisisResourceSetView } from './dto/crisis-resource-set.view.js';
import { CrisisResourcesDto } from './dto/crisis-resources.dto.js';
import { SafetyResources } from './safety-resources.service.js';

/** The instance's crisis resources, for admins. */
@ApiTags('admin')
@Roles('admin')
@ApiErrors(400, 404, 409)
@Controller('admin')
export class AdminCrisisResourcesController {
  constructor(
    private readonly settings: CrisisResourcesService,
    private readonly resources: SafetyResources,
  ) {}

  @Get('crisis-resources')
  @ApiOkResponse({
    type: CrisisResourceSetView,
    description: "The instance's crisis resources (the US defaults until set)",
  })
  crisisResources() {
    return this.resources.forInstance();
  }

  @Put('crisis-resources')
  @ApiOkResponse({ type: CrisisResourceSetView })
  setCrisisResources(@Caller() caller: Caller, @Body() dto: CrisisResourcesDto) {
    return this.settings.setInstanceResources(caller, dto);
  }
}
