import { useState, type ReactNode } from 'react';

import { useSession } from '../../api/session';
import { Alert, Field, useAction } from '../../ui/components';

/** Email and password, used by the sign-in page and by the dialog that renews an ended session. */
export function SignInForm({
  initialEmail = '',
  onSignedIn,
  children,
}: {
  initialEmail?: string;
  onSignedIn?: () => void;
  /** The submit button and anything beside it; it gets `busy`. */
  children: (busy: boolean) => ReactNode;
}) {
  const session = useSession();
  const [email, setEmail] = useState(initialEmail);
  const [password, setPassword] = useState('');
  const action = useAction();
  return (
    <form
      onSubmit={(e) =>
        action.run(async () => {
          await session.signIn(email, password);
          onSignedIn?.();
        }, e)
      }
    >
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
      {children(action.busy)}
    </form>
  );
}
