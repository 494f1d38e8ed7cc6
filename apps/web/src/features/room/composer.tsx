import { MESSAGE_MAX_LENGTH, type MessageDto } from '@hearth/contracts';
import { useEffect, useRef, useState } from 'react';

import type { RoomStore } from '../../chat/room-store';
import { useDraft } from '../../ui/drafts';

export function Composer({
  store,
  groupId,
  blocked,
  nextPostAt,
  replyTo,
  onCancelReply,
}: {
  store: RoomStore;
  groupId: string;
  blocked: string | null;
  nextPostAt: number;
  replyTo: MessageDto | null;
  onCancelReply: () => void;
}) {
  const [body, setBody] = useDraft(`chat.${groupId}`);
  const [wait, setWait] = useState(0);
  const typingSent = useRef(0);
  const input = useRef<HTMLTextAreaElement>(null);

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

  const onChange = (value: string) => {
    setBody(value);
    if (Date.now() - typingSent.current > 3000 && value) {
      typingSent.current = Date.now();
      store.setTyping(true);
    }
  };

  if (blocked) {
    return (
      <div className="composer composer-blocked" role="status">
        {blocked}
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
          <span>
            Replying to <strong>{replyTo.author?.pseudonym ?? 'a message'}</strong>
          </span>
          <button type="button" className="button-quiet" onClick={onCancelReply}>
            Cancel reply
          </button>
        </div>
      )}
      <label htmlFor="composer-input" className="visually-hidden">
        Message
      </label>
      <div className="composer-row">
        <textarea
          id="composer-input"
          ref={input}
          rows={2}
          value={body}
          maxLength={MESSAGE_MAX_LENGTH}
          placeholder="Write to the group…"
          onChange={(e) => onChange(e.target.value)}
          onBlur={() => store.setTyping(false)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
              e.preventDefault();
              send();
            }
          }}
        />
        <button className="button" disabled={!body.trim() || wait > 0}>
          {wait > 0 ? `Wait ${wait}s` : 'Send'}
        </button>
      </div>
      {wait > 0 && (
        <p className="hint" role="status">
          Slow mode is on: you can send again in {wait} seconds.
        </p>
      )}
    </form>
  );
}
