import type { CrisisResourceSetDto, SafetyPlanDto, SafetyResourcesEvent } from '@hearth/contracts';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';

import { http } from '../../api/http';
import { Dialog } from '../../ui/components';
import { PlanSummary } from '../safety-plan/plan-summary';
import { besideResources, hasPlan } from '../safety-plan/wording';
import { loadCrisisResources, type CrisisResourcesSource } from './built-in-resources';
import { ResourceList } from './resource-list';
import { useOnline } from './use-online';

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
  const [fallback, setFallback] = useState<{
    set: CrisisResourceSetDto;
    source: CrisisResourcesSource;
  } | null>(null);
  const [plan, setPlan] = useState<SafetyPlanDto | null>(null);
  const online = useOnline();
  useEffect(() => {
    if (open && !pushed) void loadCrisisResources().then(setFallback);
  }, [open, pushed, online]);
  useEffect(() => {
    if (!open) return;
    http
      .get<SafetyPlanDto>('/me/safety-plan')
      .then(setPlan)
      .catch(() => undefined);
  }, [open]);
  const set = pushed ?? fallback?.set ?? null;
  const offline = !pushed && (!online || (fallback !== null && fallback.source !== 'server'));
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
        {pushed && (
          <p className={pushed.told ? 'told' : 'not-yet-told'} role="status">
            {pushed.toldMessage}
          </p>
        )}
        {pushed && !pushed.told && pushed.facilitatorsNextAt && (
          <p className="next-there">{nextThere(pushed.facilitatorsNextAt, pushed.language)}</p>
        )}
        {offline && (
          <p className="offline-note" role="status">
            {fallback?.source === 'built-in'
              ? 'You are offline. These are the US lines built into Hearth. Calls and texts work without the internet.'
              : 'You are offline. These are the lines Hearth last loaded. Calls and texts work without the internet.'}
          </p>
        )}
        {pushed ? [resources, planSection] : [planSection, resources]}
      </div>
    </Dialog>
  );
}

/** When the group next meets, in the reader's own zone and language: her facilitators are there then. */
function nextThere(at: string, language: 'en' | 'es'): string {
  const when = new Intl.DateTimeFormat(language === 'es' ? 'es' : undefined, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: 'numeric',
    minute: '2-digit',
  }).format(new Date(at));
  return language === 'es'
    ? `Tu grupo se reúne de nuevo el ${when}; tus facilitadoras estarán allí.`
    : `Your group next meets on ${when}, and your facilitators will be there.`;
}
