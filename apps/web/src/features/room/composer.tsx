import { MESSAGE_MAX_LENGTH, type MessageDto } from '@hearth/contracts';
import {
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type RefObject,
} from 'react';
import { useTranslation } from 'react-i18next';

import type { RoomStore } from '../../chat/room-store';
import { useDraft } from '../../ui/drafts';
import { insertMention, matchingMembers, mentionQueryAt, type Mentionable } from './mentions';

export function Composer({
  store,
  groupId,
  blocked,
  nextPostAt,
  replyTo,
  onCancelReply,
  members,
  placeholder,
}: {
  store: RoomStore;
  groupId: string;
  /** Why I cannot write here now (and a facilitator's reason, said once), or null. */
  blocked: { text: string; reason: string | null } | null;
  nextPostAt: number;
  replyTo: MessageDto | null;
  onCancelReply: () => void;
  /** Who can be named with `@`: the group's other members, by pseudonym. */
  members: Mentionable[];
  /** The empty box's hint, where "Write to the group…" is not what happens (a private check-in). */
  placeholder?: string;
}) {
  const { t } = useTranslation();
  const [body, setBody] = useDraft(`chat.${groupId}`);
  const [wait, setWait] = useState(0);
  const typingSent = useRef(0);
  const input = useRef<HTMLTextAreaElement>(null);
  const mention = useMentionPicker(body, members, input);

  useEffect(() => {
    const tick = () => setWait(Math.max(0, Math.ceil((nextPostAt - Date.now()) / 1000)));
    tick();
    if (nextPostAt <= Date.now()) return;
    const timer = setInterval(tick, 500);
    return () => clearInterval(timer);
  }, [nextPostAt]);

  useEffect(() => {
    if (replyTo) input.current?.focus();
  }, [replyTo]);

  const send = () => {
    const text = body.trim();
    if (!text || blocked || wait > 0) return;
    store.send(text, replyTo?.id ?? null);
    store.setTyping(false);
    typingSent.current = 0;
    setBody('');
    onCancelReply();
  };

  const onChange = (value: string, caret: number) => {
    setBody(value);
    mention.typed(value, caret);
    if (Date.now() - typingSent.current > 3000 && value) {
      typingSent.current = Date.now();
      store.setTyping(true);
    }
  };

  if (blocked) {
    return (
      <div className="composer composer-blocked" role="status">
        <p>{blocked.text}</p>
        {blocked.reason && (
          <p className="mute-reason">
            {t('room.composer.reason')} <q>{blocked.reason}</q>
          </p>
        )}
      </div>
    );
  }
  return (
    <form
      className="composer"
      onSubmit={(e) => {
        e.preventDefault();
        send();
      }}
    >
      {replyTo && (
        <div className="replying">
          <span className="replying-to">
            <span>
              {t('room.composer.replyingTo', {
                name: replyTo.author?.pseudonym ?? t('room.message.someone'),
              })}
            </span>{' '}
            <span className="reply-line">{(replyTo.body ?? '').split('\n')[0]}</span>
          </span>
          <button type="button" className="button-quiet" onClick={onCancelReply}>
            {t('room.composer.cancelReply')}
          </button>
        </div>
      )}
      <label htmlFor="composer-input" className="visually-hidden">
        {t('room.composer.label')}
      </label>
      {mention.open && (
        <ul
          id={mention.listId}
          role="listbox"
          aria-label={t('room.composer.mentionList')}
          className="mention-list"
        >
          {mention.options.map((member, index) => (
            <li
              key={member.membershipId}
              id={`${mention.listId}-${index}`}
              role="option"
              aria-selected={index === mention.active}
              // Keeps the focus (and the caret) in the message box.
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => {
                const chosen = mention.choose(member);
                if (chosen) onChange(chosen.body, chosen.caret);
              }}
            >
              {member.pseudonym}
            </li>
          ))}
        </ul>
      )}
      <p className="visually-hidden" role="status">
        {mention.open ? t('room.composer.mentionStatus', { count: mention.options.length }) : ''}
      </p>
      <div className="composer-row">
        <textarea
          id="composer-input"
          ref={input}
          rows={2}
          value={body}
          maxLength={MESSAGE_MAX_LENGTH}
          placeholder={placeholder ?? t('room.composer.placeholder')}
          onChange={(e) => onChange(e.target.value, e.target.selectionStart)}
          onSelect={(e) => mention.moved(e.currentTarget.selectionStart)}
          onFocus={() => mention.focused(true)}
          onBlur={() => {
            store.setTyping(false);
            mention.focused(false);
          }}
          aria-autocomplete="list"
          aria-controls={mention.open ? mention.listId : undefined}
          aria-activedescendant={mention.open ? mention.activeId : undefined}
          onKeyDown={(e) => {
            const chosen = mention.key(e);
            if (chosen) return onChange(chosen.body, chosen.caret);
            if (e.defaultPrevented) return;
            if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
              e.preventDefault();
              send();
            }
          }}
        />
        <button className="button" disabled={!body.trim() || wait > 0}>
          {wait > 0 ? t('room.composer.wait', { seconds: wait }) : t('room.composer.send')}
        </button>
      </div>
      {wait > 0 && (
        <p className="hint" role="status">
          {t('room.composer.slowHint', { count: wait })}
        </p>
      )}
    </form>
  );
}

/**
 * The `@` list of the message box: the members whose pseudonym starts with what follows the `@` before the
 * caret. Up and Down move, Enter or Tab choose, Escape closes it until the next `@`.
 */
function useMentionPicker(
  body: string,
  members: Mentionable[],
  textarea: RefObject<HTMLTextAreaElement | null>,
) {
  const listId = useId();
  const [caret, setCaret] = useState(0);
  const [active, setActive] = useState(0);
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const [hasFocus, setHasFocus] = useState(false);
  const caretAfterChoice = useRef<number | null>(null);
  const query = mentionQueryAt(body, caret);
  const options = query && query.at !== dismissedAt ? matchingMembers(members, query.text) : [];
  const open = hasFocus && options.length > 0;
  const current = Math.min(active, Math.max(options.length - 1, 0));

  useLayoutEffect(() => {
    const at = caretAfterChoice.current;
    if (at === null || !textarea.current) return;
    caretAfterChoice.current = null;
    textarea.current.setSelectionRange(at, at);
  }, [body, textarea]);

  const choose = (member: Mentionable) => {
    if (!query) return null;
    const next = insertMention(body, query, caret, member);
    caretAfterChoice.current = next.caret;
    setCaret(next.caret);
    setActive(0);
    return next;
  };

  return {
    listId,
    open,
    options,
    active: current,
    activeId: `${listId}-${current}`,
    choose,
    typed: (value: string, at: number) => {
      setCaret(at);
      setActive(0);
      // Escape closed the list for one `@`; another (or the same one typed again) opens it.
      if (mentionQueryAt(value, at)?.at !== dismissedAt) setDismissedAt(null);
    },
    moved: (at: number) => setCaret(at),
    focused: setHasFocus,
    /** Handles a key while the list is open; returns the new text when a member was chosen. */
    key: (e: KeyboardEvent<HTMLTextAreaElement>) => {
      if (!open || e.nativeEvent.isComposing) return null;
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        const step = e.key === 'ArrowDown' ? 1 : -1;
        setActive((current + step + options.length) % options.length);
      } else if ((e.key === 'Enter' && !e.shiftKey) || (e.key === 'Tab' && !e.shiftKey)) {
        e.preventDefault();
        return choose(options[current]);
      } else if (e.key === 'Escape') {
        e.preventDefault();
        setDismissedAt(query!.at);
      }
      return null;
    },
  };
}
