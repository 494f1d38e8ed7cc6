import type { CheckInDto, MessageDto } from '@hearth/contracts';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';

import { http } from '../../api/http';
import { Alert, useAction } from '../../ui/components';

/**
 * Opens (or finds, while one is open) a private check-in and goes there. A member asks for herself ("Talk to a
 * facilitator"); a facilitator names the member by her membership in the group (an incident card, a message menu).
 */
export function StartCheckIn({
  groupId,
  membershipId,
  pseudonym,
}: {
  groupId: string;
  membershipId?: string | null;
  pseudonym?: string | null;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const action = useAction();
  const label = !membershipId
    ? t('checkIn.talkToFacilitator')
    : pseudonym
      ? t('checkIn.checkInPrivatelyWith', { name: pseudonym })
      : t('checkIn.checkInPrivately');
  return (
    <>
      <button
        type="button"
        className="button-quiet check-in-start"
        disabled={action.busy}
        onClick={() =>
          void action.run(async () => {
            const checkIn = await http.post<CheckInDto>(
              `/groups/${groupId}/check-ins`,
              membershipId ? { membershipId } : {},
            );
            navigate(`/check-ins/${checkIn.id}`);
          })
        }
      >
        {label}
      </button>
      {action.error && <Alert tone="error">{action.error}</Alert>}
    </>
  );
}

/**
 * For a facilitator's menu on a member's message: check in privately with its author. Nothing for a facilitator's
 * message or one whose author is gone.
 */
export function CheckInWithAuthor({ groupId, message }: { groupId: string; message: MessageDto }) {
  const author = message.author;
  if (!author || author.role === 'facilitator') return null;
  return <StartCheckIn groupId={groupId} membershipId={author.membershipId} pseudonym={author.pseudonym} />;
}
