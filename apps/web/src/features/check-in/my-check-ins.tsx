import type { CheckInDto } from '@hearth/contracts';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

import { http } from '../../api/http';
import { useCheckInVersion } from '../../chat/chat-context';
import { Alert } from '../../ui/components';
import { useLoad } from '../../ui/use-load';

/**
 * The private check-ins I take part in, open ones first; nothing at all when there are none. One opened with me
 * (or asked for in a group I facilitate) appears as it happens.
 */
export function MyCheckIns({ reloadKey }: { reloadKey?: unknown }) {
  const { t } = useTranslation();
  const opened = useCheckInVersion();
  const checkIns = useLoad(() => http.get<CheckInDto[]>('/check-ins'), [reloadKey, opened]);
  if (checkIns.error) return <Alert tone="error">{checkIns.error}</Alert>;
  if (!checkIns.data?.length) return null;
  return (
    <section aria-labelledby="check-ins-title">
      <h2 id="check-ins-title">{t('checkIn.listTitle')}</h2>
      <ul className="card-list">
        {checkIns.data.map((checkIn) => (
          <li key={checkIn.id} className="card check-in-card">
            <Link to={`/check-ins/${checkIn.id}`}>{withWhom(checkIn, t)}</Link>
            {checkIn.status === 'closed' && <span className="tag">{t('checkIn.closed')}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function withWhom(checkIn: CheckInDto, t: TFunction): string {
  return checkIn.mine
    ? t('checkIn.withFacilitators', { group: checkIn.groupName })
    : t('checkIn.withMember', {
        name: checkIn.member.pseudonym ?? t('checkIn.someone'),
        group: checkIn.groupName,
      });
}
