import type { InvitePreviewDto } from '@hearth/contracts';
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
  const session = useSession();
  const preview = useLoad(
    () => http.get<InvitePreviewDto>(`/invites/${encodeURIComponent(code)}/preview`, { anonymous: true }),
    [code],
  );
  const signIn = `/signin?next=${encodeURIComponent(`/invite/${code}`)}`;
  if (preview.loading && !preview.data) return <Loading label="Opening your invitation" />;
  const invite = preview.data;
  if (!invite) {
    return (
      <AuthFrame title="Invitation">
        <Alert tone="error">{preview.error ?? 'This invitation does not work any more.'}</Alert>
        <p>Ask your facilitator for a new link.</p>
        <p>
          <Link to={signIn}>Sign in</Link>
        </p>
      </AuthFrame>
    );
  }
  const openRegistration = session.instance?.registration !== 'invite';
  return (
    <AuthFrame title={`You are invited to ${invite.groupName}`}>
      {invite.description && <p className="lead">{invite.description}</p>}
      <section className="invite-agreement" aria-labelledby="invite-agreement-title">
        <h2 id="invite-agreement-title">The group&rsquo;s agreement</h2>
        {invite.agreementIntro && <Markdown text={invite.agreementIntro} />}
        {invite.agreementTopics.length > 0 && (
          <>
            <p id="invite-topics">It covers:</p>
            <ul aria-labelledby="invite-topics">
              {invite.agreementTopics.map((topic) => (
                <li key={topic}>{topic}</li>
              ))}
            </ul>
          </>
        )}
        <p className="muted">You read all of it, and accept it, before you join.</p>
      </section>
      {openRegistration ? (
        <section aria-labelledby="invite-account-title">
          <h2 id="invite-account-title">Create your account to join</h2>
          <AccountForm submitLabel="Create account" onDone={() => undefined} />
          <p>
            Already have an account? <Link to={signIn}>Sign in</Link>
          </p>
        </section>
      ) : (
        <p>
          <Link className="button button-wide" to={signIn}>
            Sign in to join
          </Link>
        </p>
      )}
    </AuthFrame>
  );
}
