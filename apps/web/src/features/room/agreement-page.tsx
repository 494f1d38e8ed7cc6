import type { AgreementDto, GroupDto } from '@hearth/contracts';
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';

import { http } from '../../api/http';
import { Alert, useAction, Pending } from '../../ui/components';
import { Markdown } from '../../ui/markdown';
import { useLoad } from '../../ui/use-load';
import { formatInstant } from '../../ui/local-time';

/** The group's agreement: read and accepted before entering, and again whenever a new version is published. */
export function AgreementPage() {
  const { groupId = '' } = useParams();
  const navigate = useNavigate();
  const { t } = useTranslation();
  const loaded = useLoad(async () => {
    const [group, agreement] = await Promise.all([
      http.get<GroupDto>(`/groups/${groupId}`),
      http.get<AgreementDto>(`/groups/${groupId}/agreement`),
    ]);
    return { group, agreement };
  }, [groupId]);
  const [agreed, setAgreed] = useState(false);
  const action = useAction();
  if (!loaded.data) return <Pending loaded={loaded} />;
  const { group, agreement } = loaded.data;
  const accepted =
    group.membership?.agreementVersion === agreement.version && !group.membership.consentRequired;
  const renewed = (group.membership?.agreementVersion ?? 0) > 0 && !accepted;
  return (
    <div className="page narrow">
      <p>
        <Link className="back-link" to="/">
          {t('room.agreement.back')}
        </Link>
      </p>
      <h1>{t('room.agreement.title', { name: group.name })}</h1>
      {renewed && <Alert tone="info">{t('room.agreement.changed')}</Alert>}
      <article className="card agreement-text" aria-label={t('room.agreement.label')}>
        <Markdown text={agreement.text} topHeading={2} />
        <p className="muted">
          {t('room.agreement.version', {
            version: agreement.version,
            date: formatInstant('date', agreement.publishedAt),
          })}
        </p>
      </article>
      {accepted ? (
        <p>
          <Trans i18nKey="room.agreement.accepted" components={{ go: <Link to={`/groups/${groupId}`} /> }} />
        </p>
      ) : group.membership ? (
        <form
          className="card"
          onSubmit={(e) =>
            action.run(async () => {
              await http.post(`/groups/${groupId}/agreement/accept`, { version: agreement.version });
              navigate(`/groups/${groupId}`, { replace: true });
            }, e)
          }
        >
          <div className="check">
            <input
              id="agree"
              type="checkbox"
              checked={agreed}
              onChange={(e) => setAgreed(e.target.checked)}
            />
            <label htmlFor="agree">{t('room.agreement.agree')}</label>
          </div>
          {action.error && <Alert tone="error">{action.error}</Alert>}
          <button className="button" disabled={!agreed || action.busy}>
            {t('room.agreement.accept')}
          </button>
        </form>
      ) : (
        <Alert tone="info">{t('room.agreement.notMember')}</Alert>
      )}
    </div>
  );
}
