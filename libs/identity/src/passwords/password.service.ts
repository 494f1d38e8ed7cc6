import { Injectable } from '@nestjs/common';
import { hash, verify } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

/** OWASP's argon2id parameters: m=19 MiB, t=2, p=1 (argon2id is the library's default algorithm). */
const ARGON2_OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 };

const COMMON_PASSWORDS: ReadonlySet<string> = new Set(dictionary['passwords-common']);

@Injectable()
export class PasswordService {
  /** A hash of a random password, verified against when no account matches, so both paths cost the same. */
  private readonly decoy = hash(`decoy-${Math.random()}-${Date.now()}`, ARGON2_OPTIONS);

  hash(password: string): Promise<string> {
    return hash(password, ARGON2_OPTIONS);
  }

  async verify(passwordHash: string | null, password: string): Promise<boolean> {
    try {
      const matches = await verify(passwordHash ?? (await this.decoy), password);
      return passwordHash !== null && matches;
    } catch {
      return false;
    }
  }

  /**
   * Length and a common-password list, no composition rules (NIST SP 800-63B).
   * Returns why the password is refused, or null when it is acceptable.
   */
  weakness(password: string): { code: 'tooShort' | 'tooLong' | 'tooCommon'; message: string } | null {
    const length = [...password].length;
    if (length < MIN_PASSWORD_LENGTH)
      return {
        code: 'tooShort',
        message: `password must be at least ${MIN_PASSWORD_LENGTH} characters long`,
      };
    if (length > MAX_PASSWORD_LENGTH)
      return { code: 'tooLong', message: `password must be at most ${MAX_PASSWORD_LENGTH} characters long` };
    if (this.isCommon(password))
      return {
        code: 'tooCommon',
        message: 'password is too common; choose a longer phrase that is your own',
      };
    return null;
  }

  private isCommon(password: string): boolean {
    const folded = password.normalize('NFKC').toLowerCase();
    if (COMMON_PASSWORDS.has(folded)) return true;
    if (new Set(folded).size <= 2) return true;
    // A common password padded with digits or symbols ("password123456!") is still a common password.
    const stem = folded.replace(/[\d\W_]+$/u, '').replace(/^[\d\W_]+/u, '');
    if (stem.length > 0 && stem.length < folded.length && COMMON_PASSWORDS.has(stem)) return true;
    // ... and so is one repeated ("qwertyqwerty").
    for (let size = 1; size <= folded.length / 2; size++) {
      if (folded.length % size === 0 && folded.slice(0, size).repeat(folded.length / size) === folded) {
        return true;
      }
    }
    return false;
  }
}
