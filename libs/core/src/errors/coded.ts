/**
 * An exception's body with a code that clients translate (`throw new ForbiddenException(coded('ACCOUNT_DISABLED',
 * 'This account is disabled'))`); the message stays for everyone who reads the API in English.
 */
export function coded(code: string, message: string): { code: string; message: string } {
  return { code, message };
}
