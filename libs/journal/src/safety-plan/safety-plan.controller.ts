import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Put } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import type { SafetyPlanDto } from '@hearth/contracts';
import { ApiErrors } from '@hearth/core';
import { Authenticated, Caller } from '@hearth/identity';

import { SafetyPlanBody } from './dto/safety-plan.dto.js';
import { SafetyPlanView } from './dto/safety-plan.view.js';
import { SafetyPlanService } from './safety-plan.service.js';

/** My safety plan. There is no route to anyone else's: facilitators and admins never see it. */
@ApiTags('journal')
@Authenticated()
@Controller('me/safety-plan')
export class SafetyPlanController {
  constructor(private readonly plans: SafetyPlanService) {}

  @Get()
  @ApiOkResponse({
    type: SafetyPlanView,
    description: 'My plan; every step empty and `updatedAt: null` when I have none',
  })
  get(@Caller() caller: Caller): Promise<SafetyPlanDto> {
    return this.plans.get(caller);
  }

  @Put()
  @ApiErrors(400)
  @ApiOkResponse({ type: SafetyPlanView, description: 'The whole plan replaces the one kept' })
  replace(@Caller() caller: Caller, @Body() body: SafetyPlanBody): Promise<SafetyPlanDto> {
    return this.plans.replace(caller, body);
  }

  @Delete()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse()
  remove(@Caller() caller: Caller): Promise<void> {
    return this.plans.remove(caller);
  }
}
