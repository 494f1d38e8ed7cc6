import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

import { AuthFrame } from './auth-frame';

/** Where a deleted account ends: it says plainly that it is gone, and leaves the door open. */
export function AccountDeletedPage() {
  const { t } = useTranslation();
  return (
    <AuthFrame title={t('auth.deleted.title')}>
      <p>{t('auth.deleted.body')}</p>
      <p>{t('auth.deleted.care')}</p>
      <p>
        <Link to="/signup">{t('auth.deleted.again')}</Link>
      </p>
    </AuthFrame>
  );
}
