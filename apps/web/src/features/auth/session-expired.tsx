import { useState } from 'react';

import { useSession } from '../../api/session';
import { Alert, Dialog, Field, useAction } from '../../ui/components';

/** The session ended (expired or revoked): sign in again over the current screen, so nothing typed is lost. */
export function SessionExpiredDialog() {
  const session = useSession();
  const [password, setPassword] = useState('');
  const [email, setEmail] = useState(session.user?.email ?? '');
  const action = useAction();
  return (
    <Dialog open title="Please sign in again" onClose={() => undefined}>
      <p>Your session has ended. What you were writing is still here.</p>
      <form onSubmit={(e) => action.run(() => session.signIn(email, password), e)}>
        <Field
          label="Email"
          type="email"
          autoComplete="email"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
        <Field
          label="Password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        {action.error && <Alert tone="error">{action.error}</Alert>}
        <div className="row">
          <button className="button" disabled={action.busy}>
            Sign in
          </button>
          <button type="button" className="button-quiet" onClick={() => void session.signOut()}>
            Sign out instead
          </button>
        </div>
      </form>
    </Dialog>
  );
}
