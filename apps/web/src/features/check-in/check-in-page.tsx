import type { CheckInDto, GroupDto, MessageDto } from '@hearth/contracts';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';

import { ackText, errorText, http } from '../../api/http';
import { useRoom } from '../../chat/chat-context';
import type { RoomSnapshot, RoomStore } from '../../chat/room-store';
import { Alert, Loading, Pending, useAction } from '../../ui/components';
import { useLoad } from '../../ui/use-load';
import { Composer } from '../room/composer';
import type { MessageActions, ModerationStep } from '../room/message-item';
import { ModerationDialog } from '../room/moderation-dialog';
import { conversationActions, Timeline } from '../room/timeline';
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
    ...conversationActions({
      store,
      groupId: checkIn.id,
      confirmDelete: t('checkIn.deleteConfirm'),
      problem: setProblem,
      onHidden: setHidden,
    }),
    reply: setReplyTo,
    report,
    moderate: (message, step) => setModerating({ message, step }),
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
      {room.joinError && <Alert tone="error">{ackText(room.joinError)}</Alert>}
      {problem && (
        <div className="alert alert-info" role="status">
          <p>{problem}</p>
          <button type="button" className="button-quiet" onClick={() => setProblem(null)}>
            {t('checkIn.dismiss')}
          </button>
        </div>
      )}
      <div className="timeline" ref={list} tabIndex={0} aria-label={t('checkIn.conversation')}>
        <Timeline
          store={store}
          room={room}
          me={me}
          hidden={hidden}
          canAct={open && room.joined}
          facilitating={facilitating}
          actions={actions}
          words={{
            empty: checkIn.mine ? t('checkIn.emptyMember') : t('checkIn.emptyStaff'),
            held: t('checkIn.held'),
            waiting: () => t('checkIn.waiting'),
          }}
        />
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
