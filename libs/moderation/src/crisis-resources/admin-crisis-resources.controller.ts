import { Body, Controller, Get, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { ApiErrors } from '@hearth/core';
import { Caller, Roles } from '@hearth/identity';

import { CrisisResourcesService } from './crisis-resources.service.js';
import { CrisisResourceSetView } from './dto/crisis-resource-set.view.js';
import { CrisisResourcesDto } from './dto/crisis-resources.dto.js';
import { ResourcesLanguageQuery } from './dto/resources-language.query.js';
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
    description:
      "The instance's crisis resources in a language (English by default): the set written for it, else the " +
      'English set, else the built-in US defaults in that language',
  })
  crisisResources(@Query() { language }: ResourcesLanguageQuery) {
    return this.resources.forInstance(language ?? 'en');
  }

  @Put('crisis-resources')
  @ApiOkResponse({
    type: CrisisResourceSetView,
    description:
      'Sets the lines shown to people who use Hearth in this language (English by default). A bad phone number ' +
      'or link is refused with 400, `details` naming the field (`resources.0.phone`).',
  })
  setCrisisResources(
    @Caller() caller: Caller,
    @Query() { language }: ResourcesLanguageQuery,
    @Body() dto: CrisisResourcesDto,
  ) {
    return this.settings.setInstanceResources(caller, dto, language ?? 'en');
  }
}
