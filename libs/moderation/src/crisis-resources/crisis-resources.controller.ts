import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { ApiErrors } from '@hearth/core';
import { GroupIdParam } from '@hearth/groups';
import { Authenticated, Caller } from '@hearth/identity';

import { CrisisResourcesService } from './crisis-resources.service.js';
import { CrisisResourceSetView } from './dto/crisis-resource-set.view.js';
import { CrisisResourcesDto } from './dto/crisis-resources.dto.js';

@ApiTags('moderation')
@Authenticated()
@ApiErrors(400, 403, 404, 409)
@Controller('groups/:id')
export class CrisisResourcesController {
  constructor(private readonly crisisResources: CrisisResourcesService) {}

  @Get('crisis-resources')
  @ApiOkResponse({
    type: CrisisResourceSetView,
    description: 'The crisis resources that apply in this group',
  })
  resources(@Caller() caller: Caller, @Param() { id }: GroupIdParam) {
    return this.crisisResources.groupResources(caller, id);
  }

  @Put('crisis-resources')
  @ApiOkResponse({
    type: CrisisResourceSetView,
    description: "The group's own resources; an empty list returns to the instance's",
  })
  setResources(@Caller() caller: Caller, @Param() { id }: GroupIdParam, @Body() dto: CrisisResourcesDto) {
    return this.crisisResources.setGroupResources(caller, id, dto.country, dto.resources);
  }
}
