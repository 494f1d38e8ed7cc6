import type { GroupDto } from '@hearth/contracts';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';

import { http } from '../../api/http';
import { Alert, Field, Loading, useAction } from '../../ui/components';
import { useLoad } from '../../ui/use-load';

/** `/invite/:code`: see where the invitation leads, choose a pseudonym, then read the agreement. */
export function InvitePage() {
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
        <h1>Invitation</h1>
        <Alert tone="error">{preview.error ?? 'This invitation does not work any more.'}</Alert>
        <p>Ask your facilitator for a new link.</p>
        <Link to="/">Back to your groups</Link>
      </div>
    );
  }
  const active = group.membership && ['active', 'pending'].includes(group.membership.status);
  return (
    <div className="page narrow">
      <h1>You are invited to {group.name}</h1>
      <p>{group.description}</p>
      {active ? (
        <p>
          You are already in this group. <Link to={`/groups/${group.id}`}>Open it</Link>
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
            label="Your pseudonym in this group"
            hint="The group knows you by this name only. You can use a first name, a nickname, or anything that feels right."
            required
            value={pseudonym}
            onChange={(e) => setPseudonym(e.target.value)}
            error={action.fieldError('pseudonym')}
          />
          {action.error && <Alert tone="error">{action.error}</Alert>}
          <button className="button" disabled={action.busy}>
            Join {group.name}
          </button>
        </form>
      )}
    </div>
  );
}
