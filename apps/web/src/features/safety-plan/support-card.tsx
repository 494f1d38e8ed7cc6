import type { CrisisResourceSetDto, JournalSupportDto, SafetyPlanDto } from '@hearth/contracts';
import { useEffect, useRef } from 'react';
import { Link } from 'react-router-dom';

import { http } from '../../api/http';
import { useWordsIn } from '../../i18n/use-words-in';
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
  // In the language she wrote in, which the server detected.
  const t = useWordsIn(support.language);
  return (
    <section
      ref={ref}
      className="card support-card"
      aria-labelledby="support-title"
      role="region"
      lang={support.language}
    >
      <h2 id="support-title">{t('safetyPlan.support.title')}</h2>
      <p>{t('safetyPlan.support.reachOut')}</p>
      {support.intrusive && <p>{t('safetyPlan.support.intrusive')}</p>}
      <p className="muted">{t('safetyPlan.support.private')}</p>
      {hasPlan(plan.data) ? (
        <section aria-labelledby="support-plan-title">
          <h3 id="support-plan-title">{t('safetyPlan.support.plan')}</h3>
          <PlanSummary
            language={support.language}
            level={4}
            plan={besideResources(plan.data, resources.data?.resources)}
            only={['helpers', 'calmingActions', 'professionals']}
          />
          <p>
            <Link className="button button-secondary" to={planLink}>
              {t('safetyPlan.support.openPlan')}
            </Link>
          </p>
        </section>
      ) : plan.data ? (
        <>
          <p>{t('safetyPlan.support.invitation')}</p>
          <p>
            <Link className="button button-secondary" to={planLink}>
              {t('safetyPlan.support.makePlan')}
            </Link>
          </p>
        </>
      ) : null}
      {resources.data ? (
        <ResourceList resources={resources.data.resources} language={support.language} />
      ) : (
        <p>{t('safetyPlan.support.noResources')}</p>
      )}
    </section>
  );
}
