import type { CheckInDto, GroupDto, MessageDto } from '@hearth/contracts';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';

import { errorText, http } from '../../api/http';
import { useRoom } from '../../chat/chat-context';
import type { RoomSnapshot, RoomStore } from '../../chat/room-store';
import { Alert, Loading, Pending, useAction } from '../../ui/components';
import { useLoad } from '../../ui/use-load';
import { Composer } from '../room/composer';
import { MessageItem, showMessage, type MessageActions, type ModerationStep } from '../room/message-item';
import { ModerationDialog } from '../room/moderation-dialog';
import { withWhom } from './my-check-ins';

/**
 * A private check-in: the member and her group's facilitators. Its conversation is a room like any group's (the
 * check-in's id is its group id), shown with the room's own message and composer components.
 */
export default function CheckInPage() {
  const { checkInId = '' } = useParams();
  const { t } = useTranslation();
  const checkIn = useLoad(() => http.get<CheckInDto>(`/check-ins/${checkInId}`), [checkInId]);
  // My own place in it (to tell my messages), as in any group's card.
  const card = useLoad(() => http.get<GroupDto>(`/groups/${checkInId}`), [checkInId]);
  const { store, room } = useRoom(checkInId);
  if (!checkIn.data) return <Pending loaded={checkIn} />;
  if (!store || !room) return <Loading label={t('checkIn.connecting')} />;
  return (
    <CheckIn
      checkIn={checkIn.data}
      me={card.data?.membership?.id ?? null}
      onChange={checkIn.setData}
      store={store}
      room={room}
    />
  );
}

function CheckIn({
  checkIn,
  me,
  onChange,
  store,
  room,
}: {
  checkIn: CheckInDto;
  me: string | null;
  onChange: (checkIn: CheckInDto) => void;
  store: RoomStore;
  room: RoomSnapshot;
}) {
  const { t } = useTranslation();
  const [replyTo, setReplyTo] = useState<MessageDto | null>(null);
  const [moderating, setModerating] = useState<{ message: MessageDto; step: ModerationStep } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [hidden, setHidden] = useState<string[]>([]);
  const closing = useAction();
  const list = useRef<HTMLDivElement>(null);
  const facilitating = !checkIn.mine;
  const open = checkIn.status === 'open';
  const name = checkIn.member.pseudonym ?? t('checkIn.someone');
  const byId = new Map(room.timeline.map((m) => [m.id, m]));

  useLayoutEffect(() => {
    const element = list.current;
    if (element) element.scrollTop = element.scrollHeight;
  }, [room.timeline.length, room.pending.length]);

  useEffect(() => {
    if (document.visibilityState === 'visible') store.markRead();
  }, [store, room.lastSeq]);

  const report = (message: MessageDto) => {
    if (!window.confirm(t('checkIn.reportConfirm'))) return;
    void http
      .post(`/groups/${checkIn.id}/messages/${message.id}/reports`, { reason: 'other' })
      .then(() => setProblem(t('checkIn.reported')))
      .catch((e) => setProblem(errorText(e)));
  };
  const actions: MessageActions = {
    reply: setReplyTo,
    react: (message, emoji, add) =>
      void store.react(message.id, emoji, add).then((e) => setProblem(e?.message ?? null)),
    edit: async (message, body) => (await store.edit(message.id, body))?.message ?? null,
    remove: (message) => {
      if (window.confirm(t('checkIn.deleteConfirm')))
        void store.remove(message.id).then((e) => setProblem(e?.message ?? null));
    },
    report,
    moderate: (message, step) => setModerating({ message, step }),
    hide: (membershipId) =>
      void http
        .post<string[]>(`/groups/${checkIn.id}/hidden-members`, { membershipId })
        .then(setHidden)
        .catch((e) => setProblem(errorText(e))),
    show: showMessage,
  };

  return (
    <div className="room check-in">
      <header className="room-head">
        <div>
          <h1>{t('checkIn.title')}</h1>
          <p className="muted">{withWhom(checkIn, t)}</p>
        </div>
        <nav className="row" aria-label={t('checkIn.title')}>
          <Link to={`/groups/${checkIn.groupId}`}>{t('checkIn.backToGroup')}</Link>
          {open && (
            <button
              type="button"
              className="button-quiet"
              disabled={closing.busy}
              onClick={() => {
                if (window.confirm(t('checkIn.closeConfirm')))
                  void closing.run(async () =>
                    onChange(await http.post<CheckInDto>(`/check-ins/${checkIn.id}/close`)),
                  );
              }}
            >
              {t('checkIn.close')}
            </button>
          )}
        </nav>
      </header>
      <p className="muted check-in-privacy">
        {checkIn.mine ? t('checkIn.privacyMember') : t('checkIn.privacyStaff', { name })}
      </p>
      {closing.error && <Alert tone="error">{closing.error}</Alert>}
      {room.joinError && <Alert tone="error">{room.joinError.message}</Alert>}
      {problem && (
        <div className="alert alert-info" role="status">
          <p>{problem}</p>
          <button type="button" className="button-quiet" onClick={() => setProblem(null)}>
            {t('checkIn.dismiss')}
          </button>
        </div>
      )}
      <div className="timeline" ref={list} tabIndex={0} aria-label={t('checkIn.conversation')}>
        {room.hasOlder && (
          <button
            type="button"
            className="button-quiet load-older"
            onClick={() => void store.loadOlder()}
            disabled={room.loadingOlder}
          >
            {room.loadingOlder ? t('checkIn.loading') : t('checkIn.loadOlder')}
          </button>
        )}
        {room.timeline.length === 0 && room.joined && (
          <p className="empty">{checkIn.mine ? t('checkIn.emptyMember') : t('checkIn.emptyStaff')}</p>
        )}
        <ol className="messages">
          {room.timeline.map((message) => (
            <MessageItem
              key={message.id}
              message={message}
              me={me}
              replyTo={message.replyToId ? byId.get(message.replyToId) : undefined}
              hidden={message.author !== null && hidden.includes(message.author.membershipId)}
              canAct={open && room.joined}
              facilitating={facilitating}
              actions={actions}
            />
          ))}
          {room.held.map((message) => (
            <li key={message.id} className="message message-mine message-held">
              <p className="message-body">{message.body}</p>
              <p className="status-line">{t('checkIn.held')}</p>
            </li>
          ))}
          {room.pending.map((pending) => (
            <li key={pending.clientId} className="message message-mine message-pending">
              <p className="message-body">{pending.body}</p>
              <p className="status-line">
                {pending.state === 'failed' ? (
                  <>
                    {t('checkIn.notSent', { reason: pending.error?.message ?? '' })}{' '}
                    <button
                      type="button"
                      className="button-quiet"
                      onClick={() => store.retry(pending.clientId)}
                    >
                      {t('checkIn.tryAgain')}
                    </button>
                    <button
                      type="button"
                      className="button-quiet"
                      onClick={() => store.discard(pending.clientId)}
                    >
                      {t('checkIn.discard')}
                    </button>
                  </>
                ) : pending.state === 'sending' ? (
                  t('checkIn.sending')
                ) : (
                  t('checkIn.waiting')
                )}
              </p>
            </li>
          ))}
        </ol>
      </div>
      <Composer
        store={store}
        groupId={checkIn.id}
        blocked={open ? null : { text: t('checkIn.closedNote'), reason: null }}
        nextPostAt={room.nextPostAt}
        replyTo={replyTo}
        onCancelReply={() => setReplyTo(null)}
        members={[]}
        placeholder={facilitating ? t('checkIn.placeholderTo', { name }) : t('checkIn.placeholderFrom')}
      />
      {facilitating && (
        <ModerationDialog groupId={checkIn.id} target={moderating} onClose={() => setModerating(null)} />
      )}
    </div>
  );
}
