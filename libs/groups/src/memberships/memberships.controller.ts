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
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { ApiErrors } from '@hearth/core';
import { Authenticated, Caller } from '@hearth/identity';

import { GroupIdParam, GroupMemberParam } from '../groups/dto/group-id.dto.js';
import { MemberView } from './dto/member.view.js';
import {
  AddFacilitatorDto,
  BanMemberDto,
  EndMembershipDto,
  ListMembersQuery,
  UpdateMemberDto,
} from './dto/membership.dto.js';
import { MembershipsService } from './memberships.service.js';

@ApiTags('members')
@Authenticated()
@ApiErrors(400, 403, 404, 409)
@Controller('groups/:id')
export class MembershipsController {
  constructor(private readonly memberships: MembershipsService) {}

  @Get('members')
  @ApiOkResponse({ type: [MemberView], description: 'Peers see pseudonyms; facilitators also see accounts' })
  list(
    @Caller() caller: Caller,
    @Param() { id }: GroupIdParam,
    @Query() query: ListMembersQuery,
  ): Promise<MemberView[]> {
    return this.memberships.list(caller, id, query);
  }

  @Patch('members/:userId')
  @ApiOkResponse({ type: MemberView, description: 'My own pseudonym, or (facilitators) a role' })
  update(
    @Caller() caller: Caller,
    @Param() { id, userId }: GroupMemberParam,
    @Body() dto: UpdateMemberDto,
  ): Promise<MemberView> {
    return this.memberships.update(caller, id, userId, dto);
  }

  @Delete('members/:userId')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({
    description: 'I left, or (facilitators) the member was removed and told the reason',
  })
  end(
    @Caller() caller: Caller,
    @Param() { id, userId }: GroupMemberParam,
    @Body() dto: EndMembershipDto,
  ): Promise<void> {
    return this.memberships.end(caller, id, userId, dto);
  }

  @Post('bans')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({
    description: 'Banned: they can neither ask to join, redeem invites, nor be re-added',
  })
  ban(@Caller() caller: Caller, @Param() { id }: GroupIdParam, @Body() dto: BanMemberDto): Promise<void> {
    return this.memberships.ban(caller, id, dto);
  }

  @Delete('bans/:userId')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'The ban is lifted' })
  unban(@Caller() caller: Caller, @Param() { id, userId }: GroupMemberParam): Promise<void> {
    return this.memberships.unban(caller, id, userId);
  }

  @Post('facilitators')
  @ApiCreatedResponse({
    type: MemberView,
    description: 'A co-facilitator, pending until they accept the agreement',
  })
  addFacilitator(
    @Caller() caller: Caller,
    @Param() { id }: GroupIdParam,
    @Body() dto: AddFacilitatorDto,
  ): Promise<MemberView> {
    return this.memberships.addFacilitator(caller, id, dto);
  }
}
