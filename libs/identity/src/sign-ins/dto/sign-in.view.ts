import { ApiProperty } from '@nestjs/swagger';

import type { DeviceDto, DeviceKind, NotMeResultDto, SignInDto } from '@hearth/contracts';

export class DeviceView implements DeviceDto {
  @ApiProperty({ type: String, nullable: true, example: 'Firefox 133' })
  browser!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'Android 14' })
  os!: string | null;

  @ApiProperty({ enum: ['desktop', 'mobile', 'tablet', 'unknown'] })
  kind!: DeviceKind;
}

export class SignInView implements SignInDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: '2026-11-30T12:00:00.000Z' })
  startedAt!: string;

  @ApiProperty({ example: '2026-11-30T12:00:00.000Z' })
  lastUsedAt!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Signed out, revoked or expired; null while active',
  })
  endedAt!: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    enum: ['logout', 'reuse', 'password_changed', 'password_reset', 'disabled', 'expired', 'not_me'],
  })
  endedReason!: string | null;

  @ApiProperty()
  active!: boolean;

  @ApiProperty({ description: 'The session this request comes from' })
  current!: boolean;

  @ApiProperty({ type: String, nullable: true, description: "When I said this wasn't me" })
  disownedAt!: string | null;

  @ApiProperty({ type: DeviceView, description: 'What the user agent says; no address, no place' })
  device!: DeviceView;
}

export class NotMeResultView implements NotMeResultDto {
  @ApiProperty({
    type: [String],
    description: 'The sessions ended on the spot (none if it had already ended)',
  })
  endedSessionIds!: string[];

  @ApiProperty({ type: SignInView })
  signIn!: SignInView;
}
