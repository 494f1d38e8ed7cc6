import { useTranslation } from 'react-i18next';

import { useSession } from '../../api/session';
import { Dialog } from '../../ui/components';
import { SignInForm } from './sign-in-form';

/** The session ended (expired or revoked): sign in again over the current screen, so nothing typed is lost. */
export function SessionExpiredDialog() {
  const { t } = useTranslation();
  const session = useSession();
  return (
    <Dialog open title={t('auth.expired.title')} onClose={() => undefined}>
      <p>{t('auth.expired.body')}</p>
      <SignInForm initialEmail={session.user?.email}>
        {(busy) => (
          <div className="row">
            <button className="button" disabled={busy}>
              {t('auth.signIn.submit')}
            </button>
            <button type="button" className="button-quiet" onClick={() => void session.signOut()}>
              {t('auth.expired.signOut')}
            </button>
          </div>
        )}
      </SignInForm>
    </Dialog>
  );
}
