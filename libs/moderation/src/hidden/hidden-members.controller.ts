import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { ApiErrors } from '@hearth/core';
import { GroupIdParam } from '@hearth/groups';
import { Authenticated, Caller } from '@hearth/identity';

import { HiddenMemberParam, HideMemberDto } from './dto/hidden-member.dto.js';
import { HiddenMembersService } from './hidden-members.service.js';

@ApiTags('moderation')
@Authenticated()
@ApiErrors(400, 403, 404, 409)
@Controller('groups/:id')
export class HiddenMembersController {
  constructor(private readonly hidden: HiddenMembersService) {}

  @Get('hidden-members')
  @ApiOkResponse({ type: [String], description: 'Membership ids I hid in this group' })
  hiddenMembers(@Caller() caller: Caller, @Param() { id }: GroupIdParam) {
    return this.hidden.list(caller, id);
  }

  @Post('hidden-members')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: [String] })
  hide(@Caller() caller: Caller, @Param() { id }: GroupIdParam, @Body() dto: HideMemberDto) {
    return this.hidden.hide(caller, id, dto.membershipId);
  }

  @Delete('hidden-members/:membershipId')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: [String] })
  unhide(@Caller() caller: Caller, @Param() { id, membershipId }: HiddenMemberParam) {
    return this.hidden.unhide(caller, id, membershipId);
  }
}
