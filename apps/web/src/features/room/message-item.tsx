import { EDIT_WINDOW_MINUTES, REACTION_EMOJI, type MessageDto, type ReactionEmoji } from '@hearth/contracts';
import { useState } from 'react';

import { formatTime } from '../../ui/components';
import { CheckInWithAuthor } from '../check-in/start-check-in';

export interface MessageActions {
  reply(message: MessageDto): void;
  react(message: MessageDto, emoji: ReactionEmoji, add: boolean): void;
  edit(message: MessageDto, body: string): Promise<string | null>;
  remove(message: MessageDto): void;
  report(message: MessageDto): void;
  hide(membershipId: string): void;
  /** Facilitators only: take the message down, mute its author, or open a crisis incident about it. */
  moderate(message: MessageDto, step: ModerationStep): void;
}

export type ModerationStep = 'remove' | 'mute' | 'incident';

export function MessageItem({
  message,
  me,
  replyTo,
  hidden,
  canAct,
  facilitating,
  actions,
}: {
  message: MessageDto;
  me: string | null;
  replyTo: MessageDto | undefined;
  hidden: boolean;
  canAct: boolean;
  facilitating: boolean;
  actions: MessageActions;
}) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(message.body ?? '');
  const [error, setError] = useState<string | null>(null);
  const [showHidden, setShowHidden] = useState(false);
  const [picking, setPicking] = useState(false);
  const [moderating, setModerating] = useState(false);
  const mine = message.author?.membershipId === me;
  const editable =
    mine &&
    !message.deleted &&
    message.status === 'visible' &&
    Date.now() - Date.parse(message.createdAt) < EDIT_WINDOW_MINUTES * 60_000;
  const author = message.author?.pseudonym ?? (message.kind === 'system' ? 'Hearth' : 'Former member');

  if (message.deleted || message.status === 'removed') {
    return (
      <li className="message message-tombstone" data-seq={message.seq ?? undefined}>
        <p className="muted">
          {message.status === 'removed' ? 'A facilitator removed this message.' : 'This message was deleted.'}
        </p>
      </li>
    );
  }
  if (hidden && !showHidden) {
    return (
      <li className="message message-tombstone">
        <button type="button" className="button-quiet" onClick={() => setShowHidden(true)}>
          Message from a member you hid. Show
        </button>
      </li>
    );
  }
  return (
    <li
      className={`message${mine ? ' message-mine' : ''}${message.kind === 'reflection' ? ' message-reflection' : ''}`}
      data-seq={message.seq ?? undefined}
    >
      <div className="message-meta">
        <span className="author">{mine ? 'You' : author}</span>
        {message.author?.role === 'facilitator' && <span className="tag">facilitator</span>}
        <time dateTime={message.createdAt}>{formatTime(message.createdAt)}</time>
        {message.editedAt && <span className="muted">(edited)</span>}
      </div>
      {replyTo && (
        <blockquote className="reply-quote">
          <span className="author">{replyTo.author?.pseudonym ?? 'Someone'}</span>:{' '}
          {replyTo.deleted ? 'deleted message' : replyTo.body?.slice(0, 140)}
        </blockquote>
      )}
      {message.kind === 'reflection' && <p className="tag">shared reflection</p>}
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
            Edit your message
          </label>
          <textarea
            id={`edit-${message.id}`}
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            rows={3}
          />
          {error && <p className="field-error">{error}</p>}
          <div className="row">
            <button className="button">Save</button>
            <button type="button" className="button-quiet" onClick={() => setEditing(false)}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <p className="message-body">{message.body}</p>
      )}
      {message.reactions.length > 0 && (
        <ul className="reactions" aria-label="Reactions">
          {message.reactions.map((r) => {
            const pressed = me !== null && r.membershipIds.includes(me);
            return (
              <li key={r.emoji}>
                <button
                  type="button"
                  className="reaction"
                  aria-pressed={pressed}
                  aria-label={`${r.emoji} ${r.count}${pressed ? ', including you' : ''}`}
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
      {canAct && !editing && (
        <div className="message-actions">
          <button type="button" className="button-quiet" onClick={() => actions.reply(message)}>
            Reply
          </button>
          <button
            type="button"
            className="button-quiet"
            aria-expanded={picking}
            onClick={() => setPicking(!picking)}
          >
            React
          </button>
          {editable && (
            <button type="button" className="button-quiet" onClick={() => setEditing(true)}>
              Edit
            </button>
          )}
          {mine && (
            <button type="button" className="button-quiet" onClick={() => actions.remove(message)}>
              Delete
            </button>
          )}
          {!mine && message.author && (
            <>
              <button type="button" className="button-quiet" onClick={() => actions.report(message)}>
                Report
              </button>
              {message.author.role !== 'facilitator' && (
                <button
                  type="button"
                  className="button-quiet"
                  onClick={() => actions.hide(message.author!.membershipId)}
                >
                  Hide member
                </button>
              )}
              {facilitating && (
                <button
                  type="button"
                  className="button-quiet"
                  aria-expanded={moderating}
                  aria-controls={`moderate-${message.id}`}
                  onClick={() => setModerating(!moderating)}
                >
                  Moderate
                </button>
              )}
            </>
          )}
        </div>
      )}
      {facilitating && moderating && !mine && message.author && (
        <div
          className="message-actions moderate-actions"
          id={`moderate-${message.id}`}
          role="group"
          aria-label={`Moderate ${author}’s message`}
        >
          <button type="button" className="button-quiet" onClick={() => actions.moderate(message, 'remove')}>
            Remove message…
          </button>
          {message.author.role !== 'facilitator' && (
            <button type="button" className="button-quiet" onClick={() => actions.moderate(message, 'mute')}>
              Mute {author}…
            </button>
          )}
          <button
            type="button"
            className="button-quiet"
            onClick={() => actions.moderate(message, 'incident')}
          >
            Open crisis incident…
          </button>
          <CheckInWithAuthor groupId={message.groupId} message={message} />
        </div>
      )}
      {picking && (
        <div className="emoji-picker" role="group" aria-label="Choose a reaction">
          {REACTION_EMOJI.map((emoji) => (
            <button
              key={emoji}
              type="button"
              aria-label={`React with ${emoji}`}
              className="reaction"
              onClick={() => {
                setPicking(false);
                actions.react(message, emoji, true);
              }}
            >
              {emoji}
            </button>
          ))}
        </div>
      )}
    </li>
  );
}
