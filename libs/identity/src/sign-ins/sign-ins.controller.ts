import { Controller, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { ApiErrors } from '@hearth/core';

import { Authenticated } from '../access/access.decorators.js';
import { Caller } from '../access/caller.js';
import { SignInIdParam } from './dto/sign-in-id.dto.js';
import { NotMeResultView, SignInView } from './dto/sign-in.view.js';
import { SignInsService } from './sign-ins.service.js';

@ApiTags('me')
@Authenticated()
@ApiErrors(400, 404, 409)
@Controller('me/sign-ins')
export class SignInsController {
  constructor(private readonly signIns: SignInsService) {}

  @Get()
  @ApiOkResponse({
    type: [SignInView],
    description: 'My sign-ins, newest first, active or ended: device and time from the user agent, no place',
  })
  list(@Caller() caller: Caller): Promise<SignInView[]> {
    return this.signIns.list(caller);
  }

  @Post(':id/not-me')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({
    type: NotMeResultView,
    description: "This wasn't me: the sign-in ends at once (its access and refresh tokens stop working)",
  })
  notMe(@Caller() caller: Caller, @Param() { id }: SignInIdParam): Promise<NotMeResultView> {
    return this.signIns.disown(caller, id);
  }
}
