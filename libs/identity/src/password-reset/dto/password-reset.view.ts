import { ApiProperty } from '@nestjs/swagger';

import type { PasswordResetRequestedDto, ResetLinkDto } from '@hearth/contracts';

export class PasswordResetRequestedView implements PasswordResetRequestedDto {
  @ApiProperty({ description: 'The same whether or not an account uses the address' })
  message!: string;
}

export class ResetLinkView implements ResetLinkDto {
  @ApiProperty({ example: 'https://hearth.example.org/reset-password?token=kq3…' })
  url!: string;

  @ApiProperty({ example: '2026-11-30T12:30:00.000Z' })
  expiresAt!: string;
}
