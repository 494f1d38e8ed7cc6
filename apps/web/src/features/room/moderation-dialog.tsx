import type { IncidentDto, MessageDto } from '@hearth/contracts';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

import { http } from '../../api/http';
import { Alert, Dialog, Field, useAction } from '../../ui/components';
import type { ModerationStep } from './message-item';

const MUTE_CHOICES = ['15', '60', '1440', '10080', ''] as const;
/** What a facilitator may name when she opens an incident herself (the server's category codes). */
const CATEGORIES = ['suicide', 'self_harm', 'harm_to_baby', 'harm_to_others', 'crisis_concern'] as const;

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
  const { t } = useTranslation();
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
  const who = message?.author?.pseudonym ?? t('room.moderate.thisMember');
  const title =
    step === 'remove'
      ? t('room.moderate.removeTitle', { name: who })
      : step === 'mute'
        ? t('room.moderate.muteTitle', { name: who })
        : t('room.moderate.incidentTitle', { name: who });
  const base = `/groups/${groupId}/moderation`;
  const submit = (e: React.FormEvent) =>
    action.run(async () => {
      if (!message) return;
      const because = reason.trim() ? { reason: reason.trim() } : {};
      if (step === 'remove') {
        await http.post(`${base}/messages/${message.id}/remove`, because);
        setDone({ text: t('room.moderate.removed', { name: who }) });
      } else if (step === 'mute') {
        await http.post(`${base}/mutes`, {
          membershipId: message.author!.membershipId,
          minutes: minutes ? Number(minutes) : null,
          ...because,
        });
        setDone({ text: t('room.moderate.muted', { name: who }) });
      } else {
        const incident = await http.post<IncidentDto>(`${base}/incidents`, {
          messageId: message.id,
          tier,
          category,
        });
        setDone({
          text: t('room.moderate.opened'),
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
                {t('room.moderate.seeInConsole')}
              </Link>
            )}
            <button type="button" className="button" onClick={onClose}>
              {t('room.moderate.done')}
            </button>
          </div>
        </>
      ) : (
        <form onSubmit={submit}>
          {step === 'mute' && (
            <div className="field">
              <label htmlFor="mute-minutes">{t('room.moderate.muteFor')}</label>
              <select id="mute-minutes" value={minutes} onChange={(e) => setMinutes(e.target.value)}>
                {MUTE_CHOICES.map((value) => (
                  <option key={value} value={value}>
                    {t(`room.moderate.durations.${value || 'untilLifted'}`)}
                  </option>
                ))}
              </select>
            </div>
          )}
          {step === 'incident' ? (
            <>
              <fieldset>
                <legend>{t('room.moderate.howUrgent')}</legend>
                <div className="check">
                  <input
                    type="radio"
                    id="tier-urgent"
                    name="tier"
                    checked={tier === 'urgent'}
                    onChange={() => setTier('urgent')}
                  />
                  <label htmlFor="tier-urgent">{t('room.moderate.urgent')}</label>
                </div>
                <div className="check">
                  <input
                    type="radio"
                    id="tier-concern"
                    name="tier"
                    checked={tier === 'concern'}
                    onChange={() => setTier('concern')}
                  />
                  <label htmlFor="tier-concern">{t('room.moderate.concern')}</label>
                </div>
              </fieldset>
              <div className="field">
                <label htmlFor="incident-category">{t('room.moderate.category')}</label>
                <select id="incident-category" value={category} onChange={(e) => setCategory(e.target.value)}>
                  {CATEGORIES.map((value) => (
                    <option key={value} value={value}>
                      {t(`room.moderate.categories.${value}`)}
                    </option>
                  ))}
                </select>
              </div>
            </>
          ) : (
            <Field
              label={t('room.moderate.reason', { name: who })}
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
              {step === 'remove'
                ? t('room.moderate.removeButton')
                : step === 'mute'
                  ? t('room.moderate.muteButton')
                  : t('room.moderate.incidentButton')}
            </button>
            <button type="button" className="button button-secondary" onClick={onClose}>
              {t('room.message.cancel')}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
