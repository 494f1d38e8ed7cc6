import type { IncidentDto, MessageDto } from '@hearth/contracts';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';

import { http } from '../../api/http';
import { Alert, Dialog, Field, useAction } from '../../ui/components';
import { CATEGORY_CHOICES } from '../safety/crisis-labels';
import type { ModerationStep } from './message-item';

const MUTE_CHOICES: [string, string][] = [
  ['15', '15 minutes'],
  ['60', '1 hour'],
  ['1440', '1 day'],
  ['10080', '1 week'],
  ['', 'Until I lift it'],
];

/**
 * What a facilitator does from a message itself: remove it (its author is told why), mute its author, or open a
 * crisis incident about it. Each is one dialog, in the facilitator's own words, with no trip to the console.
 */
export function ModerationDialog({
  groupId,
  target,
  onClose,
}: {
  groupId: string;
  target: { message: MessageDto; step: ModerationStep } | null;
  onClose: () => void;
}) {
  const [reason, setReason] = useState('');
  const [minutes, setMinutes] = useState('60');
  const [tier, setTier] = useState<'urgent' | 'concern'>('concern');
  const [category, setCategory] = useState('crisis_concern');
  const [done, setDone] = useState<{ text: string; incidentId?: string } | null>(null);
  const action = useAction();
  const { clear } = action;
  useEffect(() => {
    setReason('');
    setMinutes('60');
    setTier('concern');
    setCategory('crisis_concern');
    setDone(null);
    clear();
    // A fresh form for each message and step.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [target?.message.id, target?.step]);
  const message = target?.message;
  const step = target?.step;
  const who = message?.author?.pseudonym ?? 'this member';
  const title =
    step === 'remove'
      ? `Remove ${who}’s message`
      : step === 'mute'
        ? `Mute ${who}`
        : `Open a crisis incident about ${who}`;
  const base = `/groups/${groupId}/moderation`;
  const submit = (e: React.FormEvent) =>
    action.run(async () => {
      if (!message) return;
      const because = reason.trim() ? { reason: reason.trim() } : {};
      if (step === 'remove') {
        await http.post(`${base}/messages/${message.id}/remove`, because);
        setDone({ text: `Removed. ${who} is told why; others see that a facilitator removed a message.` });
      } else if (step === 'mute') {
        await http.post(`${base}/mutes`, {
          membershipId: message.author!.membershipId,
          minutes: minutes ? Number(minutes) : null,
          ...because,
        });
        setDone({ text: `${who} is muted. They can still read, and are told why.` });
      } else {
        const incident = await http.post<IncidentDto>(`${base}/incidents`, {
          messageId: message.id,
          tier,
          category,
        });
        setDone({
          text: 'Incident opened. This group’s facilitators are alerted.',
          incidentId: incident.id,
        });
      }
    }, e);
  return (
    <Dialog open={target !== null} title={title} onClose={onClose}>
      {message && (
        <blockquote className="moderated-message">
          <strong>{who}:</strong> {message.body}
        </blockquote>
      )}
      {done ? (
        <>
          <Alert tone="success">{done.text}</Alert>
          <div className="row">
            {done.incidentId && (
              <Link
                className="button button-secondary"
                to={`/groups/${groupId}/console?tab=incidents&incident=${done.incidentId}`}
              >
                See it in the console
              </Link>
            )}
            <button type="button" className="button" onClick={onClose}>
              Done
            </button>
          </div>
        </>
      ) : (
        <form onSubmit={submit}>
          {step === 'mute' && (
            <div className="field">
              <label htmlFor="mute-minutes">Mute for</label>
              <select id="mute-minutes" value={minutes} onChange={(e) => setMinutes(e.target.value)}>
                {MUTE_CHOICES.map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
            </div>
          )}
          {step === 'incident' ? (
            <>
              <fieldset>
                <legend>How urgent is it?</legend>
                <div className="check">
                  <input
                    type="radio"
                    id="tier-urgent"
                    name="tier"
                    checked={tier === 'urgent'}
                    onChange={() => setTier('urgent')}
                  />
                  <label htmlFor="tier-urgent">Urgent: intent, a plan, means or an act</label>
                </div>
                <div className="check">
                  <input
                    type="radio"
                    id="tier-concern"
                    name="tier"
                    checked={tier === 'concern'}
                    onChange={() => setTier('concern')}
                  />
                  <label htmlFor="tier-concern">Concern: worrying thoughts, no plan</label>
                </div>
              </fieldset>
              <div className="field">
                <label htmlFor="incident-category">What it is about</label>
                <select id="incident-category" value={category} onChange={(e) => setCategory(e.target.value)}>
                  {CATEGORY_CHOICES.map(([value, label]) => (
                    <option key={value} value={value}>
                      {label}
                    </option>
                  ))}
                </select>
              </div>
            </>
          ) : (
            <Field
              label={`Reason (${who} is told this)`}
              multiline
              rows={3}
              maxLength={1000}
              required={step === 'remove'}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
          )}
          {action.error && <Alert tone="error">{action.error}</Alert>}
          <div className="row">
            <button
              className={step === 'incident' ? 'button' : 'button button-danger'}
              disabled={action.busy || (step === 'remove' && !reason.trim())}
            >
              {step === 'remove' ? 'Remove message' : step === 'mute' ? 'Mute' : 'Open incident'}
            </button>
            <button type="button" className="button button-secondary" onClick={onClose}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
