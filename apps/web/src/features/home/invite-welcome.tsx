import type { InvitePreviewDto } from '@hearth/contracts';
import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

import { http } from '../../api/http';
import { useSession } from '../../api/session';
import { Alert, Loading } from '../../ui/components';
import { Markdown } from '../../ui/markdown';
import { useLoad } from '../../ui/use-load';
import { AccountForm } from '../auth/auth-pages';
import { AuthFrame } from '../auth/auth-frame';

/**
 * `/invite/:code` before sign-in: who is inviting, what the group is and what it agrees to, then an account.
 * Once signed up or in, the same address shows the join form.
 */
export function InviteWelcomePage({ code }: { code: string }) {
  const { t } = useTranslation();
  const session = useSession();
  const preview = useLoad(
    () => http.get<InvitePreviewDto>(`/invites/${encodeURIComponent(code)}/preview`, { anonymous: true }),
    [code],
  );
  const signIn = `/signin?next=${encodeURIComponent(`/invite/${code}`)}`;
  if (preview.loading && !preview.data) return <Loading label={t('home.invite.opening')} />;
  const invite = preview.data;
  if (!invite) {
    return (
      <AuthFrame title={t('home.invite.title')}>
        <Alert tone="error">{preview.error ?? t('home.invite.broken')}</Alert>
        <p>{t('home.invite.askNew')}</p>
        <p>
          <Link to={signIn}>{t('auth.signIn.submit')}</Link>
        </p>
      </AuthFrame>
    );
  }
  const openRegistration = session.instance?.registration !== 'invite';
  return (
    <AuthFrame title={t('home.invite.invited', { name: invite.groupName })}>
      {invite.description && <p className="lead">{invite.description}</p>}
      <section className="invite-agreement" aria-labelledby="invite-agreement-title">
        <h2 id="invite-agreement-title">{t('home.invite.agreementTitle')}</h2>
        {invite.agreementIntro && <Markdown text={invite.agreementIntro} />}
        {invite.agreementTopics.length > 0 && (
          <>
            <p id="invite-topics">{t('home.invite.covers')}</p>
            <ul aria-labelledby="invite-topics">
              {invite.agreementTopics.map((topic) => (
                <li key={topic}>{topic}</li>
              ))}
            </ul>
          </>
        )}
        <p className="muted">{t('home.invite.readFirst')}</p>
      </section>
      {openRegistration ? (
        <section aria-labelledby="invite-account-title">
          <h2 id="invite-account-title">{t('home.invite.accountTitle')}</h2>
          <AccountForm submitLabel={t('auth.signUp.submit')} onDone={() => undefined} />
          <p>
            <Trans i18nKey="auth.signUp.haveAccount" components={{ signin: <Link to={signIn} /> }} />
          </p>
        </section>
      ) : (
        <p>
          <Link className="button button-wide" to={signIn}>
            {t('home.invite.signInToJoin')}
          </Link>
        </p>
      )}
    </AuthFrame>
  );
}
