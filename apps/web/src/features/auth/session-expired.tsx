import { useSession } from '../../api/session';
import { Dialog } from '../../ui/components';
import { SignInForm } from './sign-in-form';

/** The session ended (expired or revoked): sign in again over the current screen, so nothing typed is lost. */
export function SessionExpiredDialog() {
  const session = useSession();
  return (
    <Dialog open title="Please sign in again" onClose={() => undefined}>
      <p>Your session has ended. What you were writing is still here.</p>
      <SignInForm initialEmail={session.user?.email}>
        {(busy) => (
          <div className="row">
            <button className="button" disabled={busy}>
              Sign in
            </button>
            <button type="button" className="button-quiet" onClick={() => void session.signOut()}>
              Sign out instead
            </button>
          </div>
        )}
      </SignInForm>
    </Dialog>
  );
}
