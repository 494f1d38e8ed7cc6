import { DisplayNameField, EmailField, PasswordField } from '../../users/dto/fields.js';

export class RegisterDto {
  @EmailField()
  email!: string;

  @DisplayNameField()
  displayName!: string;

  @PasswordField()
  password!: string;
}
