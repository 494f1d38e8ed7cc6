export const REDACTED = '[redacted]';

/**
 * Routes whose path carries a secret, as route shapes: each `:name` segment is a secret and is logged as
 * `[redacted]`. Query strings are never logged (the calendar feed's token travels there).
 */
const SECRET_ROUTES = [
  // The invitation's preview and redemption: whoever holds the code may join the group.
  '/api/invites/:code',
  // The web client's page for an invitation link, served by the same server.
  '/invite/:code',
];

interface SecretRoute {
  pattern: RegExp;
  /** For each segment of the shape, whether it is a secret. */
  secret: boolean[];
}

/** A route shape as a pattern: its literal segments match in any case (as Express routes do). */
function secretRoute(shape: string): SecretRoute {
  const segments = shape.split('/').filter(Boolean);
  const source = segments
    .map((segment) => (segment.startsWith(':') ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/+');
  return {
    pattern: new RegExp(`^/+${source}(?=/|$)`, 'i'),
    secret: segments.map((segment) => segment.startsWith(':')),
  };
}

const ROUTES = SECRET_ROUTES.map(secretRoute);

/** The path of a request URL as it may be logged: no query string, and no secret held in the path. */
export function loggablePath(url: string): string {
  const path = url.split(/[?#]/, 1)[0] ?? '';
  for (const { pattern, secret } of ROUTES) {
    const matched = pattern.exec(path)?.[0];
    if (matched === undefined) continue;
    let segment = 0;
    const shown = matched
      .split('/')
      .map((part) => (part === '' ? part : secret[segment++] ? REDACTED : part))
      .join('/');
    return shown + path.slice(matched.length);
  }
  return path;
}
