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

import { CreateEntryDto, EntryIdParam, ListEntriesQuery, UpdateEntryDto } from './dto/entry.dto.js';
import { EntryView, SavedEntryView } from './dto/entry.view.js';
import { EntriesService } from './entries.service.js';

/** My journal. Every route is about the caller's own entries; there is no route to anyone else's. */
@ApiTags('journal')
@Authenticated()
@ApiErrors(400, 404)
@Controller('journal/entries')
export class EntriesController {
  constructor(private readonly entries: EntriesService) {}

  @Post()
  @ApiCreatedResponse({ type: SavedEntryView })
  create(@Caller() caller: Caller, @Body() dto: CreateEntryDto): Promise<SavedEntryView> {
    return this.entries.create(caller, dto);
  }

  @Get()
  @ApiOkResponse({ type: [EntryView], description: 'Newest first; filters combine' })
  list(@Caller() caller: Caller, @Query() query: ListEntriesQuery): Promise<EntryView[]> {
    return this.entries.list(caller, query);
  }

  @Get(':id')
  @ApiOkResponse({ type: EntryView })
  get(@Caller() caller: Caller, @Param() { id }: EntryIdParam): Promise<EntryView> {
    return this.entries.get(caller, id);
  }

  @Patch(':id')
  @ApiOkResponse({ type: SavedEntryView })
  update(
    @Caller() caller: Caller,
    @Param() { id }: EntryIdParam,
    @Body() dto: UpdateEntryDto,
  ): Promise<SavedEntryView> {
    return this.entries.update(caller, id, dto);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse()
  remove(@Caller() caller: Caller, @Param() { id }: EntryIdParam): Promise<void> {
    return this.entries.remove(caller, id);
  }
}
