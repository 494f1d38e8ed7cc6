import { ApiProperty } from '@nestjs/swagger';

import type { UserDto } from '@hearth/contracts';

import { ROLES, type Role } from '../role.js';
import type { User } from '../user.entity.js';

/** An account as its owner and admins see it. Peers never see this: they see a group pseudonym. */
export class UserView implements UserDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'robin@example.org' })
  email!: string;

  @ApiProperty({ example: 'Robin' })
  displayName!: string;

  @ApiProperty({ enum: ROLES })
  role!: Role;

  @ApiProperty()
  disabled!: boolean;

  @ApiProperty({ description: 'Signing in asks for a second factor (an authenticator app or a passkey)' })
  secondFactor!: boolean;

  @ApiProperty({ description: 'The person opened a verification link sent to this address' })
  emailVerified!: boolean;

  @ApiProperty({ example: '2026-11-30T12:00:00.000Z' })
  createdAt!: string;

  static of(user: User): UserView {
    return {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      role: user.role,
      disabled: user.disabledAt !== null,
      secondFactor: user.secondFactorSince !== null,
      emailVerified: user.emailVerifiedAt !== null,
      createdAt: user.createdAt.toISOString(),
    };
  }
}
