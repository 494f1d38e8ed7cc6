import type { PlatformRole, ResetLinkDto, UserDto } from '@hearth/contracts';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { http } from '../../api/http';
import { useSession } from '../../api/session';
import { Alert, Dialog, formatDate, formatTime, Pending, useAction } from '../../ui/components';
import { useLoad } from '../../ui/use-load';
import { roleWords } from './role-name';

const ROLES: PlatformRole[] = ['member', 'facilitator', 'admin'];

/** A change waiting for the admin's "yes": a new role, or an account disabled or enabled again. */
type Change = { user: UserDto; role: PlatformRole } | { user: UserDto; disabled: boolean };

/** Everyone on the instance as one card each (a phone shows them stacked, a desktop one per row). */
export function People({ version }: { version: number }) {
  const { t } = useTranslation();
  const { user: me } = useSession();
  const [q, setQ] = useState('');
  const users = useLoad(
    () =>
      http.get<{ items: UserDto[]; total: number }>(`/admin/users${q ? `?q=${encodeURIComponent(q)}` : ''}`),
    [q, version],
  );
  const action = useAction();
  const [change, setChange] = useState<Change | null>(null);
  // The dialog's button takes the focus back when it closes, so the keyboard stays where it was.
  const opener = useRef<HTMLElement | null>(null);
  const ask = (next: Change, button: HTMLElement) => {
    opener.current = button;
    setDone(null);
    setChange(next);
  };
  const close = () => setChange(null);
  useEffect(() => {
    if (!change) opener.current?.focus();
  }, [change]);
  const [done, setDone] = useState<string | null>(null);
  const [resetLink, setResetLink] = useState<(ResetLinkDto & { for: string }) | null>(null);
  const createResetLink = (user: UserDto) =>
    action.run(async () => {
      setResetLink(null);
      setDone(null);
      const link = await http.post<ResetLinkDto>(`/admin/users/${user.id}/reset-link`);
      setResetLink({ ...link, for: user.displayName });
    });
  return (
    <section className="card" aria-labelledby="users-title">
      <h2 id="users-title">{t('admin.people.title')}</h2>
      <div className="field">
        <label htmlFor="user-search">{t('admin.people.search')}</label>
        <input id="user-search" type="search" value={q} onChange={(e) => setQ(e.target.value)} />
      </div>
      <div aria-live="polite">{done && <Alert tone="success">{done}</Alert>}</div>
      {action.error && <Alert tone="error">{action.error}</Alert>}
      {resetLink && <ResetLink link={resetLink} onClose={() => setResetLink(null)} />}
      {!users.data ? (
        <Pending loaded={users} />
      ) : (
        <ul className="people" aria-labelledby="users-title">
          {users.data.items.map((u) => (
            <li key={u.id} className="person">
              <div className="person-who">
                <h3 className="person-name" id={`person-${u.id}`}>
                  {u.displayName}
                  {u.id === me?.id && <span className="muted"> {t('admin.people.you')}</span>}
                </h3>
                <p className="person-email">{u.email}</p>
                <p className="muted">{t('admin.people.since', { date: formatDate(u.createdAt) })}</p>
              </div>
              <p className="person-role">
                <span className={`tag role-${u.role}`}>{roleWords(t, u.role).name}</span>{' '}
                <span className={u.disabled ? 'person-disabled' : 'muted'}>
                  {u.disabled ? t('admin.people.disabled') : t('admin.people.active')}
                </span>
              </p>
              <div className="person-actions">
                {/* Her own role and account are another admin's to change: the server refuses disabling oneself. */}
                {u.id === me?.id ? (
                  <p className="hint">{t('admin.people.yourOwn')}</p>
                ) : (
                  <>
                    <button
                      type="button"
                      className="button button-secondary"
                      aria-label={t('admin.people.changeRoleOf', { name: u.displayName })}
                      onClick={(e) => ask({ user: u, role: u.role }, e.currentTarget)}
                    >
                      {t('admin.people.changeRole')}
                    </button>
                    <button
                      type="button"
                      className="button-quiet"
                      aria-label={t(u.disabled ? 'admin.people.enableOf' : 'admin.people.disableOf', {
                        name: u.displayName,
                      })}
                      onClick={(e) => ask({ user: u, disabled: !u.disabled }, e.currentTarget)}
                    >
                      {u.disabled ? t('admin.people.enable') : t('admin.people.disable')}
                    </button>
                  </>
                )}
                <button
                  type="button"
                  className="button-quiet"
                  disabled={u.disabled || action.busy}
                  aria-label={t('admin.people.resetLinkFor', { name: u.displayName })}
                  onClick={() => void createResetLink(u)}
                >
                  {t('admin.people.resetLink')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {change && (
        <ConfirmChange
          change={change}
          onClose={close}
          onDone={(message) => {
            close();
            setDone(message);
            void users.reload();
          }}
        />
      )}
    </section>
  );
}

/** Asks before a role or an account changes, and says what the change will do. */
function ConfirmChange({
  change,
  onClose,
  onDone,
}: {
  change: Change;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const action = useAction();
  const [role, setRole] = useState<PlatformRole>('role' in change ? change.role : change.user.role);
  const name = change.user.displayName;
  const roleLabel = (r: PlatformRole) => roleWords(t, r).name;
  if ('role' in change) {
    const unchanged = role === change.user.role;
    return (
      <Dialog open title={t('admin.role.title', { name })} onClose={onClose}>
        <form
          onSubmit={(e) =>
            action.run(async () => {
              await http.patch(`/admin/users/${change.user.id}`, { role });
              onDone(t('admin.role.done', { name, role: roleLabel(role) }));
            }, e)
          }
        >
          <fieldset>
            <legend>{t('admin.role.legend')}</legend>
            {ROLES.map((r) => (
              <div className="check role-choice" key={r}>
                <input
                  type="radio"
                  name="role"
                  id={`role-choice-${r}`}
                  checked={role === r}
                  onChange={() => setRole(r)}
                  aria-describedby={`role-choice-${r}-hint`}
                />
                <label htmlFor={`role-choice-${r}`}>
                  <strong>{roleWords(t, r).name}</strong>
                  {r === change.user.role && ` ${t('admin.role.current')}`}
                  <span className="hint" id={`role-choice-${r}-hint`}>
                    {roleWords(t, r).hint}
                  </span>
                </label>
              </div>
            ))}
          </fieldset>
          {!unchanged && <p>{t('admin.role.effect', { name })}</p>}
          {action.error && <Alert tone="error">{action.error}</Alert>}
          <DialogButtons disabled={unchanged || action.busy} onCancel={onClose}>
            {unchanged ? t('admin.role.choose') : t('admin.role.confirm', { name, role: roleLabel(role) })}
          </DialogButtons>
        </form>
      </Dialog>
    );
  }
  const { disabled } = change;
  return (
    <Dialog
      open
      title={t(disabled ? 'admin.account.disableTitle' : 'admin.account.enableTitle', { name })}
      onClose={onClose}
    >
      <form
        onSubmit={(e) =>
          action.run(async () => {
            await http.patch(`/admin/users/${change.user.id}`, { disabled });
            onDone(t(disabled ? 'admin.account.disabled' : 'admin.account.enabled', { name }));
          }, e)
        }
      >
        <p>{t(disabled ? 'admin.account.disableEffect' : 'admin.account.enableEffect', { name })}</p>
        {action.error && <Alert tone="error">{action.error}</Alert>}
        <DialogButtons danger={disabled} disabled={action.busy} onCancel={onClose}>
          {t(disabled ? 'admin.account.disableConfirm' : 'admin.account.enableConfirm')}
        </DialogButtons>
      </form>
    </Dialog>
  );
}

/** A confirmation's two buttons: the change, said in words, and Cancel. */
function DialogButtons({
  danger = false,
  disabled,
  onCancel,
  children,
}: {
  danger?: boolean;
  disabled: boolean;
  onCancel: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div className="row">
      <button className={danger ? 'button button-danger' : 'button'} disabled={disabled}>
        {children}
      </button>
      <button type="button" className="button-quiet" onClick={onCancel}>
        {t('admin.cancel')}
      </button>
    </div>
  );
}

/** A one-time link to choose a new password, shown once, for the admin to hand over by another channel. */
function ResetLink({ link, onClose }: { link: ResetLinkDto & { for: string }; onClose: () => void }) {
  const { t } = useTranslation();
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
        <p>{t('admin.resetLink.explain', { name: link.for, time: formatTime(link.expiresAt) })}</p>
        <div className="field">
          <label htmlFor="reset-link">{t('admin.resetLink.label')}</label>
          <input id="reset-link" readOnly value={link.url} onFocus={(e) => e.target.select()} />
        </div>
        <div className="row">
          <button type="button" className="button button-secondary" onClick={() => void copy()}>
            {copied === 'yes' ? t('admin.resetLink.copied') : t('admin.resetLink.copy')}
          </button>
          {copied === 'by hand' && <span>{t('admin.resetLink.byHand')}</span>}
          <button type="button" className="button-quiet" onClick={onClose}>
            {t('admin.done')}
          </button>
        </div>
      </div>
    </Alert>
  );
}
