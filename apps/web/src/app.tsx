import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Navigate, Route, Routes, useLocation, useMatch } from 'react-router-dom';

import { SessionProvider, useSession } from './api/session';
import { ChatProvider } from './chat/chat-context';
import { SessionExpiredDialog } from './features/auth/session-expired';
import { SetupPage, SignInPage, SignUpPage } from './features/auth/auth-pages';
import { HomePage } from './features/home/home-page';
import { InvitePage } from './features/home/invite-page';
import { InviteWelcomePage } from './features/home/invite-welcome';
import { JournalPage } from './features/journal/journal-page';
import { EntryPage } from './features/journal/entry-page';
import { MoodPage } from './features/journal/mood-page';
import { AgreementPage } from './features/room/agreement-page';
import { RoomPage } from './features/room/room-page';
import { Layout } from './layout';
import { NotificationNavigation } from './pwa/service-worker';
import { Loading } from './ui/components';

// The facilitator console and the admin screens are for few people: they load only when opened. So do the
// screens no one opens first (the first load stays small on a phone): they load when asked for.
const ConsolePage = lazy(() => import('./features/console/console-page'));
const CheckInPage = lazy(() => import('./features/check-in/check-in-page'));
const AdminPage = lazy(() => import('./features/admin/admin-page'));
const AccountPage = lazy(() =>
  import('./features/account/account-page').then((m) => ({ default: m.AccountPage })),
);
const InstallPage = lazy(() =>
  import('./features/install/install-page').then((m) => ({ default: m.InstallPage })),
);
const ForgotPasswordPage = lazy(() =>
  import('./features/auth/recovery-pages').then((m) => ({ default: m.ForgotPasswordPage })),
);
const ResetPasswordPage = lazy(() =>
  import('./features/auth/recovery-pages').then((m) => ({ default: m.ResetPasswordPage })),
);
const VerifyEmailPage = lazy(() =>
  import('./features/auth/recovery-pages').then((m) => ({ default: m.VerifyEmailPage })),
);
const SessionsPage = lazy(() =>
  import('./features/journal/sessions-page').then((m) => ({ default: m.SessionsPage })),
);
const SafetyPlanPage = lazy(() =>
  import('./features/safety-plan/safety-plan-page').then((m) => ({ default: m.SafetyPlanPage })),
);
const QuestionnairesPage = lazy(() =>
  import('./features/questionnaires/questionnaires-page').then((m) => ({ default: m.QuestionnairesPage })),
);
const AccountDeletedPage = lazy(() =>
  import('./features/auth/account-deleted').then((m) => ({ default: m.AccountDeletedPage })),
);
const TakeQuestionnairePage = lazy(() =>
  import('./features/questionnaires/take-page').then((m) => ({ default: m.TakeQuestionnairePage })),
);

export function App() {
  return (
    <SessionProvider>
      <ChatProvider>
        <BrowserRouter>
          <NotificationNavigation />
          <Suspense fallback={<Loading />}>
            <Routes>
              <Route path="/setup" element={<SetupPage />} />
              <Route path="/signin" element={<SignInPage />} />
              <Route path="/signup" element={<SignUpPage />} />
              <Route path="/forgot-password" element={<ForgotPasswordPage />} />
              <Route path="/reset-password" element={<ResetPasswordPage />} />
              <Route path="/verify-email" element={<VerifyEmailPage />} />
              <Route path="/install" element={<InstallPage />} />
              <Route path="/account-deleted" element={<AccountDeletedPage />} />
              <Route element={<RequireSession />}>
                <Route path="/" element={<HomePage />} />
                <Route path="/invite/:code" element={<InvitePage />} />
                <Route path="/groups/:groupId" element={<RoomPage />} />
                <Route path="/groups/:groupId/agreement" element={<AgreementPage />} />
                <Route path="/check-ins/:checkInId" element={<CheckInPage />} />
                <Route
                  path="/groups/:groupId/console"
                  element={
                    <Suspense fallback={<Loading />}>
                      <ConsolePage />
                    </Suspense>
                  }
                />
                <Route path="/journal" element={<JournalPage />} />
                <Route path="/journal/new" element={<EntryPage />} />
                <Route path="/journal/entries/:entryId" element={<EntryPage />} />
                <Route path="/journal/mood" element={<MoodPage />} />
                <Route path="/journal/sessions" element={<SessionsPage />} />
                <Route path="/journal/safety-plan" element={<SafetyPlanPage />} />
                <Route path="/journal/questionnaires" element={<QuestionnairesPage />} />
                <Route path="/journal/questionnaires/:instrument" element={<TakeQuestionnairePage />} />
                <Route path="/account" element={<AccountPage />} />
                <Route
                  path="/admin"
                  element={
                    <Suspense fallback={<Loading />}>
                      <AdminPage />
                    </Suspense>
                  }
                />
              </Route>
              <Route path="*" element={<Navigate to="/" replace />} />
            </Routes>
          </Suspense>
        </BrowserRouter>
      </ChatProvider>
    </SessionProvider>
  );
}

/** Screens behind sign-in. An expired session keeps the screen (and its drafts) under a sign-in dialog. */
function RequireSession() {
  const { t } = useTranslation();
  const { status, instance } = useSession();
  const location = useLocation();
  const invitation = useMatch('/invite/:code');
  if (status === 'loading') return <Loading label={t('common.opening')} />;
  if (status === 'offline') return <Layout offline />;
  if (status === 'signedOut' && invitation && !instance?.needsSetup) {
    return <InviteWelcomePage code={invitation.params.code ?? ''} />;
  }
  if (status === 'signedOut') {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={instance?.needsSetup ? '/setup' : `/signin?next=${next}`} replace />;
  }
  return (
    <>
      <Layout />
      {status === 'expired' && <SessionExpiredDialog />}
    </>
  );
}
