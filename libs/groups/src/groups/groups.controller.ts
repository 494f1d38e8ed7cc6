import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';

import { AcceptsLanguage, ApiErrors, ErrorBody, RequestLanguage, type SpokenLanguage } from '@hearth/core';
import { Authenticated, Caller, Roles } from '@hearth/identity';

import { CreateGroupDto } from './dto/create-group.dto.js';
import { GroupIdParam } from './dto/group-id.dto.js';
import { GroupView } from './dto/group.view.js';
import { ListGroupsQuery } from './dto/list-groups.dto.js';
import { UpdateGroupDto } from './dto/update-group.dto.js';
import { GroupsService } from './groups.service.js';

@ApiTags('groups')
@ApiErrors(400, 403, 404)
@Controller('groups')
export class GroupsController {
  constructor(private readonly groups: GroupsService) {}

  @Post()
  @Roles('admin', 'facilitator')
  @ApiCreatedResponse({ type: GroupView, description: 'The creator is its first facilitator' })
  @AcceptsLanguage()
  create(
    @Caller() caller: Caller,
    @Body() dto: CreateGroupDto,
    @RequestLanguage() language: SpokenLanguage,
  ): Promise<GroupView> {
    return this.groups.create(caller, dto, language);
  }

  @Get()
  @Authenticated()
  @ApiOkResponse({ type: [GroupView] })
  list(@Caller() caller: Caller, @Query() query: ListGroupsQuery): Promise<GroupView[]> {
    return this.groups.list(caller, query);
  }

  @Get(':id')
  @Authenticated()
  @ApiOkResponse({
    type: GroupView,
    description: 'The card, with my membership and whether I must re-accept',
  })
  get(@Caller() caller: Caller, @Param() { id }: GroupIdParam): Promise<GroupView> {
    return this.groups.get(caller, id);
  }

  @Patch(':id')
  @Authenticated()
  @ApiOkResponse({ type: GroupView })
  @ApiConflictResponse({ type: ErrorBody, description: 'Archived, or capacity below the seats taken' })
  update(
    @Caller() caller: Caller,
    @Param() { id }: GroupIdParam,
    @Body() dto: UpdateGroupDto,
  ): Promise<GroupView> {
    return this.groups.update(caller, id, dto);
  }

  @Post(':id/archive')
  @HttpCode(HttpStatus.OK)
  @Authenticated()
  @ApiOkResponse({ type: GroupView, description: 'The group is now read-only' })
  @ApiConflictResponse({ type: ErrorBody, description: 'Already archived' })
  archive(@Caller() caller: Caller, @Param() { id }: GroupIdParam): Promise<GroupView> {
    return this.groups.archive(caller, id);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @Roles('admin')
  @ApiNoContentResponse({
    description: 'Erased for good: its key destroyed, its conversation and calendar deleted',
  })
  @ApiConflictResponse({ type: ErrorBody, description: 'Not archived' })
  erase(@Param() { id }: GroupIdParam): Promise<void> {
    return this.groups.erase(id);
  }
}
