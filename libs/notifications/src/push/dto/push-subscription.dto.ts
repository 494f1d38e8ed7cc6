import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Length,
  Matches,
  ValidateNested,
} from 'class-validator';

export class PushKeysBody {
  @ApiProperty({ description: "The browser's P-256 public key (65 bytes), base64url" })
  @Matches(/^[A-Za-z0-9_-]{86,88}={0,2}$/, { message: 'p256dh must be a base64url P-256 public key' })
  p256dh!: string;

  @ApiProperty({ description: 'The 16-byte auth secret, base64url' })
  @Matches(/^[A-Za-z0-9_-]{21,24}={0,2}$/, { message: 'auth must be a base64url 16-byte secret' })
  auth!: string;
}

/** What `PushSubscription.toJSON()` gives in the browser, and a name for the device. */
export class PushSubscriptionBody {
  @ApiProperty({ description: "The push service's https address for this browser", maxLength: 1024 })
  @IsUrl(
    { protocols: ['https'], require_protocol: true, require_tld: false, require_valid_protocol: true },
    { message: 'endpoint must be an https address' },
  )
  @Length(1, 1024)
  endpoint!: string;

  @ApiProperty({ type: PushKeysBody })
  @IsDefined()
  @ValidateNested()
  @Type(() => PushKeysBody)
  keys!: PushKeysBody;

  @ApiPropertyOptional({ maxLength: 80, example: 'Chrome on Android' })
  @IsOptional()
  @IsString()
  @Length(1, 80)
  label?: string;
}

export class PushSubscriptionParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id!: string;
}
