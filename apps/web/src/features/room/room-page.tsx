import type { GroupDto, MemberDto, MessageDto, NoticeEvent } from '@hearth/contracts';
import type { TFunction } from 'i18next';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams } from 'react-router-dom';

import { ackText, http } from '../../api/http';
import { useRoleVersion, useRoom } from '../../chat/chat-context';
import type { RoomLine, RoomSnapshot, RoomStore } from '../../chat/room-store';
import { Alert, Dialog, Loading, useAction, Pending } from '../../ui/components';
import { useLoad } from '../../ui/use-load';
import { StartCheckIn } from '../check-in/start-check-in';
import { Composer } from './composer';
import type { MessageActions, ModerationStep } from './message-item';
import { ModerationDialog } from './moderation-dialog';
import { formatInstant } from '../../ui/local-time';
import { useClockTime } from './room-time';
import { conversationActions, Timeline } from './timeline';

export function RoomPage() {
  const { groupId = '' } = useParams();
  const roleVersion = useRoleVersion();
  const group = useLoad(() => http.get<GroupDto>(`/groups/${groupId}`), [groupId, roleVersion]);
  const hidden = useLoad(() => http.get<string[]>(`/groups/${groupId}/hidden-members`), [groupId]);
  // The peers' view even for facilitators: pseudonyms to mention, never accounts (nor a line in anyone's access log).
  const members = useLoad(() => http.get<MemberDto[]>(`/groups/${groupId}/members?view=peer`), [groupId]);
  const { store, room } = useRoom(groupId);
  const { t } = useTranslation();
  // Someone here now whom the list does not know joined since it was read: read it again, once for each.
  const { data: memberList, reload: reloadMembers } = members;
  const askedAbout = useRef(new Set<string>());
  const online = room?.online;
  useEffect(() => {
    if (!online || !memberList) return;
    const known = new Set(memberList.map((m) => m.membershipId));
    const newcomers = online.filter((id) => !known.has(id) && !askedAbout.current.has(id));
    if (newcomers.length === 0) return;
    for (const id of newcomers) askedAbout.current.add(id);
    void reloadMembers();
  }, [online, memberList, reloadMembers]);
  if (!group.data) return <Pending loaded={group} />;
  const membership = group.data.membership;
  if (membership?.consentRequired) return <Navigate to={`/groups/${groupId}/agreement`} replace />;
  if (!store || !room) return <Loading label={t('room.connecting')} />;
  // A new agreement was published while I was here: read it before writing again.
  if (room.notice?.kind === 'consent.required')
    return <Navigate to={`/groups/${groupId}/agreement`} replace />;
  return (
    <Room
      group={group.data}
      store={store}
      room={room}
      hidden={hidden.data ?? []}
      onHiddenChange={(ids) => hidden.setData(ids)}
      members={members.data ?? []}
    />
  );
}

function Room({
  group,
  store,
  room,
  hidden,
  onHiddenChange,
  members,
}: {
  group: GroupDto;
  store: RoomStore;
  room: RoomSnapshot;
  hidden: string[];
  onHiddenChange: (ids: string[]) => void;
  members: MemberDto[];
}) {
  const { t, i18n } = useTranslation();
  const time = useClockTime();
  const me = group.membership?.id ?? null;
  const mentionable = members.flatMap(({ membershipId, pseudonym }) =>
    pseudonym && membershipId !== me ? [{ membershipId, pseudonym }] : [],
  );
  const facilitating = group.membership?.role === 'facilitator';
  const [replyTo, setReplyTo] = useState<MessageDto | null>(null);
  const [reporting, setReporting] = useState<MessageDto | null>(null);
  const [moderating, setModerating] = useState<{ message: MessageDto; step: ModerationStep } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const list = useRef<HTMLDivElement>(null);
  const stick = useRef(true);

  // New messages from others are read out in a polite live region (the timeline itself is not a live region,
  // so scrolling back through history stays quiet).
  const [announcement, setAnnouncement] = useState('');
  const lastAnnounced = useRef(room.lastSeq);
  useEffect(() => {
    const fresh = room.timeline.filter(
      (m) => (m.seq ?? 0) > lastAnnounced.current && m.author?.membershipId !== me && !m.deleted,
    );
    lastAnnounced.current = Math.max(lastAnnounced.current, room.lastSeq);
    const latest = fresh.at(-1);
    if (latest && room.joined)
      setAnnouncement(
        t('room.announce', {
          name: latest.author?.pseudonym ?? t('room.message.someone'),
          text: latest.body ?? '',
        }),
      );
  }, [room.timeline, room.lastSeq, room.joined, me, t]);

  useLayoutEffect(() => {
    const element = list.current;
    if (element && stick.current) element.scrollTop = element.scrollHeight;
  }, [room.timeline.length, room.pending.length, room.held.length]);

  useEffect(() => {
    const read = () => {
      if (document.visibilityState === 'visible') store.markRead();
    };
    read();
    // Messages that came while the tab was hidden are read when it is shown again.
    document.addEventListener('visibilitychange', read);
    return () => document.removeEventListener('visibilitychange', read);
  }, [store, room.lastSeq]);

  const actions: MessageActions = {
    ...conversationActions({
      store,
      groupId: group.id,
      confirmDelete: t('room.confirmDelete'),
      problem: setProblem,
      onHidden: onHiddenChange,
    }),
    reply: setReplyTo,
    report: setReporting,
    moderate: (message, step) => setModerating({ message, step }),
  };

  const state = room.state;
  // Why no one in my place can post here now, whatever any mute says.
  const closed =
    group.status === 'archived'
      ? t('room.blocked.archived')
      : state?.mode === 'read_only' && !facilitating
        ? t('room.blocked.readOnly')
        : null;
  // The reason of my mute is the server's (it survives a reload), said once, with the mute itself.
  const muteReason =
    state?.muteReason ?? (room.notice?.kind === 'moderation.muted' ? room.notice.reason : null) ?? null;
  const blocked = room.outOfGroup
    ? { text: t('room.blocked.outOfGroup'), reason: null }
    : group.status !== 'archived' && state?.muted
      ? {
          text: state.mutedUntil
            ? t('room.blocked.mutedUntil', { until: formatInstant('full', state.mutedUntil) })
            : t('room.blocked.muted'),
          reason: muteReason,
        }
      : closed
        ? { text: closed, reason: null }
        : null;
  const notice = room.notice?.kind === 'moderation.muted' && state?.muted ? null : room.notice;
  // The end of a mute says whether I can post now, from the room's posting rule, not only that the mute ended.
  const noticeText =
    notice?.kind === 'moderation.unmuted'
      ? closed
        ? `${t('room.notice.unmuted')} ${closed}`
        : `${t('room.notice.unmuted')} ${t('room.notice.canPost')}`
      : notice && noticeWords(notice, t, facilitating);
  const typing = room.typing.filter((x) => x.membershipId !== me);
  const pseudonyms = new Map(members.map((m) => [m.membershipId, m.pseudonym]));
  const here = room.online
    .filter((id) => id !== me)
    .map((id) => pseudonyms.get(id))
    .filter((name): name is string => Boolean(name));
  const list_ = (names: string[]) =>
    new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(names);

  return (
    <div className="room">
      <header className="room-head">
        <div className="room-title">
          <h1>{group.name}</h1>
          <p className="presence">
            {room.joined &&
              (here.length === 0 && me !== null && room.online.includes(me)
                ? t('room.head.onlyYou')
                : t('room.head.hereNow', { count: room.online.length }))}
            {room.joined && here.length > 0 && (
              <span>: {list_(me && room.online.includes(me) ? [...here, t('room.head.you')] : here)}</span>
            )}
            {state?.mode === 'slow' && state.slowSeconds
              ? `${room.joined ? ' · ' : ''}${t('room.head.slow', { seconds: state.slowSeconds })}`
              : ''}
          </p>
        </div>
        <nav className="room-links" aria-label={t('room.head.nav')}>
          <Link to={`/groups/${group.id}/agreement`}>{t('room.head.agreement')}</Link>
          {facilitating && <Link to={`/groups/${group.id}/console`}>{t('room.head.console')}</Link>}
          {!facilitating && group.status !== 'archived' && !room.outOfGroup && (
            <StartCheckIn groupId={group.id} />
          )}
        </nav>
      </header>
      {room.joinError && !room.outOfGroup && <Alert tone="error">{ackText(room.joinError)}</Alert>}
      {notice && (
        <div className="alert alert-info room-alert" role="status">
          <p>
            {noticeText}
            {notice.reason && notice.kind !== 'moderation.message_removed' ? ` “${notice.reason}”` : ''}
            {notice.kind === 'checkIn.opened' && notice.checkInId && (
              <>
                {' '}
                <Link to={`/check-ins/${notice.checkInId}`}>{t('room.notice.openCheckIn')}</Link>
              </>
            )}
          </p>
          <button type="button" className="button-quiet" onClick={() => store.dismissNotice()}>
            {t('room.dismiss')}
          </button>
        </div>
      )}
      {problem && (
        <div className="alert alert-error room-alert" role="alert">
          <p>{problem}</p>
          <button type="button" className="button-quiet" onClick={() => setProblem(null)}>
            {t('room.dismiss')}
          </button>
        </div>
      )}
      <div
        className="timeline"
        ref={list}
        tabIndex={0}
        role="region"
        aria-label={t('room.conversation')}
        onScroll={(e) => {
          const el = e.currentTarget;
          stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < 80;
        }}
      >
        <Timeline
          store={store}
          room={room}
          me={me}
          hidden={hidden}
          canAct={!blocked && room.joined}
          canReport={room.joined && group.status !== 'archived'}
          facilitating={facilitating}
          actions={actions}
          words={{
            empty: t('room.empty'),
            held: t('room.pending.held'),
            waiting: (pending) => t('room.pending.waiting', { time: time(pending.createdAt) }),
          }}
          separateDays
        />
        {room.lines.map((line) => (
          <p key={line.id} className="room-line">
            {lineWords(line, t)}
          </p>
        ))}
      </div>
      <p className="typing" aria-live="off">
        {typing.length
          ? t('room.typing', {
              count: typing.length,
              names: list_(typing.map((x) => x.pseudonym ?? t('room.message.someone'))),
            })
          : '\u00a0'}
      </p>
      <div className="visually-hidden" aria-live="polite" aria-atomic="true">
        {announcement}
      </div>
      <Composer
        store={store}
        groupId={group.id}
        blocked={blocked}
        nextPostAt={room.nextPostAt}
        replyTo={replyTo}
        onCancelReply={() => setReplyTo(null)}
        members={mentionable}
      />
      <ReportDialog groupId={group.id} message={reporting} onClose={() => setReporting(null)} />
      {facilitating && (
        <ModerationDialog groupId={group.id} target={moderating} onClose={() => setModerating(null)} />
      )}
    </div>
  );
}

/** A private notice in the reader's language; kinds the client does not know keep the server's words. */
function noticeWords(notice: NoticeEvent, t: TFunction, facilitating: boolean): string {
  switch (notice.kind) {
    case 'checkIn.opened':
      return facilitating ? t('room.notice.checkInAsked') : t('room.notice.checkInOpened');
    case 'moderation.warning':
      return t('room.notice.warning');
    case 'moderation.muted':
      return t('room.notice.muted');
    case 'moderation.message_removed':
      return t('room.notice.messageRemoved');
    case 'moderation.held_approved':
      return t('room.notice.heldApproved');
    case 'moderation.held_rejected':
      return t('room.notice.heldRejected');
    case 'membership.banned':
      return t('room.notice.banned');
    case 'membership.removed':
      return notice.cause === 'left'
        ? t('room.notice.left')
        : notice.cause === 'removed'
          ? t('room.notice.removed')
          : t('room.notice.noLongerMember');
    default:
      return notice.message;
  }
}

/** A neutral line about a facilitator's action, in the reader's language. */
function lineWords(line: RoomLine, t: TFunction): string {
  switch (line.kind) {
    case 'message.removed':
      return t('room.lines.messageRemoved');
    case 'member.muted':
      return t('room.lines.memberMuted');
    case 'member.unmuted':
      return t('room.lines.memberUnmuted');
    case 'member.left':
      return t('room.lines.memberLeft');
    case 'member.removed':
      return t('room.lines.memberRemoved');
    case 'pins.changed':
      return t('room.lines.pinsChanged');
    case 'mode.changed':
      return line.mode?.mode === 'read_only'
        ? t('room.lines.readOnly')
        : line.mode?.mode === 'slow'
          ? t('room.lines.slow', { seconds: line.mode.slowSeconds })
          : t('room.lines.open');
    default:
      return line.text;
  }
}

const REASONS = [
  'crisis_concern',
  'harassment',
  'triggering_content',
  'privacy_breach',
  'spam',
  'other',
] as const;

function ReportDialog({
  groupId,
  message,
  onClose,
}: {
  groupId: string;
  message: MessageDto | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState<(typeof REASONS)[number]>('crisis_concern');
  const [note, setNote] = useState('');
  const [done, setDone] = useState(false);
  const action = useAction();
  return (
    <Dialog
      open={message !== null}
      title={t('room.report.title')}
      onClose={() => {
        setDone(false);
        setNote('');
        onClose();
      }}
    >
      {done ? (
        <Alert tone="success">{t('room.report.thanks')}</Alert>
      ) : (
        <form
          onSubmit={(e) =>
            action.run(async () => {
              await http.post(`/groups/${groupId}/messages/${message!.id}/reports`, {
                reason,
                ...(note ? { note } : {}),
              });
              setDone(true);
            }, e)
          }
        >
          <fieldset>
            <legend>{t('room.report.concern')}</legend>
            {REASONS.map((value) => (
              <div className="check" key={value}>
                <input
                  type="radio"
                  id={`reason-${value}`}
                  name="reason"
                  value={value}
                  checked={reason === value}
                  onChange={() => setReason(value)}
                />
                <label htmlFor={`reason-${value}`}>{t(`room.report.reasons.${value}`)}</label>
              </div>
            ))}
          </fieldset>
          <div className="field">
            <label htmlFor="report-note">{t('room.report.note')}</label>
            <textarea
              id="report-note"
              value={note}
              onChange={(e) => setNote(e.target.value)}
              maxLength={1000}
              rows={3}
            />
          </div>
          {action.error && <Alert tone="error">{action.error}</Alert>}
          <button className="button" disabled={action.busy}>
            {t('room.report.send')}
          </button>
        </form>
      )}
    </Dialog>
  );
}
