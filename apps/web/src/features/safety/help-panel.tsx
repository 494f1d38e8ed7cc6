import type { CrisisResourceSetDto, SafetyPlanDto, SafetyResourcesEvent } from '@hearth/contracts';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';

import { http } from '../../api/http';
import { Dialog } from '../../ui/components';
import { PlanSummary } from '../safety-plan/plan-summary';
import { besideResources, hasPlan } from '../safety-plan/wording';
import { ResourceList } from './resource-list';

/**
 * Where to find help now. It opens by itself when the server sends `safety:resources` (after someone wrote words
 * of crisis) and is always reachable from the "Help now" button. Opened by her, her own safety plan comes first
 * (the people she chose, the things that help her); pushed after words of crisis, the lines its message points to
 * come first and her plan right after. Calm wording: it offers, it does not alarm.
 */
export function HelpPanel({
  open,
  pushed,
  onClose,
}: {
  open: boolean;
  pushed: SafetyResourcesEvent | null;
  onClose: () => void;
}) {
  const [fallback, setFallback] = useState<CrisisResourceSetDto | null>(null);
  const [plan, setPlan] = useState<SafetyPlanDto | null>(null);
  useEffect(() => {
    if (open && !pushed && !fallback) {
      http
        .get<CrisisResourceSetDto>('/me/moderation/crisis-resources')
        .then(setFallback)
        .catch(() => undefined);
    }
  }, [open, pushed, fallback]);
  useEffect(() => {
    if (!open) return;
    http
      .get<SafetyPlanDto>('/me/safety-plan')
      .then(setPlan)
      .catch(() => undefined);
  }, [open]);
  const set = pushed ?? fallback;
  const mine = plan && besideResources(plan, set?.resources);
  const planSection = mine && hasPlan(plan) && (
    <section key="plan" className="my-plan" aria-labelledby="help-my-plan">
      <h3 id="help-my-plan">Your safety plan</h3>
      <PlanSummary
        level={4}
        plan={mine}
        only={['helpers', 'calmingActions', 'distractions', 'professionals']}
      />
      <p>
        <Link to="/journal/safety-plan" onClick={onClose}>
          Open your whole plan
        </Link>
      </p>
    </section>
  );
  const resources = set ? (
    <ResourceList key="resources" resources={set.resources} language={pushed?.language} />
  ) : (
    <p key="resources">If you are in danger, call your local emergency number.</p>
  );
  return (
    <Dialog open={open} title="Support is here" onClose={onClose}>
      <div className="help-panel">
        <p>
          {pushed?.message ??
            'If things feel heavy right now, you do not have to hold it alone. These people are there for you, any time.'}
        </p>
        {pushed ? [resources, planSection] : [planSection, resources]}
      </div>
    </Dialog>
  );
}
