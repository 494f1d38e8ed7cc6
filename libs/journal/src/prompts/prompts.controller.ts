import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiOkResponse,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';

import { ApiErrors } from '@hearth/core';
import { GroupIdParam } from '@hearth/groups';
import { Authenticated, Caller } from '@hearth/identity';

import { PromptsService } from './prompts.service.js';
import { DuePromptView, PromptView, TodayPromptView } from './prompt.views.js';

class TimezoneQuery {
  @ApiPropertyOptional({ default: 'UTC', example: 'America/Chicago' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  tz: string = 'UTC';
}

class GroupPromptDto {
  @ApiProperty({ maxLength: 500 })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  text!: string;

  @ApiPropertyOptional({
    nullable: true,
    type: Number,
    minimum: 0,
    maximum: 60,
    description: 'Suggest it this many days after a session',
  })
  @ValidateIf((_dto, value) => value !== null && value !== undefined)
  @IsInt()
  @Min(0)
  @Max(60)
  daysAfterSession: number | null = null;
}

@ApiTags('journal')
@Authenticated()
@ApiErrors(400, 403, 404)
@Controller()
export class PromptsController {
  constructor(private readonly prompts: PromptsService) {}

  @Get('journal/prompts')
  @ApiOkResponse({ type: [PromptView], description: 'The library and my groups’ prompts' })
  available(@Caller() caller: Caller) {
    return this.prompts.available(caller);
  }

  @Get('journal/prompts/today')
  @ApiOkResponse({
    type: TodayPromptView,
    description: 'The same prompt all day for me; chosen deterministically per person and day',
  })
  today(@Caller() caller: Caller, @Query() { tz }: TimezoneQuery) {
    return this.prompts.today(caller, tz);
  }

  @Get('journal/prompts/due')
  @ApiOkResponse({
    type: [DuePromptView],
    description: 'Prompts due after my recent sessions and not yet answered',
  })
  due(@Caller() caller: Caller, @Query() { tz }: TimezoneQuery) {
    return this.prompts.due(caller, tz);
  }

  @Post('groups/:id/prompts')
  @ApiCreatedResponse({ type: PromptView, description: "A prompt for this group's members (facilitators)" })
  add(@Caller() caller: Caller, @Param() { id }: GroupIdParam, @Body() dto: GroupPromptDto) {
    return this.prompts.addToGroup(caller, id, dto.text, dto.daysAfterSession);
  }
}
