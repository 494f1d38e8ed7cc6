import { ApiProperty } from '@nestjs/swagger';

import type { AuthSessionDto } from '@hearth/contracts';

import { TokenPair } from '../../sessions/dto/token-pair.view.js';
import { UserView } from '../../users/dto/user.view.js';

export class AuthSessionView implements AuthSessionDto {
  @ApiProperty({ type: UserView })
  user!: UserView;

  @ApiProperty({ type: TokenPair })
  tokens!: TokenPair;
}
