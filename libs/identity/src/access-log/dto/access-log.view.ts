import { ApiProperty } from '@nestjs/swagger';

import {
  ACCESS_KINDS,
  type AccessKind,
  type AccessLogEntryDto,
  type AccessLogPageDto,
  type MyAccessLogEntryDto,
  type MyAccessLogPageDto,
} from '@hearth/contracts';

import { ROLES, type Role } from '../../users/role.js';

export class AccessActorView {
  @ApiProperty({ example: 'Sam' })
  displayName!: string;

  @ApiProperty({ enum: ROLES, description: 'Their platform role today' })
  role!: Role;
}

export class MyAccessLogEntryView implements MyAccessLogEntryDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: '2026-11-30T12:00:00.000Z' })
  at!: string;

  @ApiProperty({ enum: ACCESS_KINDS })
  kind!: AccessKind;

  @ApiProperty({ type: String, nullable: true, description: 'The membership, reflection, incident… seen' })
  resourceId!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  groupId!: string | null;

  @ApiProperty({ description: 'I did it myself (an export)' })
  byMe!: boolean;

  @ApiProperty({
    type: AccessActorView,
    nullable: true,
    description:
      'The staff member (display name and role, never their email); null when it was me or they are gone',
  })
  actor!: AccessActorView | null;

  @ApiProperty({ enum: ROLES, description: 'Their platform role when it happened' })
  actorRole!: Role;
}

export class MyAccessLogPageView implements MyAccessLogPageDto {
  @ApiProperty({ type: [MyAccessLogEntryView] })
  items!: MyAccessLogEntryView[];

  @ApiProperty()
  total!: number;
}

export class AccessLogEntryView implements AccessLogEntryDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: '2026-11-30T12:00:00.000Z' })
  at!: string;

  @ApiProperty({ enum: ACCESS_KINDS })
  kind!: AccessKind;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  actorUserId!: string | null;

  @ApiProperty({ enum: ROLES })
  actorRole!: Role;

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'Null once that person is erased',
  })
  subjectUserId!: string | null;

  @ApiProperty({ type: String, nullable: true })
  resourceId!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  groupId!: string | null;
}

export class AccessLogPageView implements AccessLogPageDto {
  @ApiProperty({ type: [AccessLogEntryView] })
  items!: AccessLogEntryView[];

  @ApiProperty()
  total!: number;
}
