import type { GroupDto, MemberDto, MessageDto } from '@hearth/contracts';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { Link, Navigate, useParams } from 'react-router-dom';

import { http, errorText } from '../../api/http';
import { useRoleVersion, useRoom } from '../../chat/chat-context';
import type { RoomSnapshot, RoomStore } from '../../chat/room-store';
import { Alert, Dialog, Loading, formatDateTime, formatTime, useAction, Pending } from '../../ui/components';
import { useLoad } from '../../ui/use-load';
import { StartCheckIn } from '../check-in/start-check-in';
import { Composer } from './composer';
import { MessageItem, type MessageActions, type ModerationStep } from './message-item';
import { ModerationDialog } from './moderation-dialog';

export function RoomPage() {
  const { groupId = '' } = useParams();
  const roleVersion = useRoleVersion();
  const group = useLoad(() => http.get<GroupDto>(`/groups/${groupId}`), [groupId, roleVersion]);
  const hidden = useLoad(() => http.get<string[]>(`/groups/${groupId}/hidden-members`), [groupId]);
  // The peers' view even for facilitators: pseudonyms to mention, never accounts (nor a line in anyone's access log).
  const members = useLoad(() => http.get<MemberDto[]>(`/groups/${groupId}/members?view=peer`), [groupId]);
  const { store, room } = useRoom(groupId);
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
  if (!store || !room) return <Loading label="Connecting" />;
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
  const byId = new Map(room.timeline.map((m) => [m.id, m]));

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
      setAnnouncement(`${latest.author?.pseudonym ?? 'Someone'}: ${latest.body ?? ''}`);
  }, [room.timeline, room.lastSeq, room.joined, me]);

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
    reply: setReplyTo,
    react: (message, emoji, add) =>
      void store.react(message.id, emoji, add).then((e) => setProblem(e?.message ?? null)),
    edit: async (message, body) => (await store.edit(message.id, body))?.message ?? null,
    remove: (message) => {
      if (window.confirm('Delete this message for everyone?'))
        void store.remove(message.id).then((e) => setProblem(e?.message ?? null));
    },
    report: setReporting,
    moderate: (message, step) => setModerating({ message, step }),
    hide: (membershipId) =>
      void http
        .post<string[]>(`/groups/${group.id}/hidden-members`, { membershipId })
        .then(onHiddenChange)
        .catch((e) => setProblem(errorText(e))),
  };

  const state = room.state;
  // Why no one in my place can post here now, whatever any mute says.
  const closed =
    group.status === 'archived'
      ? 'This group is archived. You can read the conversation, but not write.'
      : state?.mode === 'read_only' && !facilitating
        ? 'The room is read-only for now. You can still read.'
        : null;
  const blocked =
    group.status !== 'archived' && state?.muted
      ? `A facilitator has muted you ${state.mutedUntil ? `until ${formatDateTime(state.mutedUntil)}` : 'for now'}. You can still read.`
      : closed;
  // The end of a mute says whether I can post now, from the room's posting rule, not only that the mute ended.
  const noticeText =
    room.notice?.kind === 'moderation.unmuted'
      ? closed
        ? `Your mute has ended. ${closed}`
        : 'Your mute has ended. You can post again.'
      : room.notice?.message;
  const typing = room.typing.filter((t) => t.membershipId !== me);

  return (
    <div className="room">
      <header className="room-head">
        <div>
          <h1>{group.name}</h1>
          <p className="muted">
            {room.online.length} here now
            {state?.mode === 'slow' && state.slowSeconds
              ? ` · Slow mode: one message every ${state.slowSeconds}s`
              : ''}
          </p>
        </div>
        <nav className="row" aria-label="Group">
          <Link to={`/groups/${group.id}/agreement`}>Agreement</Link>
          {facilitating && <Link to={`/groups/${group.id}/console`}>Console</Link>}
          {!facilitating && group.status !== 'archived' && <StartCheckIn groupId={group.id} />}
        </nav>
      </header>
      {room.joinError && <Alert tone="error">{room.joinError.message}</Alert>}
      {room.notice && (
        <div className="alert alert-info" role="status">
          <p>
            {noticeText}
            {room.notice.reason ? ` “${room.notice.reason}”` : ''}
          </p>
          <button type="button" className="button-quiet" onClick={() => store.dismissNotice()}>
            Dismiss
          </button>
        </div>
      )}
      {problem && (
        <div className="alert alert-error" role="alert">
          <p>{problem}</p>
          <button type="button" className="button-quiet" onClick={() => setProblem(null)}>
            Dismiss
          </button>
        </div>
      )}
      <div
        className="timeline"
        ref={list}
        tabIndex={0}
        aria-label="Conversation"
        onScroll={(e) => {
          const el = e.currentTarget;
          stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < 80;
        }}
      >
        {room.hasOlder && (
          <button
            type="button"
            className="button-quiet load-older"
            onClick={() => void store.loadOlder()}
            disabled={room.loadingOlder}
          >
            {room.loadingOlder ? 'Loading…' : 'Show earlier messages'}
          </button>
        )}
        {room.timeline.length === 0 && room.joined && (
          <p className="empty">No messages yet. You could say hello.</p>
        )}
        <ol className="messages">
          {room.timeline.map((message) => (
            <MessageItem
              key={message.id}
              message={message}
              me={me}
              replyTo={message.replyToId ? byId.get(message.replyToId) : undefined}
              hidden={message.author !== null && hidden.includes(message.author.membershipId)}
              canAct={!blocked && room.joined}
              facilitating={facilitating}
              actions={actions}
            />
          ))}
          {room.held.map((message) => (
            <li key={message.id} className="message message-mine message-held">
              <p className="message-body">{message.body}</p>
              <p className="status-line">Held for a facilitator’s review before others see it.</p>
            </li>
          ))}
          {room.pending.map((pending) => (
            <li key={pending.clientId} className="message message-mine message-pending">
              <p className="message-body">{pending.body}</p>
              <p className="status-line">
                {pending.state === 'failed' ? (
                  <>
                    Not sent: {pending.error?.message}{' '}
                    <button
                      type="button"
                      className="button-quiet"
                      onClick={() => store.retry(pending.clientId)}
                    >
                      Try again
                    </button>
                    <button
                      type="button"
                      className="button-quiet"
                      onClick={() => store.discard(pending.clientId)}
                    >
                      Discard
                    </button>
                  </>
                ) : pending.state === 'sending' ? (
                  'Sending…'
                ) : (
                  `Waiting to send (${formatTime(pending.createdAt)})`
                )}
              </p>
            </li>
          ))}
        </ol>
        {room.lines.map((line) => (
          <p key={line.id} className="room-line">
            {line.text}
          </p>
        ))}
      </div>
      <p className="typing" aria-live="off">
        {typing.length
          ? `${typing.map((t) => t.pseudonym ?? 'Someone').join(', ')} ${typing.length > 1 ? 'are' : 'is'} writing…`
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

const REASONS: [string, string][] = [
  ['crisis_concern', 'I am worried about this person'],
  ['harassment', 'Harassment or unkindness'],
  ['triggering_content', 'Triggering content'],
  ['privacy_breach', 'Shares someone’s private information'],
  ['spam', 'Spam'],
  ['other', 'Something else'],
];

function ReportDialog({
  groupId,
  message,
  onClose,
}: {
  groupId: string;
  message: MessageDto | null;
  onClose: () => void;
}) {
  const [reason, setReason] = useState('crisis_concern');
  const [note, setNote] = useState('');
  const [done, setDone] = useState(false);
  const action = useAction();
  return (
    <Dialog
      open={message !== null}
      title="Report a message"
      onClose={() => {
        setDone(false);
        setNote('');
        onClose();
      }}
    >
      {done ? (
        <Alert tone="success">
          Thank you. The facilitators will look at it. The person will not know who reported it.
        </Alert>
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
            <legend>What is the concern?</legend>
            {REASONS.map(([value, label]) => (
              <div className="check" key={value}>
                <input
                  type="radio"
                  id={`reason-${value}`}
                  name="reason"
                  value={value}
                  checked={reason === value}
                  onChange={() => setReason(value)}
                />
                <label htmlFor={`reason-${value}`}>{label}</label>
              </div>
            ))}
          </fieldset>
          <div className="field">
            <label htmlFor="report-note">Anything the facilitators should know (optional)</label>
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
            Send report
          </button>
        </form>
      )}
    </Dialog>
  );
}
