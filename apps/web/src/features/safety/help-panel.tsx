import type { CrisisResourceSetDto, SafetyPlanDto, SafetyResourcesEvent } from '@hearth/contracts';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

import { http } from '../../api/http';
import { useWordsIn } from '../../i18n/use-words-in';
import { Dialog } from '../../ui/components';
import { myLocale } from '../../ui/local-time';
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
  // Pushed after words of crisis, it speaks the language she wrote in; opened by her, the page's.
  const t = useWordsIn(pushed?.language);
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage === 'es' ? 'es' : 'en';
  useEffect(() => {
    if (open && !pushed) void loadCrisisResources(language).then(setFallback);
  }, [open, pushed, online, language]);
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
      <h3 id="help-my-plan">{t('help.yourPlan')}</h3>
      <PlanSummary
        language={pushed?.language}
        level={4}
        plan={mine}
        only={['helpers', 'calmingActions', 'distractions', 'professionals']}
      />
      <p>
        <Link to="/journal/safety-plan" onClick={onClose}>
          {t('help.openPlan')}
        </Link>
      </p>
    </section>
  );
  const resources = set ? (
    <ResourceList key="resources" resources={set.resources} language={pushed?.language} />
  ) : (
    <p key="resources">{t('help.emergency')}</p>
  );
  return (
    <Dialog open={open} title={t('help.title')} onClose={onClose}>
      <div className="help-panel">
        <p>{pushed?.message ?? t('help.calm')}</p>
        {pushed && (
          <p className={pushed.told ? 'told' : 'not-yet-told'} role="status">
            {pushed.toldMessage}
          </p>
        )}
        {pushed && !pushed.told && pushed.facilitatorsNextAt && (
          <p className="next-there">
            {t('safety.nextMeets', { when: nextThere(pushed.facilitatorsNextAt, pushed.language) })}
          </p>
        )}
        {offline && (
          <p className="offline-note" role="status">
            {fallback?.source === 'built-in' ? t('help.offlineBuiltIn') : t('help.offlineLast')}
          </p>
        )}
        {pushed ? [resources, planSection] : [planSection, resources]}
      </div>
    </Dialog>
  );
}

/** When the group next meets, in the reader's own zone and language: her facilitators are there then. */
function nextThere(at: string, language: 'en' | 'es'): string {
  return new Intl.DateTimeFormat(language === myLocale().split('-')[0] ? myLocale() : language, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: 'numeric',
    minute: '2-digit',
  }).format(new Date(at));
}
