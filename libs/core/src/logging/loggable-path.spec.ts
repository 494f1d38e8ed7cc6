import { loggablePath } from './loggable-path.js';

describe('loggablePath', () => {
  it.each([
    ['/api/invites/Xq3-_abc', '/api/invites/[redacted]'],
    ['/api/invites/Xq3-_abc/redeem', '/api/invites/[redacted]/redeem'],
    ['/api/invites/Xq3-_abc/redeem?pseudonym=Wren', '/api/invites/[redacted]/redeem'],
    ['/API/Invites/Xq3-_abc/', '/API/Invites/[redacted]/'],
    ['//api//invites/Xq3-_abc', '//api//invites/[redacted]'],
    ['/invite/Xq3-_abc', '/invite/[redacted]'],
    ['/invite/Xq3-_abc#join', '/invite/[redacted]'],
  ])('redacts the secret of %s', (url, logged) => {
    expect(loggablePath(url)).toBe(logged);
  });

  it.each([
    ['/api/me/calendar.ics?token=abc', '/api/me/calendar.ics'],
    ['/api/groups/1/invites/2', '/api/groups/1/invites/2'],
    ['/api/invites', '/api/invites'],
    ['/api/invitesX/abc', '/api/invitesX/abc'],
    ['/invitation/abc', '/invitation/abc'],
    ['/', '/'],
  ])('keeps %s as %s', (url, logged) => {
    expect(loggablePath(url)).toBe(logged);
  });

  it('replaces the secret segment, not an equal literal before it', () => {
    expect(loggablePath('/api/invites/api')).toBe('/api/invites/[redacted]');
  });
});
