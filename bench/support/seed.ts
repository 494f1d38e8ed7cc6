/**
 * Sets a benchmark's people and groups up through Hearth's public API, as real clients would. Members are
 * played by a few accounts with several connections each: argon2 hashing of thousands of accounts would make
 * setup the longest part of the run, and what fan-out costs depends on connections, not on accounts.
 */

export interface Account {
  id: string;
  token: string;
}

/** One request to Hearth's API as `token` (GET without a body, POST with one); fails on any status but 2xx. */
export async function call<T>(url: string, path: string, token: string | null, body?: object): Promise<T> {
  const response = await fetch(url + path, {
    method: body ? 'POST' : 'GET',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (response.status === 204 ? undefined : await response.json()) as T;
}

/** Runs `work` over the items, at most `limit` at a time. */
export async function inPool<T, R>(items: T[], limit: number, work: (item: T, index: number) => Promise<R>) {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await work(items[index], index);
      }
    }),
  );
  return results;
}

/** The first account is the instance's admin. */
export async function createAccounts(url: string, count: number): Promise<Account[]> {
  const register = async (_: unknown, i: number) => {
    const { user, tokens } = await call<{ user: { id: string }; tokens: { accessToken: string } }>(
      url,
      '/api/auth/register',
      null,
      { email: `bench-${i}@example.org`, displayName: `Bench ${i}`, password: 'a long walk by the river' },
    );
    return { id: user.id, token: tokens.accessToken };
  };
  const admin = await register(null, 0);
  const others = await inPool(Array.from({ length: count - 1 }), 2, (item, i) => register(item, i + 1));
  return [admin, ...others];
}

/** A group created by the admin, with the given accounts as active members (invited, agreement accepted). */
export async function createGroupWith(url: string, admin: Account, members: Account[], name: string) {
  const group = await call<{ id: string; agreementVersion: number }>(url, '/api/groups', admin.token, {
    name,
    kind: 'circle',
    timezone: 'Europe/Berlin',
    capacity: 200,
  });
  const others = members.filter((member) => member.id !== admin.id);
  if (others.length > 0) {
    const invite = await call<{ code: string }>(url, `/api/groups/${group.id}/invites`, admin.token, {
      maxUses: Math.min(200, others.length),
    });
    await inPool(others, 4, async (member, i) => {
      await call(url, `/api/invites/${invite.code}/redeem`, member.token, { pseudonym: `Member ${i + 1}` });
      await call(url, `/api/groups/${group.id}/agreement/accept`, member.token, {
        version: group.agreementVersion,
      });
    });
  }
  return group.id;
}
