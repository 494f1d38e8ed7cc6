import { LinkTokenField } from '../../password-reset/dto/password-reset.dto.js';

export class VerifyEmailDto {
  @LinkTokenField()
  token!: string;
}
