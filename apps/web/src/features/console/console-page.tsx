import type { GroupDto } from '@hearth/contracts';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';

import { http } from '../../api/http';
import { useSession } from '../../api/session';
import { useRoleVersion } from '../../chat/chat-context';
import { Alert, NoFacilitatorWarning, Pending } from '../../ui/components';
import { useLoad } from '../../ui/use-load';
import { AuditTab } from './audit-tab';
import {
  AgreementTab,
  InvitesTab,
  JoinRequestsTab,
  MeetingsTab,
  ReflectionsTab,
  RoomTab,
} from './group-tabs';
import { IncidentsTab, MembersTab, QueueTab } from './moderation-tabs';
import { QuestionnairesTab } from './questionnaires-tab';

const TABS = [
  'queue',
  'incidents',
  'members',
  'room',
  'agreement',
  'invites',
  'requests',
  'meetings',
  'reflections',
  'questionnaires',
  'audit',
] as const;
type Tab = (typeof TABS)[number];

function tabLabel(t: TFunction, tab: Tab): string {
  const labels: Record<Tab, string> = {
    queue: t('console.tabs.queue'),
    incidents: t('console.tabs.incidents'),
    members: t('console.tabs.members'),
    room: t('console.tabs.room'),
    agreement: t('console.tabs.agreement'),
    invites: t('console.tabs.invites'),
    requests: t('console.tabs.requests'),
    meetings: t('console.tabs.meetings'),
    reflections: t('console.tabs.reflections'),
    questionnaires: t('console.tabs.questionnaires'),
    audit: t('console.tabs.audit'),
  };
  return labels[tab];
}

/** The facilitator console: for this group's facilitators and for admins, loaded only when opened. */
export default function ConsolePage() {
  const { t } = useTranslation();
  const { groupId = '' } = useParams();
  const { user } = useSession();
  const [params, setParams] = useSearchParams();
  const roleVersion = useRoleVersion();
  const group = useLoad(() => http.get<GroupDto>(`/groups/${groupId}`), [groupId, roleVersion, user?.role]);
  const tab: Tab = TABS.find((key) => key === params.get('tab')) ?? 'queue';
  if (!group.data) return <Pending loaded={group} />;
  const allowed = user?.role === 'admin' || group.data.membership?.role === 'facilitator';
  if (!allowed) return <Alert tone="error">{t('console.onlyFacilitators')}</Alert>;
  return (
    <div className="page wide">
      <p>
        <Link className="back-link" to={`/groups/${groupId}`}>
          {t('console.back')}
        </Link>
      </p>
      <h1>{t('console.title', { name: group.data.name })}</h1>
      {group.data.activeFacilitators === 0 && group.data.status === 'active' && <NoFacilitatorWarning />}
      {/* On a phone the eleven sections are one select, not four rows of tabs. */}
      <div className="field console-select">
        <label htmlFor="console-section">{t('console.section')}</label>
        <select id="console-section" value={tab} onChange={(e) => setParams({ tab: e.target.value })}>
          {TABS.map((key) => (
            <option key={key} value={key}>
              {tabLabel(t, key)}
            </option>
          ))}
        </select>
      </div>
      <div className="tabs console-tabs" role="tablist" aria-label={t('console.sections')}>
        {TABS.map((key) => (
          <button
            key={key}
            type="button"
            role="tab"
            id={`tab-${key}`}
            aria-selected={tab === key}
            aria-controls="console-panel"
            className="tab"
            onClick={() => setParams({ tab: key })}
          >
            {tabLabel(t, key)}
          </button>
        ))}
      </div>
      <section id="console-panel" role="tabpanel" aria-labelledby={`tab-${tab}`} className="tab-panel">
        {tab === 'queue' && <QueueTab groupId={groupId} />}
        {tab === 'incidents' && <IncidentsTab groupId={groupId} linked={params.get('incident')} />}
        {tab === 'members' && <MembersTab groupId={groupId} />}
        {tab === 'room' && <RoomTab groupId={groupId} />}
        {tab === 'agreement' && <AgreementTab groupId={groupId} />}
        {tab === 'invites' && <InvitesTab groupId={groupId} />}
        {tab === 'requests' && <JoinRequestsTab groupId={groupId} />}
        {tab === 'meetings' && <MeetingsTab groupId={groupId} />}
        {tab === 'reflections' && <ReflectionsTab groupId={groupId} />}
        {tab === 'questionnaires' && <QuestionnairesTab groupId={groupId} />}
        {tab === 'audit' && <AuditTab groupId={groupId} />}
      </section>
    </div>
  );
}
