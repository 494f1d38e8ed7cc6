import type { GroupDto } from '@hearth/contracts';
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';

import { http } from '../../api/http';
import { Alert, Field, Loading, useAction } from '../../ui/components';
import { useLoad } from '../../ui/use-load';

/** `/invite/:code`: see where the invitation leads, choose a pseudonym, then read the agreement. */
export function InvitePage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const navigate = useNavigate();
  const preview = useLoad(() => http.get<GroupDto>(`/invites/${encodeURIComponent(code)}`), [code]);
  const [pseudonym, setPseudonym] = useState('');
  const action = useAction();
  if (preview.loading && !preview.data) return <Loading />;
  const group = preview.data;
  if (!group) {
    return (
      <div className="page narrow">
        <h1>{t('home.invite.title')}</h1>
        <Alert tone="error">{preview.error ?? t('home.invite.broken')}</Alert>
        <p>{t('home.invite.askNew')}</p>
        <Link className="back-link" to="/">
          {t('home.invite.back')}
        </Link>
      </div>
    );
  }
  const active = group.membership && ['active', 'pending'].includes(group.membership.status);
  return (
    <div className="page narrow">
      <h1>{t('home.invite.invited', { name: group.name })}</h1>
      <p>{group.description}</p>
      {active ? (
        <p>
          <Trans i18nKey="home.invite.already" components={{ open: <Link to={`/groups/${group.id}`} /> }} />
        </p>
      ) : (
        <form
          className="card"
          onSubmit={(e) =>
            action.run(async () => {
              const joined = await http.post<GroupDto>(`/invites/${encodeURIComponent(code)}/redeem`, {
                pseudonym,
              });
              navigate(`/groups/${joined.id}/agreement`);
            }, e)
          }
        >
          <Field
            label={t('home.discover.pseudonym')}
            hint={t('home.invite.pseudonymHint')}
            required
            value={pseudonym}
            onChange={(e) => setPseudonym(e.target.value)}
            error={action.fieldError('pseudonym')}
          />
          {action.error && <Alert tone="error">{action.error}</Alert>}
          <button className="button" disabled={action.busy}>
            {t('home.invite.join', { name: group.name })}
          </button>
        </form>
      )}
    </div>
  );
}
