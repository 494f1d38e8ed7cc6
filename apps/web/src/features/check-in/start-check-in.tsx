import type { CheckInDto } from '@hearth/contracts';
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
  const checkIn = useStartCheckIn(groupId);
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
        disabled={checkIn.busy}
        onClick={() => checkIn.start(membershipId)}
      >
        {label}
      </button>
      {checkIn.error && <Alert tone="error">{checkIn.error}</Alert>}
    </>
  );
}

/** Starts (or finds) a check-in in a group, with a member named by her membership or for oneself, and goes there. */
export function useStartCheckIn(groupId: string) {
  const navigate = useNavigate();
  const action = useAction();
  return {
    busy: action.busy,
    error: action.error,
    start: (membershipId?: string | null) =>
      void action.run(async () => {
        const checkIn = await http.post<CheckInDto>(
          `/groups/${groupId}/check-ins`,
          membershipId ? { membershipId } : {},
        );
        navigate(`/check-ins/${checkIn.id}`);
      }),
  };
}
