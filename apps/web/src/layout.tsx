import type { TwoFactorStatusDto } from '@hearth/contracts';
import { useState } from 'react';
import { Link, NavLink, Outlet, useLocation } from 'react-router-dom';

import { http } from './api/http';
import { useSession } from './api/session';
import { useConnectionState } from './chat/chat-context';
import { useUnreadBadge } from './chat/unread-badge';
import { AlertsTray } from './features/safety/alerts-tray';
import { HelpPanel } from './features/safety/help-panel';
import { useLoad } from './ui/use-load';

/** Staff whose second factor is required but missing act as members: say so on every screen, with the way out. */
function useSecondFactorSetupRequired(): boolean {
  const { user } = useSession();
  const { pathname } = useLocation();
  const staff = user !== null && user.role !== 'member';
  const status = useLoad(
    () => (staff ? http.get<TwoFactorStatusDto>('/me/two-factor') : Promise.resolve(null)),
    [staff, user, pathname],
  );
  return status.data?.setupRequired === true;
}

/** `offline`: the session could not be opened for want of a network; the shell and Help now still work. */
export function Layout({ offline = false }: { offline?: boolean }) {
  const { user } = useSession();
  const connection = useConnectionState();
  const [helpOpen, setHelpOpen] = useState(false);
  const resources = connection?.resources ?? null;
  const setupRequired = useSecondFactorSetupRequired();
  useUnreadBadge();
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <NavLink to="/" className="brand" aria-label="Hearth, home">
          <img src="/favicon.svg" alt="" width="28" height="28" />
          <span>Hearth</span>
        </NavLink>
        <nav aria-label="Main">
          <NavLink to="/">Groups</NavLink>
          <NavLink to="/journal">Journal</NavLink>
          <NavLink to="/account">Account</NavLink>
          {user?.role === 'admin' && <NavLink to="/admin">Admin</NavLink>}
        </nav>
        <button type="button" className="help-button" onClick={() => setHelpOpen(true)}>
          Help now
        </button>
      </header>
      {offline && (
        <div className="offline-banner" role="status">
          You are offline. Hearth will open your groups and journal when you are back online. Help now works
          without the internet.
        </div>
      )}
      {connection?.status === 'offline' && (
        <div className="offline-banner" role="status">
          You are offline. Messages you write are kept and sent when you are back.
        </div>
      )}
      {setupRequired && (
        <div className="offline-banner" role="status">
          Your {user?.role === 'admin' ? 'admin' : 'facilitator'} tools are off until you{' '}
          <Link to="/account#two-factor">set up two-step verification</Link>.
        </div>
      )}
      {connection && connection.alerts.length > 0 && <AlertsTray connection={connection} />}
      <main id="main" tabIndex={-1}>
        {offline ? (
          <div className="page">
            <h1>You are offline</h1>
            <p>
              Hearth needs the internet to open your groups and journal. It carries on by itself when the
              connection comes back.
            </p>
            <button type="button" className="button" onClick={() => setHelpOpen(true)}>
              Show the crisis lines
            </button>
          </div>
        ) : (
          <Outlet />
        )}
      </main>
      <HelpPanel
        open={helpOpen || resources !== null}
        pushed={resources}
        onClose={() => {
          setHelpOpen(false);
          connection?.clearResources();
        }}
      />
    </div>
  );
}
