import { PasswordService } from './password.service.js';

describe('PasswordService', () => {
  const passwords = new PasswordService();

  it('hashes with argon2id and the OWASP parameters', async () => {
    const hashed = await passwords.hash('a long walk by the river');
    expect(hashed).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it('verifies the right password and rejects a wrong one', async () => {
    const hashed = await passwords.hash('a long walk by the river');
    await expect(passwords.verify(hashed, 'a long walk by the river')).resolves.toBe(true);
    await expect(passwords.verify(hashed, 'a long walk by the river!')).resolves.toBe(false);
  });

  it('never matches when there is no account, and never throws on a malformed hash', async () => {
    await expect(passwords.verify(null, 'anything at all here')).resolves.toBe(false);
    await expect(passwords.verify('not-a-hash', 'anything at all here')).resolves.toBe(false);
  });

  it.each([
    ['short', 'at least 12'],
    ['elevenchars', 'at least 12'],
    ['x'.repeat(257), 'at most 256'],
    ['123qweasdzxc', 'too common'],
    ['Qwerty123456', 'too common'],
    ['password123456!', 'too common'],
    ['iloveyou2024!!', 'too common'],
    ['qwertyqwerty', 'too common'],
    ['aaaaaaaaaaaaaaaa', 'too common'],
    ['abababababab', 'too common'],
  ])('refuses %j (%s)', (password, reason) => {
    expect(passwords.weakness(password)?.message).toContain(reason);
  });

  it.each([
    'a long walk by the river',
    'correct horse battery staple',
    'mañana será otro día',
    'my baby smiles at 3am',
  ])('accepts %j without composition rules', (password) => {
    expect(passwords.weakness(password)).toBeNull();
  });

  it('counts characters, not bytes', () => {
    expect(passwords.weakness('ñandú-ñandú')?.message).toContain('at least 12');
    expect(passwords.weakness('ñandú y ñandú')).toBeNull();
  });
});
