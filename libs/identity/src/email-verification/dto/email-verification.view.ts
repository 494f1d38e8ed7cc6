import { ApiProperty } from '@nestjs/swagger';

import type { EmailVerificationSentDto } from '@hearth/contracts';

export class EmailVerificationSentView implements EmailVerificationSentDto {
  @ApiProperty()
  message!: string;
}
