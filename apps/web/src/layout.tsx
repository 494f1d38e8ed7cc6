import type { TwoFactorStatusDto } from '@hearth/contracts';
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
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
  const { t } = useTranslation();
  // Signed in, with a network, yet the session could not be opened: the server is what is missing.
  const serverDown = offline && navigator.onLine;
  useUnreadBadge();
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <header className="topbar">
        <NavLink to="/" className="brand" aria-label={t('nav.home')}>
          <img src="/favicon.svg" alt="" width="28" height="28" />
          <span className="brand-name">Hearth</span>
        </NavLink>
        <nav aria-label={t('nav.main')}>
          <NavLink to="/">{t('nav.groups')}</NavLink>
          <NavLink to="/journal">{t('nav.journal')}</NavLink>
          <NavLink to="/account">{t('nav.account')}</NavLink>
          {user?.role === 'admin' && <NavLink to="/admin">{t('nav.admin')}</NavLink>}
        </nav>
        <button type="button" className="help-button" onClick={() => setHelpOpen(true)}>
          {t('nav.helpNow')}
        </button>
      </header>
      {offline && (
        <div className="offline-banner" role="status">
          {t(serverDown ? 'shell.serverDownNoSession' : 'shell.offlineNoSession')}
        </div>
      )}
      {connection?.status === 'offline' && (
        <div className="offline-banner" role="status">
          {t('shell.offlineKept')}
        </div>
      )}
      {connection?.status === 'unreachable' && (
        <div className="offline-banner server-down-banner" role="status">
          {t('shell.serverDown')}
        </div>
      )}
      {setupRequired && (
        <div className="offline-banner" role="status">
          <Trans
            i18nKey="shell.staffToolsOff"
            values={{ role: t(user?.role === 'admin' ? 'shell.roleAdmin' : 'shell.roleFacilitator') }}
            components={{ setup: <Link to="/account#two-factor" /> }}
          />
        </div>
      )}
      {connection && connection.alerts.length > 0 && <AlertsTray connection={connection} />}
      <main id="main" tabIndex={-1}>
        {offline ? (
          <div className="page">
            <h1>{t(serverDown ? 'shell.serverDownTitle' : 'shell.offlineTitle')}</h1>
            <p>{t(serverDown ? 'shell.serverDownBody' : 'shell.offlineBody')}</p>
            <div className="row">
              <button type="button" className="button" onClick={() => setHelpOpen(true)}>
                {t('shell.showLines')}
              </button>
              {serverDown && (
                <button
                  type="button"
                  className="button button-secondary"
                  onClick={() => window.location.reload()}
                >
                  {t('shell.tryAgain')}
                </button>
              )}
            </div>
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
