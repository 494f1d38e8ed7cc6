import { EDIT_WINDOW_MINUTES, REACTION_EMOJI, type MessageDto, type ReactionEmoji } from '@hearth/contracts';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { Alert } from '../../ui/components';
import { useStartCheckIn } from '../check-in/start-check-in';
import { useClockTime } from './room-time';
import { MessageMenu, useLongPress, type MenuChoice } from './message-menu';

export interface MessageActions {
  reply(message: MessageDto): void;
  react(message: MessageDto, emoji: ReactionEmoji, add: boolean): void;
  edit(message: MessageDto, body: string): Promise<string | null>;
  remove(message: MessageDto): void;
  report(message: MessageDto): void;
  hide(membershipId: string): void;
  /** Facilitators only: take the message down, mute its author, or open a crisis incident about it. */
  moderate(message: MessageDto, step: ModerationStep): void;
  /** Brings a message already on screen into view (a quoted one). */
  show(messageId: string): void;
}

export type ModerationStep = 'remove' | 'mute' | 'incident';

/** The element id of a message in the timeline, for the quotes that point to it. */
export const messageElementId = (id: string) => `message-${id}`;

/** Brings a loaded message into view and gives it the focus (a reply quote's target). */
export function showMessage(messageId: string): void {
  const element = document.getElementById(messageElementId(messageId));
  if (!element) return;
  element.scrollIntoView({ block: 'center' });
  element.focus({ preventScroll: true });
}

export function MessageItem({
  message,
  me,
  replyTo,
  hidden,
  canAct,
  canReport = false,
  facilitating,
  actions,
}: {
  message: MessageDto;
  me: string | null;
  replyTo: MessageDto | undefined;
  hidden: boolean;
  canAct: boolean;
  canReport?: boolean;
  facilitating: boolean;
  actions: MessageActions;
}) {
  const { t } = useTranslation();
  const time = useClockTime();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(message.body ?? '');
  const [error, setError] = useState<string | null>(null);
  const [showHidden, setShowHidden] = useState(false);
  const [picking, setPicking] = useState(false);
  const [menuOpen, setMenuOpen] = useState(false);
  const longPress = useLongPress(() => setMenuOpen(true));
  const checkIn = useStartCheckIn(message.groupId);
  // What was chosen from the menu takes the focus: the first reaction, or the message being edited.
  const picker = useRef<HTMLDivElement>(null);
  const editor = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (picking) picker.current?.querySelector('button')?.focus();
  }, [picking]);
  useEffect(() => {
    if (editing) editor.current?.focus();
  }, [editing]);
  const mine = message.author?.membershipId === me;
  const editable =
    mine &&
    !message.deleted &&
    message.status === 'visible' &&
    Date.now() - Date.parse(message.createdAt) < EDIT_WINDOW_MINUTES * 60_000;
  const author =
    message.author?.pseudonym ?? (message.kind === 'system' ? 'Hearth' : t('room.message.formerMember'));

  if (message.deleted || message.status === 'removed') {
    return (
      <li
        className="message message-tombstone"
        id={messageElementId(message.id)}
        data-seq={message.seq ?? undefined}
      >
        <p className="muted">
          {message.status !== 'removed'
            ? t('room.message.deleted')
            : message.removalReason
              ? t('room.message.removedWithReason', { reason: message.removalReason })
              : t('room.message.removed')}
        </p>
      </li>
    );
  }
  if (hidden && !showHidden) {
    return (
      <li className="message message-tombstone" id={messageElementId(message.id)}>
        <button type="button" className="button-quiet" onClick={() => setShowHidden(true)}>
          {t('room.message.hiddenShow')}
        </button>
      </li>
    );
  }

  const choices: MenuChoice[] = [
    { key: 'reply', label: t('room.actions.reply'), onChoose: () => actions.reply(message) },
    { key: 'react', label: t('room.actions.react'), onChoose: () => setPicking(true) },
  ];
  if (editable)
    choices.push({ key: 'edit', label: t('room.actions.edit'), onChoose: () => setEditing(true) });
  if (mine)
    choices.push({ key: 'delete', label: t('room.actions.delete'), onChoose: () => actions.remove(message) });
  const other = !mine ? message.author : null;
  if (other) {
    choices.push({ key: 'report', label: t('room.actions.report'), onChoose: () => actions.report(message) });
    if (other.role !== 'facilitator')
      choices.push({
        key: 'hide',
        label: t('room.actions.hide'),
        onChoose: () => actions.hide(other.membershipId),
      });
    if (facilitating) {
      const moderation = (key: ModerationStep, label: string): MenuChoice => ({
        key,
        label,
        moderation: true,
        onChoose: () => actions.moderate(message, key),
      });
      choices.push(moderation('remove', t('room.actions.removeMessage')));
      if (other.role !== 'facilitator')
        choices.push(moderation('mute', t('room.actions.mute', { name: author })));
      choices.push(moderation('incident', t('room.actions.incident')));
      if (other.role !== 'facilitator')
        choices.push({
          key: 'check-in',
          label: t('checkIn.checkInPrivatelyWith', { name: author }),
          moderation: true,
          onChoose: () => checkIn.start(other.membershipId),
        });
    }
  }
  // Where I cannot write (muted, a read-only room), I can still report a message and hide its author.
  const offered = canAct
    ? choices
    : canReport
      ? choices.filter((c) => c.key === 'report' || c.key === 'hide')
      : [];
  const acting = offered.length > 0 && !editing;

  return (
    <li
      className={`message${mine ? ' message-mine' : ''}${message.kind === 'reflection' ? ' message-reflection' : ''}${menuOpen ? ' message-menu-open' : ''}`}
      id={messageElementId(message.id)}
      tabIndex={-1}
      data-seq={message.seq ?? undefined}
      {...(acting ? longPress : {})}
    >
      <div className="message-meta">
        <span className="author">{mine ? t('room.message.you') : author}</span>
        {message.author?.role === 'facilitator' && (
          <span className="tag">{t('room.message.facilitator')}</span>
        )}
        <time dateTime={message.createdAt}>{time(message.createdAt)}</time>
        {message.editedAt && <span className="muted">{t('room.message.edited')}</span>}
      </div>
      {acting && (
        <MessageMenu
          label={t('room.actions.more', { name: mine ? t('room.message.yourMessage') : author })}
          choices={offered}
          open={menuOpen}
          onOpenChange={setMenuOpen}
        />
      )}
      {message.replyToId && (
        <ReplyQuote replyTo={replyTo} onShow={() => message.replyToId && actions.show(message.replyToId)} />
      )}
      {message.kind === 'reflection' && <p className="tag">{t('room.message.reflection')}</p>}
      {editing ? (
        <form
          onSubmit={async (e) => {
            e.preventDefault();
            const failed = await actions.edit(message, draft);
            setError(failed);
            if (!failed) setEditing(false);
          }}
        >
          <label className="visually-hidden" htmlFor={`edit-${message.id}`}>
            {t('room.message.editLabel')}
          </label>
          <textarea
            ref={editor}
            id={`edit-${message.id}`}
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            rows={3}
          />
          {error && <p className="field-error">{error}</p>}
          <div className="row">
            <button className="button">{t('room.message.save')}</button>
            <button type="button" className="button-quiet" onClick={() => setEditing(false)}>
              {t('room.message.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <p className="message-body">{message.body}</p>
      )}
      {checkIn.error && <Alert tone="error">{checkIn.error}</Alert>}
      {message.reactions.length > 0 && (
        <ul className="reactions" aria-label={t('room.reactions.label')}>
          {message.reactions.map((r) => {
            const pressed = me !== null && r.membershipIds.includes(me);
            return (
              <li key={r.emoji}>
                <button
                  type="button"
                  className="reaction"
                  aria-pressed={pressed}
                  aria-label={t(pressed ? 'room.reactions.countWithYou' : 'room.reactions.count', {
                    emoji: r.emoji,
                    count: r.count,
                  })}
                  disabled={!canAct}
                  onClick={() => actions.react(message, r.emoji, !pressed)}
                >
                  {r.emoji} {r.count}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {picking && canAct && !editing && (
        <div ref={picker} className="emoji-picker" role="group" aria-label={t('room.reactions.choose')}>
          {REACTION_EMOJI.map((emoji) => (
            <button
              key={emoji}
              type="button"
              aria-label={t('room.reactions.reactWith', { emoji })}
              className="reaction"
              onClick={() => {
                setPicking(false);
                actions.react(message, emoji, true);
              }}
            >
              {emoji}
            </button>
          ))}
          <button type="button" className="button-quiet" onClick={() => setPicking(false)}>
            {t('room.message.cancel')}
          </button>
        </div>
      )}
    </li>
  );
}

/** The message being answered: who wrote it and its first line; a press brings it into view when it is loaded. */
function ReplyQuote({ replyTo, onShow }: { replyTo: MessageDto | undefined; onShow: () => void }) {
  const { t } = useTranslation();
  if (!replyTo) return <p className="reply-quote muted">{t('room.reply.notLoaded')}</p>;
  const who = replyTo.author?.pseudonym ?? t('room.message.someone');
  const gone = replyTo.deleted || replyTo.status === 'removed' || replyTo.body === null;
  const firstLine = gone ? t('room.reply.gone') : (replyTo.body ?? '').split('\n')[0].slice(0, 140);
  return (
    <button type="button" className="reply-quote" onClick={onShow}>
      <span className="visually-hidden">{t('room.reply.inReplyTo')} </span>
      <span className="author">{who}</span> <span className="reply-line">{firstLine}</span>
    </button>
  );
}
