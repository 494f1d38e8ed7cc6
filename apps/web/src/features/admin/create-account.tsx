import type { CreatedUserDto, PlatformRole } from '@hearth/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { ApiError, http } from '../../api/http';
import { Alert, Field, useAction } from '../../ui/components';
import { roleWords } from './role-name';

const EMPTY_ACCOUNT = { email: '', displayName: '', role: 'member' as CreatedRole, password: '' };
type CreatedRole = Extract<PlatformRole, 'facilitator' | 'member'>;

/** An account made by an admin: with a password they choose, or a temporary one the server shows once. */
export function CreateAccount({ onCreated }: { onCreated: () => void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState(EMPTY_ACCOUNT);
  const [created, setCreated] = useState<CreatedUserDto | null>(null);
  // The sign-up screen's words for a taken address ("try signing in") speak to its owner, not to an admin.
  const [taken, setTaken] = useState<string | null>(null);
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
          setTaken(null);
          const { password, ...rest } = form;
          try {
            setCreated(await http.post<CreatedUserDto>('/admin/users', password ? form : rest));
          } catch (error) {
            if (!(error instanceof ApiError && error.body.code === 'EMAIL_TAKEN')) throw error;
            setTaken(form.email);
            return;
          }
          setForm(EMPTY_ACCOUNT);
          onCreated();
        }, e)
      }
    >
      <h2 id="create-account-title">{t('admin.create.title')}</h2>
      <p className="muted">{t('admin.create.lead')}</p>
      <Field
        label={t('admin.create.email')}
        type="email"
        autoComplete="off"
        required
        value={form.email}
        onChange={(e) => {
          setTaken(null);
          set('email')(e);
        }}
        error={taken ? t('admin.create.emailTaken') : action.fieldError('email')}
      />
      <Field
        label={t('admin.create.displayName')}
        hint={t('admin.create.displayNameHint')}
        required
        value={form.displayName}
        onChange={set('displayName')}
        error={action.fieldError('displayName')}
      />
      <div className="field">
        <label htmlFor="new-account-role">{t('admin.create.role')}</label>
        <select
          id="new-account-role"
          value={form.role}
          onChange={set('role')}
          aria-describedby={action.fieldError('role') ? 'new-account-role-error' : undefined}
        >
          <option value="member">{roleWords(t, 'member').name}</option>
          <option value="facilitator">{roleWords(t, 'facilitator').name}</option>
        </select>
        {action.fieldError('role') && (
          <p className="field-error" id="new-account-role-error">
            {action.fieldError('role')}
          </p>
        )}
      </div>
      <Field
        label={t('admin.create.password')}
        hint={t('admin.create.passwordHint')}
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
            {t('admin.create.created', {
              name: created.displayName,
              email: created.email,
              role: roleWords(t, created.role).name.toLowerCase(),
            })}
          </p>
          {created.temporaryPassword && (
            <p>
              {t('admin.create.temporary')} <code>{created.temporaryPassword}</code>.{' '}
              {t('admin.create.temporaryHandOver')}
            </p>
          )}
        </Alert>
      )}
      <button className="button" disabled={action.busy}>
        {t('admin.create.submit')}
      </button>
    </form>
  );
}
