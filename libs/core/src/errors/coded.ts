/** A message with the code clients translate it by (`errors.code.<code>` in the web client's catalogues). */
export interface CodedMessage {
  code: string;
  message: string;
}

/**
 * An exception's body with a code that clients translate (`throw new ForbiddenException(coded('ACCOUNT_DISABLED',
 * 'This account is disabled'))`); the message stays for everyone who reads the API in English. A socket refusal
 * carries it the same way (`new ChatError('FORBIDDEN', coded('NOT_A_MEMBER', '…'))`), as its ack's `reason`.
 */
export function coded(code: string, message: string): CodedMessage {
  return { code, message };
}
