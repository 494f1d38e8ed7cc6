import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { Alert, Dialog, Field, useAction } from './components';

/** A change only the account's owner should make (erasure, removing a second factor): the password first. */
export function PasswordDialog({
  open,
  title,
  intro,
  confirm,
  cancel,
  danger = false,
  onClose,
  onConfirm,
}: {
  open: boolean;
  title: string;
  intro: string;
  confirm: string;
  cancel?: string;
  danger?: boolean;
  onClose: () => void;
  onConfirm: (password: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const action = useAction();
  return (
    <Dialog open={open} title={title} onClose={onClose}>
      <form
        onSubmit={(e) =>
          action.run(async () => {
            await onConfirm(password);
            setPassword('');
          }, e)
        }
      >
        <p>{intro}</p>
        <Field
          label={t('common.confirmPassword')}
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={action.fieldError('password')}
        />
        {action.error && !action.fieldError('password') && <Alert tone="error">{action.error}</Alert>}
        <div className="row">
          <button className={danger ? 'button button-danger' : 'button'} disabled={action.busy}>
            {confirm}
          </button>
          <button type="button" className="button-quiet" onClick={onClose}>
            {cancel ?? t('common.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
