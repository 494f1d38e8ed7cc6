import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { HelpPanel } from '../safety/help-panel';

/**
 * The card that holds the sign-in, sign-up, invitation and recovery screens. Help now is here too: someone in
 * crisis may reach Hearth signed out (a forgotten password, an invitation on a bad night), and the lines must be
 * one press away before any account (the built-in or last-saved lines, without a session).
 */
export function AuthFrame({
  title,
  intro,
  children,
}: {
  title: string;
  intro?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const [helpOpen, setHelpOpen] = useState(false);
  return (
    <main id="main" className="auth-frame">
      <button type="button" className="help-button auth-help" onClick={() => setHelpOpen(true)}>
        {t('nav.helpNow')}
      </button>
      <div className="card auth-card">
        <p className="brand brand-large" aria-hidden="true">
          <img src="/favicon.svg" alt="" width="36" height="36" /> Hearth
        </p>
        <h1>{title}</h1>
        {intro && <p className="lead">{intro}</p>}
        {children}
      </div>
      <HelpPanel open={helpOpen} pushed={null} onClose={() => setHelpOpen(false)} />
    </main>
  );
}
