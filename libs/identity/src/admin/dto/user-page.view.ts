import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

import type { CreatedUserDto } from '@hearth/contracts';

import { UserView } from '../../users/dto/user.view.js';

export class UserPageView {
  @ApiProperty({ type: [UserView] })
  items!: UserView[];

  @ApiProperty()
  total!: number;
}

export class CreatedUserView extends UserView implements CreatedUserDto {
  @ApiPropertyOptional({
    description: 'Only when the server generated the initial password; shown this once',
  })
  temporaryPassword?: string;
}
