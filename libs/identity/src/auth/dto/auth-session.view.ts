import { ApiProperty } from '@nestjs/swagger';

import { TokenPair } from '../../sessions/token-pair.js';
import { UserView } from '../../users/dto/user.view.js';

export class AuthSessionView {
  @ApiProperty({ type: UserView })
  user!: UserView;

  @ApiProperty({ type: TokenPair })
  tokens!: TokenPair;
}
