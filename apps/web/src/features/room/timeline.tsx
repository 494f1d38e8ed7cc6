import type { MessageDto } from '@hearth/contracts';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';

import { ackText, errorText, http } from '../../api/http';
import type { PendingMessage, RoomSnapshot, RoomStore } from '../../chat/room-store';
import { MessageItem, showMessage, type MessageActions } from './message-item';
import { byDay, useDayLabel } from './room-time';

/** What differs between a group's room and a check-in: their own words, and whether days are separated. */
export interface TimelineWords {
  empty: string;
  held: string;
  waiting: (pending: PendingMessage) => string;
}

/**
 * What a person does to a message the same way in a room and a check-in (reply, report and moderation are each
 * page's own). A refusal is said through `problem`, in the language Hearth speaks.
 */
export function conversationActions({
  store,
  groupId,
  confirmDelete,
  problem,
  onHidden,
}: {
  store: RoomStore;
  groupId: string;
  confirmDelete: string;
  problem: (text: string | null) => void;
  onHidden: (membershipIds: string[]) => void;
}): Pick<MessageActions, 'react' | 'edit' | 'remove' | 'hide' | 'show'> {
  const refusal = (error: Parameters<typeof ackText>[0] | null) => (error ? ackText(error) : null);
  return {
    react: (message, emoji, add) => void store.react(message.id, emoji, add).then((e) => problem(refusal(e))),
    edit: async (message, body) => refusal(await store.edit(message.id, body)),
    remove: (message) => {
      if (window.confirm(confirmDelete)) void store.remove(message.id).then((e) => problem(refusal(e)));
    },
    hide: (membershipId) =>
      void http
        .post<string[]>(`/groups/${groupId}/hidden-members`, { membershipId })
        .then(onHidden)
        .catch((e) => problem(errorText(e))),
    show: showMessage,
  };
}

/**
 * A conversation's messages, as the room and a check-in show them: scroll-back, the stored messages, mine held for
 * review, and the outbox (each failed one with why, in the language Hearth speaks, and what to do about it).
 */
export function Timeline({
  store,
  room,
  me,
  hidden,
  canAct,
  canReport = false,
  facilitating,
  actions,
  words,
  separateDays = false,
}: {
  store: RoomStore;
  room: RoomSnapshot;
  me: string | null;
  hidden: string[];
  canAct: boolean;
  /** Whether I may still report (and hide) others' messages where I cannot write: muted, or a read-only room. */
  canReport?: boolean;
  facilitating: boolean;
  actions: MessageActions;
  words: TimelineWords;
  separateDays?: boolean;
}) {
  const { t } = useTranslation();
  const dayLabel = useDayLabel();
  const byId = new Map<string, MessageDto>(room.timeline.map((m) => [m.id, m]));
  const messages = separateDays
    ? byDay(room.timeline)
    : room.timeline.map((message) => ({ message, startsDay: false }));

  return (
    <>
      {room.hasOlder && (
        <button
          type="button"
          className="button-quiet load-older"
          onClick={() => void store.loadOlder()}
          disabled={room.loadingOlder}
        >
          {room.loadingOlder ? t('room.loadingOlder') : t('room.loadOlder')}
        </button>
      )}
      {room.timeline.length === 0 && room.joined && <p className="empty">{words.empty}</p>}
      <ol className="messages">
        {messages.map(({ message, startsDay }) => (
          <Fragment key={message.id}>
            {startsDay && (
              <li className="day-separator">
                <span>{dayLabel(message.createdAt)}</span>
              </li>
            )}
            <MessageItem
              message={message}
              me={me}
              replyTo={message.replyToId ? byId.get(message.replyToId) : undefined}
              hidden={message.author !== null && hidden.includes(message.author.membershipId)}
              canAct={canAct}
              canReport={canReport}
              facilitating={facilitating}
              actions={actions}
            />
          </Fragment>
        ))}
        {room.held.map((message) => (
          <li key={message.id} className="message message-mine message-held">
            <p className="message-body">{message.body}</p>
            <p className="status-line">{words.held}</p>
          </li>
        ))}
        {room.pending.map((pending) => (
          <li key={pending.clientId} className="message message-mine message-pending">
            <p className="message-body">{pending.body}</p>
            <p className="status-line">
              {pending.state === 'failed' ? (
                <>
                  {t('room.pending.failed', { reason: pending.error ? ackText(pending.error) : '' })}{' '}
                  {/* Out of the group, sending again would only wait to go out if she were let back in. */}
                  {!room.outOfGroup && (
                    <button
                      type="button"
                      className="button-quiet"
                      onClick={() => store.retry(pending.clientId)}
                    >
                      {t('room.pending.retry')}
                    </button>
                  )}
                  <button
                    type="button"
                    className="button-quiet"
                    onClick={() => store.discard(pending.clientId)}
                  >
                    {t('room.pending.discard')}
                  </button>
                </>
              ) : pending.state === 'sending' ? (
                t('room.pending.sending')
              ) : (
                words.waiting(pending)
              )}
            </p>
          </li>
        ))}
      </ol>
    </>
  );
}
