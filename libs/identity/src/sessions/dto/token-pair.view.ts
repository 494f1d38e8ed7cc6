import { ApiProperty } from '@nestjs/swagger';

import type { TokenPairDto } from '@hearth/contracts';

export class TokenPair implements TokenPairDto {
  @ApiProperty({ description: 'JWT to send as `Authorization: Bearer …`' })
  accessToken!: string;

  @ApiProperty({ example: '2026-11-30T12:15:00.000Z' })
  accessTokenExpiresAt!: string;

  @ApiProperty({ description: 'Opaque, single-use token for POST /api/auth/refresh' })
  refreshToken!: string;

  @ApiProperty({ example: '2026-12-30T12:00:00.000Z' })
  refreshTokenExpiresAt!: string;
}
