import type {
  CrisisResourceDto,
  QuestionnaireResponseDto,
  QuestionnaireSafetyDto,
  SafetyPlanDto,
} from '@hearth/contracts';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router-dom';

import { http } from '../../api/http';
import { useWordsIn } from '../../i18n/use-words-in';
import { Alert, useAction } from '../../ui/components';
import { useLoad } from '../../ui/use-load';
import { loadCrisisResources } from '../safety/built-in-resources';
import { ResourceList } from '../safety/resource-list';
import { PlanSummary } from '../safety-plan/plan-summary';
import { besideResources, hasPlan } from '../safety-plan/wording';
import { safetyWords, type Language } from './wording';

/**
 * Shown first, before the score, after an answer above zero on the self-harm item: the crisis lines, her safety
 * plan, and who knows. Nobody is told unless the group that asked for it was, or she chooses to tell one.
 */
export function SafetyScreen({
  response,
  language,
  groupName,
  onTold,
}: {
  response: QuestionnaireResponseDto & { safety: QuestionnaireSafetyDto };
  language: Language;
  /** The group that asked for it, when it did. */
  groupName?: string;
  onTold: (response: QuestionnaireResponseDto) => void;
}) {
  const words = safetyWords(useWordsIn(language));
  const { safety } = response;
  const plan = useLoad(() => http.get<SafetyPlanDto>('/me/safety-plan'), []);
  const [told, setTold] = useState<string | null>(null);
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  const planLink = `/journal/safety-plan${language === 'es' ? '?language=es' : ''}`;
  return (
    <section
      ref={ref}
      tabIndex={-1}
      className="card support-card safety-screen"
      aria-labelledby="safety-title"
      lang={language}
    >
      <h2 id="safety-title">{words.title}</h2>
      <p>{words.body}</p>
      {safety.resources.resources.length > 0 ? (
        <ResourceList resources={safety.resources.resources} language={language} />
      ) : (
        <p>{words.noResources}</p>
      )}
      {hasPlan(plan.data) ? (
        <section aria-labelledby="safety-plan-title">
          <h3 id="safety-plan-title">{words.plan}</h3>
          <PlanSummary
            language={language}
            level={4}
            plan={besideResources(plan.data, safety.resources.resources)}
            only={['helpers', 'calmingActions', 'professionals']}
          />
          <p>
            <Link className="button button-secondary" to={planLink}>
              {words.openPlan}
            </Link>
          </p>
        </section>
      ) : (
        <>
          <p>{words.invitation}</p>
          <p>
            <Link className="button button-secondary" to={planLink}>
              {words.makePlan}
            </Link>
          </p>
        </>
      )}
      {safety.facilitatorsTold ? (
        <p className="told" role="status">
          {words.told(told ?? groupName ?? words.toldGroup)}
        </p>
      ) : safety.canTell.length > 0 ? (
        <TellForm
          response={response}
          language={language}
          onTold={(next, name) => {
            setTold(name);
            onTold(next);
          }}
        />
      ) : (
        <p className="not-yet-told">{words.nobody}</p>
      )}
    </section>
  );
}

function TellForm({
  response,
  language,
  onTold,
}: {
  response: QuestionnaireResponseDto & { safety: QuestionnaireSafetyDto };
  language: Language;
  onTold: (response: QuestionnaireResponseDto, groupName: string) => void;
}) {
  const words = safetyWords(useWordsIn(language));
  const groups = response.safety.canTell;
  const [groupId, setGroupId] = useState(groups[0].groupId);
  const action = useAction();
  return (
    <form
      className="tell-form"
      aria-labelledby="tell-title"
      onSubmit={(e) =>
        action.run(async () => {
          const next = await http.post<QuestionnaireResponseDto>(
            `/me/questionnaires/responses/${response.id}/tell`,
            { groupId },
          );
          onTold(next, groups.find((g) => g.groupId === groupId)?.name ?? '');
        }, e)
      }
    >
      <h3 id="tell-title">{words.tellTitle}</h3>
      <p className="not-yet-told">{words.notTold}</p>
      <fieldset>
        <legend>{words.tellWhich}</legend>
        {groups.map((group) => (
          <div className="check" key={group.groupId}>
            <input
              type="radio"
              name="tell-group"
              id={`tell-${group.groupId}`}
              checked={groupId === group.groupId}
              onChange={() => setGroupId(group.groupId)}
            />
            <label htmlFor={`tell-${group.groupId}`}>{group.name}</label>
          </div>
        ))}
      </fieldset>
      {action.error && <Alert tone="error">{action.error}</Alert>}
      <button className="button" disabled={action.busy}>
        {words.tell}
      </button>
    </form>
  );
}

/**
 * A self-harm answer that could not be sent (offline, or Hearth unreachable): the crisis lines at once, from this
 * device (the last ones it fetched, else the built-in ones), and her safety plan. Her answers stay in the tab and
 * go when she submits again.
 */
export function UnsentSafety({ language }: { language: Language }) {
  const words = safetyWords(useWordsIn(language));
  const [resources, setResources] = useState<CrisisResourceDto[] | null>(null);
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    let current = true;
    void loadCrisisResources(language).then(({ set }) => current && setResources(set.resources));
    ref.current?.focus();
    return () => {
      current = false;
    };
  }, [language]);
  return (
    <section
      ref={ref}
      tabIndex={-1}
      className="card support-card safety-screen unsent-safety"
      aria-labelledby="unsent-safety-title"
      lang={language}
    >
      <h2 id="unsent-safety-title">{words.unsentTitle}</h2>
      <p>{words.unsentBody}</p>
      {resources && <ResourceList resources={resources} language={language} />}
      <p>
        <Link to={`/journal/safety-plan${language === 'es' ? '?language=es' : ''}`}>{words.unsentPlan}</Link>
      </p>
    </section>
  );
}
