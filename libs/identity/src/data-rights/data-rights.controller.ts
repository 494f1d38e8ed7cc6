import { Body, Controller, Delete, HttpCode, HttpStatus, Post, StreamableFile } from '@nestjs/common';
import {
  ApiNoContentResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';

import { ApiErrors, ErrorBody } from '@hearth/core';

import { Authenticated } from '../access/access.decorators.js';
import { Caller } from '../access/caller.js';
import { DataRightsService } from './data-rights.service.js';
import { EraseAccountDto } from './dto/erase-account.dto.js';

@ApiTags('me')
@Authenticated()
@ApiErrors(400, 409)
@Controller('me')
export class DataRightsController {
  constructor(private readonly rights: DataRightsService) {}

  @Post('export')
  @HttpCode(HttpStatus.OK)
  @ApiProduces('application/zip')
  @ApiOkResponse({
    schema: { type: 'string', format: 'binary' },
    description: 'A zip: hearth-export.json (everything about me; see docs/export.md) and journal.md',
  })
  async export(@Caller() caller: Caller): Promise<StreamableFile> {
    const zip = await this.rights.export(caller);
    return new StreamableFile(Buffer.from(zip), {
      type: 'application/zip',
      disposition: 'attachment; filename="hearth-export.zip"',
      length: zip.length,
    });
  }

  @Delete()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({
    description: 'The account and everything in it is gone; journal keys are destroyed',
  })
  @ApiTooManyRequestsResponse({
    type: ErrorBody,
    description: 'Too many wrong passwords for this account; Retry-After says when to try again',
  })
  erase(@Caller() caller: Caller, @Body() dto: EraseAccountDto): Promise<void> {
    return this.rights.erase(caller, dto.password);
  }
}
