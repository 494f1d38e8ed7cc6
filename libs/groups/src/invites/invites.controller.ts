import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';

import { ApiErrors, AuthThrottle, ErrorBody } from '@hearth/core';
import { Authenticated, Caller } from '@hearth/identity';

import { GroupIdParam } from '../groups/dto/group-id.dto.js';
import { GroupView } from '../groups/dto/group.view.js';
import { CreateInviteDto, InviteCodeParam, InviteParam, RedeemInviteDto } from './dto/invite.dto.js';
import { CreatedInviteView, InvitePreviewView, InviteView } from './dto/invite.view.js';
import { InvitesService } from './invites.service.js';

@ApiTags('invites')
@Authenticated()
@ApiErrors(400, 403, 404)
@Controller('groups/:id/invites')
export class GroupInvitesController {
  constructor(private readonly invites: InvitesService) {}

  @Post()
  @ApiCreatedResponse({ type: CreatedInviteView, description: 'The code is shown only in this response' })
  create(
    @Caller() caller: Caller,
    @Param() { id }: GroupIdParam,
    @Body() dto: CreateInviteDto,
  ): Promise<CreatedInviteView> {
    return this.invites.create(caller, id, dto);
  }

  @Get()
  @ApiOkResponse({ type: [InviteView] })
  list(@Caller() caller: Caller, @Param() { id }: GroupIdParam): Promise<InviteView[]> {
    return this.invites.list(caller, id);
  }

  @Delete(':inviteId')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'Revoked: the code no longer works' })
  revoke(@Caller() caller: Caller, @Param() { id, inviteId }: InviteParam): Promise<void> {
    return this.invites.revoke(caller, id, inviteId);
  }
}

@ApiTags('invites')
@Authenticated()
@ApiBadRequestResponse({ type: ErrorBody, description: 'Invalid input; `details` lists the fields' })
@ApiNotFoundResponse({
  type: ErrorBody,
  description: 'Unknown, expired, used up or revoked: all answer alike',
})
@Controller('invites/:code')
export class InvitesController {
  constructor(private readonly invites: InvitesService) {}

  @Get()
  @ApiOkResponse({ type: GroupView, description: 'The group the invitation leads to' })
  preview(@Caller() caller: Caller, @Param() { code }: InviteCodeParam): Promise<GroupView> {
    return this.invites.preview(caller, code);
  }

  @Post('redeem')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: GroupView, description: 'My membership is pending until I accept the agreement' })
  @ApiForbiddenResponse({ type: ErrorBody, description: 'Banned from this group' })
  @ApiConflictResponse({
    type: ErrorBody,
    description: 'Full, archived, already a member, or pseudonym taken',
  })
  redeem(
    @Caller() caller: Caller,
    @Param() { code }: InviteCodeParam,
    @Body() dto: RedeemInviteDto,
  ): Promise<GroupView> {
    return this.invites.redeem(caller, code, dto.pseudonym);
  }
}

/** Open to anyone holding the link, under the stricter per-address budget of routes that take secrets. */
@ApiTags('invites')
@AuthThrottle()
@ApiBadRequestResponse({ type: ErrorBody, description: 'Not an invitation code' })
@ApiNotFoundResponse({
  type: ErrorBody,
  description: 'Unknown, expired, used up, revoked, or its group archived: all answer alike',
})
@ApiTooManyRequestsResponse({ type: ErrorBody, description: 'Too many requests from this address' })
@Controller('invites/:code/preview')
export class InvitePreviewController {
  constructor(private readonly invites: InvitesService) {}

  @Get()
  @ApiOkResponse({
    type: InvitePreviewView,
    description: 'The group and its agreement in brief, for sign-up',
  })
  preview(@Param() { code }: InviteCodeParam): Promise<InvitePreviewView> {
    return this.invites.publicPreview(code);
  }
}
