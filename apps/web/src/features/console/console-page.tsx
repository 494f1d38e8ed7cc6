import type { GroupDto } from '@hearth/contracts';
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
  ['queue', 'Queue'],
  ['incidents', 'Crisis incidents'],
  ['members', 'Members'],
  ['room', 'Room'],
  ['agreement', 'Agreement'],
  ['invites', 'Invites'],
  ['requests', 'Join requests'],
  ['meetings', 'Meetings'],
  ['reflections', 'Shared with you'],
  ['questionnaires', 'Questionnaires'],
  ['audit', 'Audit log'],
] as const;
type Tab = (typeof TABS)[number][0];

/** The facilitator console: for this group's facilitators and for admins, loaded only when opened. */
export default function ConsolePage() {
  const { groupId = '' } = useParams();
  const { user } = useSession();
  const [params, setParams] = useSearchParams();
  const roleVersion = useRoleVersion();
  const group = useLoad(() => http.get<GroupDto>(`/groups/${groupId}`), [groupId, roleVersion, user?.role]);
  const tab = (TABS.find(([key]) => key === params.get('tab'))?.[0] ?? 'queue') as Tab;
  if (!group.data) return <Pending loaded={group} />;
  const allowed = user?.role === 'admin' || group.data.membership?.role === 'facilitator';
  if (!allowed) return <Alert tone="error">The console is for this group’s facilitators.</Alert>;
  return (
    <div className="page wide">
      <p>
        <Link to={`/groups/${groupId}`}>← Back to the conversation</Link>
      </p>
      <h1>{group.data.name}: console</h1>
      {group.data.activeFacilitators === 0 && group.data.status === 'active' && <NoFacilitatorWarning />}
      {/* On a phone the eleven sections are one select, not four rows of tabs. */}
      <div className="field console-select">
        <label htmlFor="console-section">Console section</label>
        <select id="console-section" value={tab} onChange={(e) => setParams({ tab: e.target.value })}>
          {TABS.map(([key, label]) => (
            <option key={key} value={key}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <div className="tabs console-tabs" role="tablist" aria-label="Console sections">
        {TABS.map(([key, label]) => (
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
            {label}
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
