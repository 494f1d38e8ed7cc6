import { ApiProperty } from '@nestjs/swagger';

import type {
  PasskeyOptionsDto,
  RecoveryCodesDto,
  SecondFactorChallengeDto,
  SecondFactorEnabledDto,
  SecondFactorMethod,
  SecondFactorSummaryDto,
  TotpSetupDto,
  TwoFactorStatusDto,
} from '@hearth/contracts';

import type { SecondFactor } from '../second-factor.entity.js';

export class SecondFactorSummaryView implements SecondFactorSummaryDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: ['totp', 'passkey'] })
  kind!: 'totp' | 'passkey';

  @ApiProperty({ example: 'My phone' })
  label!: string;

  @ApiProperty()
  createdAt!: string;

  @ApiProperty({ type: String, nullable: true })
  lastUsedAt!: string | null;

  static of(factor: SecondFactor): SecondFactorSummaryView {
    return {
      id: factor.id,
      kind: factor.kind,
      label: factor.label,
      createdAt: factor.createdAt.toISOString(),
      lastUsedAt: factor.lastUsedAt?.toISOString() ?? null,
    };
  }
}

export class TwoFactorStatusView implements TwoFactorStatusDto {
  @ApiProperty()
  enabled!: boolean;

  @ApiProperty({ description: "This account's role must use a second factor" })
  required!: boolean;

  @ApiProperty({ description: 'Required and not set up: the account acts as a member until it is' })
  setupRequired!: boolean;

  @ApiProperty({ type: [SecondFactorSummaryView] })
  factors!: SecondFactorSummaryView[];

  @ApiProperty()
  recoveryCodesLeft!: number;
}

export class TotpSetupView implements TotpSetupDto {
  @ApiProperty({ format: 'uuid' })
  factorId!: string;

  @ApiProperty({ description: 'Base32, to type into an authenticator app by hand' })
  secret!: string;

  @ApiProperty({ example: 'otpauth://totp/Hearth:robin%40example.org?secret=…&issuer=Hearth' })
  otpauthUri!: string;

  @ApiProperty({ description: 'The URI as a QR code (SVG)' })
  qrCodeSvg!: string;
}

export class SecondFactorEnabledView implements SecondFactorEnabledDto {
  @ApiProperty({ type: SecondFactorSummaryView })
  factor!: SecondFactorSummaryView;

  @ApiProperty({
    type: [String],
    nullable: true,
    description: 'Shown once, with the first factor; null when the account already had codes',
  })
  recoveryCodes!: string[] | null;
}

export class RecoveryCodesView implements RecoveryCodesDto {
  @ApiProperty({ type: [String], description: 'Shown once; each works one time' })
  recoveryCodes!: string[];
}

export class PasskeyOptionsView implements PasskeyOptionsDto {
  @ApiProperty({ type: Object, description: 'For navigator.credentials (WebAuthn JSON options)' })
  options!: Record<string, unknown>;

  @ApiProperty()
  ticket!: string;
}

class SecondFactorRequest {
  @ApiProperty()
  ticket!: string;

  @ApiProperty({ enum: ['totp', 'passkey', 'recovery'], isArray: true })
  methods!: SecondFactorMethod[];

  @ApiProperty()
  expiresAt!: string;
}

export class SecondFactorChallengeView implements SecondFactorChallengeDto {
  @ApiProperty({ type: SecondFactorRequest })
  secondFactor!: SecondFactorRequest;
}
