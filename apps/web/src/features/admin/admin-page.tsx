import type {
  BlockedTermEntryDto,
  CreatedUserDto,
  CrisisResourceSetDto,
  GroupDto,
  PlatformRole,
  ResetLinkDto,
  UserDto,
} from '@hearth/contracts';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';

import { http } from '../../api/http';
import { useSession } from '../../api/session';
import { Alert, Field, formatTime, NoFacilitatorWarning, Pending, useAction } from '../../ui/components';
import { useLoad } from '../../ui/use-load';

/** Instance administration: people and roles, safety settings, every group. Loaded only when opened. */
export default function AdminPage() {
  const { user } = useSession();
  const [accounts, setAccounts] = useState(0);
  if (user?.role !== 'admin') return <Alert tone="error">This page is for administrators.</Alert>;
  return (
    <div className="page wide">
      <h1>Administration</h1>
      <Users version={accounts} />
      <CreateAccount onCreated={() => setAccounts((n) => n + 1)} />
      <CrisisResources />
      <BlockedTerms />
      <AllGroups />
    </div>
  );
}

function Users({ version }: { version: number }) {
  const [q, setQ] = useState('');
  const users = useLoad(
    () =>
      http.get<{ items: UserDto[]; total: number }>(`/admin/users${q ? `?q=${encodeURIComponent(q)}` : ''}`),
    [q, version],
  );
  const action = useAction();
  const [resetLink, setResetLink] = useState<(ResetLinkDto & { for: string }) | null>(null);
  const update = (id: string, change: { role?: PlatformRole; disabled?: boolean }) =>
    action.run(async () => {
      await http.patch(`/admin/users/${id}`, change);
      await users.reload();
    });
  const createResetLink = (user: UserDto) =>
    action.run(async () => {
      setResetLink(null);
      const link = await http.post<ResetLinkDto>(`/admin/users/${user.id}/reset-link`);
      setResetLink({ ...link, for: user.displayName });
    });
  return (
    <section className="card" aria-labelledby="users-title">
      <h2 id="users-title">People</h2>
      <div className="field">
        <label htmlFor="user-search">Find by name or email</label>
        <input id="user-search" type="search" value={q} onChange={(e) => setQ(e.target.value)} />
      </div>
      {action.error && <Alert tone="error">{action.error}</Alert>}
      {resetLink && <ResetLink link={resetLink} onClose={() => setResetLink(null)} />}
      {!users.data ? (
        <Pending loaded={users} />
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Status</th>
              <th scope="col">Password</th>
            </tr>
          </thead>
          <tbody>
            {users.data.items.map((u) => (
              <tr key={u.id}>
                <td>{u.displayName}</td>
                <td>{u.email}</td>
                <td>
                  <label className="visually-hidden" htmlFor={`role-${u.id}`}>
                    Role of {u.displayName}
                  </label>
                  <select
                    id={`role-${u.id}`}
                    value={u.role}
                    onChange={(e) => update(u.id, { role: e.target.value as PlatformRole })}
                  >
                    <option value="member">member</option>
                    <option value="facilitator">facilitator</option>
                    <option value="admin">admin</option>
                  </select>
                </td>
                <td>
                  <button
                    type="button"
                    className="button-quiet"
                    onClick={() => update(u.id, { disabled: !u.disabled })}
                  >
                    {u.disabled ? 'Disabled: enable' : 'Active: disable'}
                  </button>
                </td>
                <td>
                  <button
                    type="button"
                    className="button-quiet"
                    disabled={u.disabled || action.busy}
                    aria-label={`Create reset link for ${u.displayName}`}
                    onClick={() => void createResetLink(u)}
                  >
                    Create reset link
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** A one-time link to choose a new password, shown once, for the admin to hand over by another channel. */
function ResetLink({ link, onClose }: { link: ResetLinkDto & { for: string }; onClose: () => void }) {
  // The clipboard needs a secure context; without it, the person copies the selected text by hand.
  const [copied, setCopied] = useState<'no' | 'yes' | 'by hand'>('no');
  const copy = () =>
    (navigator.clipboard
      ? navigator.clipboard.writeText(link.url)
      : Promise.reject(new Error('no clipboard'))
    ).then(
      () => setCopied('yes'),
      () => {
        (document.getElementById('reset-link') as HTMLInputElement | null)?.select();
        setCopied('by hand');
      },
    );
  return (
    <Alert tone="success">
      <div className="reset-link">
        <p>
          Reset link for {link.for}. It works once, until {formatTime(link.expiresAt)}, and signs out every
          device of the account. Give it to them privately, after checking by another channel that it is them
          asking.
        </p>
        <div className="field">
          <label htmlFor="reset-link">Link</label>
          <input id="reset-link" readOnly value={link.url} onFocus={(e) => e.target.select()} />
        </div>
        <div className="row">
          <button type="button" className="button button-secondary" onClick={() => void copy()}>
            {copied === 'yes' ? 'Copied' : 'Copy link'}
          </button>
          {copied === 'by hand' && <span>The link is selected: copy it with your keyboard.</span>}
          <button type="button" className="button-quiet" onClick={onClose}>
            Done
          </button>
        </div>
      </div>
    </Alert>
  );
}

function CrisisResources() {
  const current = useLoad(() => http.get<CrisisResourceSetDto>('/admin/crisis-resources'), []);
  const [json, setJson] = useState('');
  const [invalid, setInvalid] = useState(false);
  const [saved, setSaved] = useState(false);
  const action = useAction();
  useEffect(() => {
    if (current.data) setJson(JSON.stringify(current.data, null, 2));
  }, [current.data]);
  return (
    <form
      className="card"
      onSubmit={(e) => {
        e.preventDefault();
        const parsed = parseJson(json);
        setInvalid(parsed === undefined);
        if (parsed !== undefined) {
          void action.run(async () => {
            current.setData(await http.put('/admin/crisis-resources', parsed));
            setSaved(true);
          });
        }
      }}
    >
      <h2>Crisis resources</h2>
      <Field
        label="Country and resources (JSON)"
        hint='{"country": "US", "resources": [{"name": "…", "description": "…", "phone": "…", "url": "https://…"}]}'
        multiline
        rows={10}
        value={json}
        onChange={(e) => setJson(e.target.value)}
      />
      {invalid && <Alert tone="error">That is not valid JSON.</Alert>}
      {action.error && <Alert tone="error">{action.error}</Alert>}
      {saved && <Alert tone="success">Saved.</Alert>}
      <button className="button" disabled={action.busy}>
        Save crisis resources
      </button>
    </form>
  );
}

function BlockedTerms() {
  const terms = useLoad(() => http.get<BlockedTermEntryDto[]>('/admin/blocked-terms'), []);
  const [term, setTerm] = useState('');
  const [kind, setKind] = useState<BlockedTermEntryDto['action']>('hold');
  const action = useAction();
  return (
    <section className="card" aria-labelledby="terms-title">
      <h2 id="terms-title">Blocked terms (every group)</h2>
      <form
        className="inline-form"
        onSubmit={(e) =>
          action.run(async () => {
            await http.post('/admin/blocked-terms', { term, action: kind });
            setTerm('');
            await terms.reload();
          }, e)
        }
      >
        <Field label="Term" required value={term} onChange={(e) => setTerm(e.target.value)} />
        <div className="field">
          <label htmlFor="term-action">Then</label>
          <select
            id="term-action"
            value={kind}
            onChange={(e) => setKind(e.target.value as BlockedTermEntryDto['action'])}
          >
            <option value="block">block the message</option>
            <option value="hold">hold it for review</option>
            <option value="flag">post it and flag it</option>
          </select>
        </div>
        <button className="button">Add term</button>
      </form>
      {action.error && <Alert tone="error">{action.error}</Alert>}
      <ul>
        {terms.data?.map((t) => (
          <li key={t.id}>
            “{t.term}”: {t.action}{' '}
            <button
              type="button"
              className="button-quiet"
              onClick={() =>
                action.run(async () => {
                  await http.delete(`/admin/blocked-terms/${t.id}`);
                  await terms.reload();
                })
              }
            >
              Remove
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

function AllGroups() {
  const groups = useLoad(() => http.get<GroupDto[]>('/groups?scope=all'), []);
  return (
    <section className="card" aria-labelledby="groups-title">
      <h2 id="groups-title">All groups</h2>
      <ul>
        {groups.data?.map((g) => (
          <li key={g.id}>
            <Link to={`/groups/${g.id}/console`}>{g.name}</Link> · {g.kind} · {g.status} ·{' '}
            {g.capacity - g.seatsLeft} of {g.capacity} members
            {g.activeFacilitators === 0 && g.status === 'active' && <NoFacilitatorWarning />}
          </li>
        ))}
      </ul>
    </section>
  );
}

const EMPTY_ACCOUNT = { email: '', displayName: '', role: 'member' as CreatedRole, password: '' };
type CreatedRole = Extract<PlatformRole, 'facilitator' | 'member'>;

/** An account made by an admin: with a password they choose, or a temporary one the server shows once. */
function CreateAccount({ onCreated }: { onCreated: () => void }) {
  const [form, setForm] = useState(EMPTY_ACCOUNT);
  const [created, setCreated] = useState<CreatedUserDto | null>(null);
  const action = useAction();
  const set = (key: keyof typeof EMPTY_ACCOUNT) => (e: { target: { value: string } }) =>
    setForm((current) => ({ ...current, [key]: e.target.value }));
  const shown = ['email', 'displayName', 'role', 'password'];
  const otherError = action.error && !shown.some((field) => action.fieldError(field));
  return (
    <form
      className="card"
      aria-labelledby="create-account-title"
      onSubmit={(e) =>
        action.run(async () => {
          setCreated(null);
          const { password, ...rest } = form;
          setCreated(await http.post<CreatedUserDto>('/admin/users', password ? form : rest));
          setForm(EMPTY_ACCOUNT);
          onCreated();
        }, e)
      }
    >
      <h2 id="create-account-title">Create an account</h2>
      <Field
        label="Email"
        type="email"
        autoComplete="off"
        required
        value={form.email}
        onChange={set('email')}
        error={action.fieldError('email')}
      />
      <Field
        label="Display name"
        hint="Seen by facilitators and admins only."
        required
        value={form.displayName}
        onChange={set('displayName')}
        error={action.fieldError('displayName')}
      />
      <div className="field">
        <label htmlFor="new-account-role">Role</label>
        <select
          id="new-account-role"
          value={form.role}
          onChange={set('role')}
          aria-describedby={action.fieldError('role') ? 'new-account-role-error' : undefined}
        >
          <option value="member">member</option>
          <option value="facilitator">facilitator</option>
        </select>
        {action.fieldError('role') && (
          <p className="field-error" id="new-account-role-error">
            {action.fieldError('role')}
          </p>
        )}
      </div>
      <Field
        label="Password (optional)"
        hint="Leave empty and Hearth makes a temporary password, shown here once."
        type="password"
        autoComplete="new-password"
        value={form.password}
        onChange={set('password')}
        error={action.fieldError('password')}
      />
      {otherError && <Alert tone="error">{action.error}</Alert>}
      {created && (
        <Alert tone="success">
          <p>
            Account created for {created.displayName} ({created.email}), as {created.role}.
          </p>
          {created.temporaryPassword && (
            <p>
              Temporary password, shown only now: <code>{created.temporaryPassword}</code>. Give it to them
              privately; they can change it on their account screen.
            </p>
          )}
        </Alert>
      )}
      <button className="button" disabled={action.busy}>
        Create account
      </button>
    </form>
  );
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
