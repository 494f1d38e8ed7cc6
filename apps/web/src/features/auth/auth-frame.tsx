import type { ReactNode } from 'react';

/** The card that holds the sign-in, sign-up and recovery screens. */
export function AuthFrame({
  title,
  intro,
  children,
}: {
  title: string;
  intro?: string;
  children: ReactNode;
}) {
  return (
    <main id="main" className="auth-frame">
      <div className="card auth-card">
        <p className="brand brand-large" aria-hidden="true">
          <img src="/favicon.svg" alt="" width="36" height="36" /> Hearth
        </p>
        <h1>{title}</h1>
        {intro && <p className="lead">{intro}</p>}
        {children}
      </div>
    </main>
  );
}
