import type { SafetyPlanStepsDto } from '@hearth/contracts';
import { useId } from 'react';

import { useWordsIn } from '../../i18n/use-words-in';
import { stepsIn, telHref } from './wording';

/**
 * A safety plan read back to its author, step by step (empty steps left out). `only` keeps the steps that help in
 * the moment, in the order given (the people to call first, then the things that help), as Help now does.
 */
export function PlanSummary({
  plan,
  only,
  level = 2,
  language,
}: {
  plan: SafetyPlanStepsDto;
  only?: (keyof SafetyPlanStepsDto)[];
  /** The level of each step's heading, under the heading of where the plan is shown. */
  level?: 2 | 3 | 4;
  /** The language of where it is shown, when that is not the page's (a card in the language she wrote in). */
  language?: 'en' | 'es';
}) {
  const Heading = `h${level}` as const;
  const id = useId();
  const t = useWordsIn(language);
  const all = stepsIn(t);
  const chosen = only ? only.map((key) => all.find((step) => step.key === key)!) : all;
  const steps = chosen.filter((step) => plan[step.key].length > 0);
  return (
    <div className="plan-summary">
      {steps.map((step) => (
        <section key={step.key} className="plan-step" aria-labelledby={`${id}-${step.key}`}>
          <Heading id={`${id}-${step.key}`}>
            {/* Numbers only in the plan's own order: picked steps would read 4, 2, 3. */}
            {!only && <span className="plan-step-number">{step.number}</span>} {step.title}
          </Heading>
          <ul>
            {step.key === 'helpers'
              ? plan.helpers.map((helper, i) => (
                  <li key={i}>
                    <strong>{helper.name}</strong>
                    {helper.phone && (
                      <>
                        {' '}
                        <a href={telHref(helper.phone)}>{t('safetyPlan.call', { phone: helper.phone })}</a>
                      </>
                    )}
                  </li>
                ))
              : step.key === 'professionals'
                ? plan.professionals.map((pro, i) => (
                    <li key={i}>
                      <strong>{pro.name}</strong>
                      {pro.phone && (
                        <>
                          {' '}
                          <a href={telHref(pro.phone)}>{t('safetyPlan.call', { phone: pro.phone })}</a>
                        </>
                      )}
                      {pro.url && (
                        <>
                          {' '}
                          <a href={pro.url} target="_blank" rel="noreferrer noopener">
                            {pro.url.replace(/^https?:\/\//, '')}
                          </a>
                        </>
                      )}
                    </li>
                  ))
                : plan[step.key].map((item, i) => <li key={i}>{item}</li>)}
          </ul>
        </section>
      ))}
    </div>
  );
}
