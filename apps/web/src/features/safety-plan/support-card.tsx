import type { CrisisResourceSetDto, JournalSupportDto, SafetyPlanDto } from '@hearth/contracts';
import { useEffect, useRef } from 'react';
import { Link } from 'react-router-dom';

import { http } from '../../api/http';
import { useLoad } from '../../ui/use-load';
import { ResourceList } from '../safety/resource-list';
import { PlanSummary } from './plan-summary';
import { besideResources, hasPlan } from './wording';

/**
 * Shown in the page when a journal entry reads as crisis. Only she sees it: the journal is private, and Hearth
 * tells nobody, which the card says plainly so that she can trust it.
 */
export function SupportCard({ support }: { support: JournalSupportDto }) {
  const resources = useLoad(
    () => http.get<CrisisResourceSetDto>(`/me/moderation/crisis-resources?language=${support.language}`),
    [support.language],
  );
  const plan = useLoad(() => http.get<SafetyPlanDto>('/me/safety-plan'), []);
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    ref.current?.scrollIntoView({ block: 'start' });
  }, [support]);
  const planLink = `/journal/safety-plan${support.language === 'es' ? '?language=es' : ''}`;
  return (
    <section ref={ref} className="card support-card" aria-labelledby="support-title" role="region">
      <h2 id="support-title">You don’t have to hold this alone</h2>
      <p>
        What you wrote sounds really hard. If you might act on these thoughts, or you are in danger now,
        please reach out: the people below are there day and night.
      </p>
      {support.intrusive && (
        <p>
          Frightening thoughts like these are common after having a baby, and having a thought is not the same
          as acting on it. Postpartum Support International’s helpline is there for exactly this: you can call
          or text 1-800-944-4773 and talk about it without being judged.
        </p>
      )}
      <p className="muted">
        This stays in your journal. Hearth has not told anyone, not your group, not its facilitators.
      </p>
      {hasPlan(plan.data) ? (
        <section aria-labelledby="support-plan-title">
          <h3 id="support-plan-title">Your safety plan</h3>
          <PlanSummary
            plan={besideResources(plan.data, resources.data?.resources)}
            only={['helpers', 'calmingActions', 'professionals']}
          />
          <p>
            <Link to={planLink}>Open your safety plan</Link>
          </p>
        </section>
      ) : plan.data ? (
        <p>
          When you feel ready, you could write a safety plan: a short list of your warning signs, what helps,
          and who to call. It stays private. <Link to={planLink}>Make my safety plan</Link>
        </p>
      ) : null}
      {resources.data ? (
        <ResourceList resources={resources.data.resources} />
      ) : (
        <p>If you are in danger, call your local emergency number.</p>
      )}
    </section>
  );
}
