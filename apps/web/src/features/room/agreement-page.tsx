import type { AgreementDto, GroupDto } from '@hearth/contracts';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';

import { http } from '../../api/http';
import { Alert, formatDate, useAction, Pending } from '../../ui/components';
import { Markdown } from '../../ui/markdown';
import { useLoad } from '../../ui/use-load';

/** The group's agreement: read and accepted before entering, and again whenever a new version is published. */
export function AgreementPage() {
  const { groupId = '' } = useParams();
  const navigate = useNavigate();
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
        <Link to="/">← Your groups</Link>
      </p>
      <h1>{group.name}: our agreement</h1>
      {renewed && (
        <Alert tone="info">The agreement has changed since you last accepted it. Please read it again.</Alert>
      )}
      <article className="card agreement-text" aria-label="Agreement">
        <Markdown text={agreement.text} topHeading={2} />
        <p className="muted">
          Version {agreement.version}, published {formatDate(agreement.publishedAt)}
        </p>
      </article>
      {accepted ? (
        <p>
          You accepted this agreement. <Link to={`/groups/${groupId}`}>Go to the conversation</Link>
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
            <label htmlFor="agree">I have read the agreement and will keep it</label>
          </div>
          {action.error && <Alert tone="error">{action.error}</Alert>}
          <button className="button" disabled={!agreed || action.busy}>
            Accept and enter
          </button>
        </form>
      ) : (
        <Alert tone="info">You are not a member of this group.</Alert>
      )}
    </div>
  );
}
