import { useState } from 'react';
import { NavLink, Outlet } from 'react-router-dom';

import { useSession } from './api/session';
import { useConnectionState } from './chat/chat-context';
import { AlertsTray } from './features/safety/alerts-tray';
import { HelpPanel } from './features/safety/help-panel';

export function Layout() {
  const { user } = useSession();
  const connection = useConnectionState();
  const [helpOpen, setHelpOpen] = useState(false);
  const resources = connection?.resources ?? null;
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
      {connection?.status === 'offline' && (
        <div className="offline-banner" role="status">
          You are offline. Messages you write are kept and sent when you are back.
        </div>
      )}
      {connection && connection.alerts.length > 0 && <AlertsTray connection={connection} />}
      <main id="main" tabIndex={-1}>
        <Outlet />
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
