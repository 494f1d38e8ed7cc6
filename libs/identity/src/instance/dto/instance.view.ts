import { ApiProperty } from '@nestjs/swagger';

import type { InstanceDto } from '@hearth/contracts';

export class InstanceView implements InstanceDto {
  @ApiProperty({ description: 'True while no account exists: the first sign-up becomes the admin' })
  needsSetup!: boolean;

  @ApiProperty({ enum: ['open', 'invite'] })
  registration!: 'open' | 'invite';

  @ApiProperty({
    nullable: true,
    type: 'object',
    properties: { publicKey: { type: 'string', description: 'VAPID public key, base64url' } },
    description: 'For `pushManager.subscribe({ applicationServerKey })`',
  })
  webPush!: { publicKey: string } | null;

  @ApiProperty({
    description: 'Whether this instance sends email; without it, an admin creates password-reset links',
  })
  email!: boolean;
}
