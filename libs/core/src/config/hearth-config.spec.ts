import { loadConfig } from './hearth-config.js';

describe('loadConfig', () => {
  it('has working defaults for the embedded instance', () => {
    const config = loadConfig({});
    expect(config.http.port).toBe(3000);
    expect(config.database).toEqual({
      type: 'sqlite',
      file: expect.stringMatching(/data\/hearth\.db$/),
      busyTimeoutMs: 5000,
    });
    expect(config.auth).toEqual({
      accessTokenTtlSeconds: 900,
      refreshTokenTtlSeconds: 2592000,
      refreshReuseGraceSeconds: 30,
      registration: 'open',
      staffSecondFactor: 'required',
    });
    expect(config.publicUrl).toBe('http://localhost:3000');
    expect(config.chat.refusalsBeforeClosing).toBe(60);
    expect(config.http.bodyLimit).toBe('100kb');
    expect(config.retention).toEqual({ accessLogDays: 730, signInDays: 180 });
  });

  it('reads the retention of the access log and the sign-in history', () => {
    const config = loadConfig({ ACCESS_LOG_RETENTION_DAYS: '365', SIGN_IN_RETENTION_DAYS: '30' });
    expect(config.retention).toEqual({ accessLogDays: 365, signInDays: 30 });
  });

  it('reads typed values from strings', () => {
    const config = loadConfig({
      PORT: '8080',
      TRUST_PROXY: 'true',
      CORS_ORIGINS: 'https://a.example, https://b.example ,',
      DATABASE_URL: 'postgres://hearth@db:5432/hearth',
      REGISTRATION: 'invite',
      STAFF_2FA: 'optional',
      PUBLIC_URL: 'https://hearth.example.org/',
    });
    expect(config.auth.staffSecondFactor).toBe('optional');
    expect(config.publicUrl).toBe('https://hearth.example.org');
    expect(config.http.port).toBe(8080);
    expect(config.http.trustProxy).toBe(true);
    expect(config.http.corsOrigins).toEqual(['https://a.example', 'https://b.example']);
    expect(config.database).toEqual({ type: 'postgres', url: 'postgres://hearth@db:5432/hearth' });
    expect(config.auth.registration).toBe('invite');
  });

  it.each([
    [{ PORT: 'abc' }, /^Invalid configuration: PORT .*integer.* \(got "abc"\)$/],
    [{ PORT: '70000' }, /^Invalid configuration: PORT must not be greater than 65535/],
    [
      { REGISTRATION: 'everyone' },
      /^Invalid configuration: REGISTRATION must be one of the following values: open, invite/,
    ],
    [{ DATABASE_URL: 'mysql://x' }, /^Invalid configuration: DATABASE_URL must be a postgres:\/\/.* URL/],
    [{ BODY_LIMIT: 'lots' }, /^Invalid configuration: BODY_LIMIT must be a size such as 100kb/],
    [
      { JWT_SECRET: 'short' },
      /^Invalid configuration: JWT_SECRET must be at least 32 characters.*\(got \(hidden\)\)$/,
    ],
    [{ ACCESS_TOKEN_TTL: '5' }, /^Invalid configuration: ACCESS_TOKEN_TTL must not be less than 60/],
    [
      { ACCESS_LOG_RETENTION_DAYS: '0' },
      /^Invalid configuration: ACCESS_LOG_RETENTION_DAYS must not be less than 1/,
    ],
  ])('stops on %j with one line naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
    try {
      loadConfig(env);
    } catch (error) {
      expect((error as Error).message).not.toContain('\n');
    }
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '' }).database.type).toBe('sqlite');
  });
});

describe('loadConfig: email', () => {
  it('sends no email without SMTP_URL, and names the sender after PUBLIC_URL’s host', () => {
    const config = loadConfig({ PUBLIC_URL: 'https://hearth.example.org' });
    expect(config.mail).toEqual({ smtpUrl: null, from: 'Hearth <no-reply@hearth.example.org>' });
  });

  it('reads SMTP_URL with credentials and MAIL_FROM', () => {
    const config = loadConfig({
      SMTP_URL: 'smtps://mailer:s3cret@mail.example.org:465',
      MAIL_FROM: 'Circle <circle@example.org>',
    });
    expect(config.mail).toEqual({
      smtpUrl: 'smtps://mailer:s3cret@mail.example.org:465',
      from: 'Circle <circle@example.org>',
    });
  });

  it('refuses another scheme in one line that names SMTP_URL and never shows the password', () => {
    let message = '';
    try {
      loadConfig({ SMTP_URL: 'http://mailer:s3cret@mail.example.org' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^Invalid configuration: SMTP_URL must be an smtp:\/\/ or smtps:\/\/ URL/);
    expect(message).not.toContain('s3cret');
    expect(message.split('\n')).toHaveLength(1);
  });
});
