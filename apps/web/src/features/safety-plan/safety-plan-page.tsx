import {
  SAFETY_PLAN_LIMITS as LIMITS,
  type CrisisResourceSetDto,
  type SafetyPlanDto,
  type SafetyPlanStepsDto,
} from '@hearth/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';

import { http } from '../../api/http';
import { Alert, Pending, formatDateTime, useAction } from '../../ui/components';
import { useLoad } from '../../ui/use-load';
import { PlanSummary } from './plan-summary';
import { EMPTY_PLAN, hasPlan, stepsIn, type StepWording, type TextStepKey } from './wording';

/** My safety plan: read it, change any step, print it. Private like the journal. */
export function SafetyPlanPage() {
  const [params] = useSearchParams();
  const plan = useLoad(() => http.get<SafetyPlanDto>('/me/safety-plan'), []);
  const [draft, setDraft] = useState<SafetyPlanStepsDto | null>(null);
  const [saved, setSaved] = useState(false);
  const action = useAction();
  const { t, i18n } = useTranslation();
  const steps = stepsIn(t);
  // The crisis lines to add: the language the link asked for (a card in the language she wrote in), else the page's.
  const language = params.get('language') === 'es' || i18n.resolvedLanguage === 'es' ? 'es' : null;

  if (!plan.data) return <Pending loaded={plan} />;
  const current = plan.data;

  const edit = () => {
    setSaved(false);
    action.clear();
    setDraft(structuredClone(hasPlan(current) ? current : EMPTY_PLAN));
  };

  const save = () =>
    action.run(async () => {
      if (!draft) return;
      const body: SafetyPlanStepsDto = {
        warningSigns: cleanTexts(draft.warningSigns),
        calmingActions: cleanTexts(draft.calmingActions),
        distractions: cleanTexts(draft.distractions),
        helpers: draft.helpers
          .filter((h) => h.name.trim() || h.phone?.trim())
          .map((h) => ({ name: h.name.trim(), phone: h.phone?.trim() || null })),
        professionals: draft.professionals
          .filter((p) => p.name.trim() || p.phone?.trim() || p.url?.trim())
          .map((p) => ({ name: p.name.trim(), phone: p.phone?.trim() || null, url: withScheme(p.url) })),
        saferSurroundings: cleanTexts(draft.saferSurroundings),
      };
      plan.setData(await http.put<SafetyPlanDto>('/me/safety-plan', body));
      setDraft(null);
      setSaved(true);
    });

  return (
    <div className="page narrow safety-plan-page">
      <p className="no-print">
        <Link className="back-link" to="/journal">
          {t('safetyPlan.back')}
        </Link>
      </p>
      <div className="page-head">
        <h1>{t('safetyPlan.title')}</h1>
        {!draft && hasPlan(current) && (
          <div className="row no-print">
            <button type="button" className="button" onClick={edit}>
              {t('safetyPlan.edit')}
            </button>
            <button type="button" className="button button-secondary" onClick={() => window.print()}>
              {t('safetyPlan.print')}
            </button>
          </div>
        )}
      </div>
      <p className="muted">{t('safetyPlan.intro')}</p>
      {saved && <Alert tone="success">{t('safetyPlan.saved')}</Alert>}
      {draft ? (
        <form
          className="plan-editor"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          {steps.map((step) => (
            <fieldset key={step.key} className="card plan-step-editor">
              <legend>
                <span className="plan-step-number">{step.number}</span> {step.title}
              </legend>
              <p className="hint">{step.hint}</p>
              {step.key === 'helpers' ? (
                <HelpersEditor draft={draft} setDraft={setDraft} fieldError={action.fieldError} />
              ) : step.key === 'professionals' ? (
                <ProfessionalsEditor
                  draft={draft}
                  setDraft={setDraft}
                  fieldError={action.fieldError}
                  language={language}
                />
              ) : (
                <TextItemsEditor
                  step={step as StepWording & { key: TextStepKey }}
                  items={draft[step.key as TextStepKey]}
                  onChange={(items) => setDraft({ ...draft, [step.key]: items })}
                  error={action.fieldError(step.key)}
                />
              )}
            </fieldset>
          ))}
          {action.error && <Alert tone="error">{action.error}</Alert>}
          <div className="row">
            <button className="button" disabled={action.busy}>
              {t('safetyPlan.save')}
            </button>
            <button type="button" className="button button-secondary" onClick={() => setDraft(null)}>
              {t('safetyPlan.cancel')}
            </button>
          </div>
        </form>
      ) : hasPlan(current) ? (
        <>
          <PlanSummary plan={current} />
          {current.updatedAt && (
            <p className="muted">
              {t('safetyPlan.lastChanged', { date: formatDateTime(current.updatedAt) })}
            </p>
          )}
          <div className="row no-print">
            <button
              type="button"
              className="button-quiet"
              onClick={() =>
                window.confirm(t('safetyPlan.confirmDelete')) &&
                action.run(async () => {
                  await http.delete('/me/safety-plan');
                  plan.setData({ ...EMPTY_PLAN, updatedAt: null });
                  setSaved(false);
                })
              }
            >
              {t('safetyPlan.delete')}
            </button>
          </div>
        </>
      ) : (
        <section className="card">
          <h2>{t('safetyPlan.sixSteps')}</h2>
          <ol>
            {steps.map((step) => (
              <li key={step.key}>{step.title}</li>
            ))}
          </ol>
          <p>{t('safetyPlan.howTo')}</p>
          <button type="button" className="button" onClick={edit}>
            {t('safetyPlan.make')}
          </button>
        </section>
      )}
    </div>
  );
}

const cleanTexts = (items: string[]) => items.map((item) => item.trim()).filter(Boolean);

function withScheme(url: string | null | undefined): string | null {
  const trimmed = url?.trim();
  if (!trimmed) return null;
  return /^https?:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
}

type FieldError = (name: string) => string | undefined;

function TextItemsEditor({
  step,
  items,
  onChange,
  error,
}: {
  step: StepWording & { key: TextStepKey };
  items: string[];
  onChange: (items: string[]) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <ul className="plan-items">
        {items.map((item, i) => (
          <li key={i} className="plan-item">
            <input
              aria-label={t('safetyPlan.item', { step: step.title, number: i + 1 })}
              value={item}
              maxLength={LIMITS.text}
              placeholder={i === 0 ? step.example : undefined}
              onChange={(e) => onChange(items.map((old, j) => (j === i ? e.target.value : old)))}
            />
            <button
              type="button"
              className="button-quiet"
              aria-label={t('safetyPlan.removeItem', { number: i + 1, step: step.title })}
              onClick={() => onChange(items.filter((_, j) => j !== i))}
            >
              {t('safetyPlan.remove')}
            </button>
          </li>
        ))}
      </ul>
      {error && <p className="field-error">{error}</p>}
      {items.length < LIMITS.items && (
        <button type="button" className="button button-secondary" onClick={() => onChange([...items, ''])}>
          {t('safetyPlan.addTo', { step: step.title })}
        </button>
      )}
    </>
  );
}

function HelpersEditor({
  draft,
  setDraft,
  fieldError,
}: {
  draft: SafetyPlanStepsDto;
  setDraft: (plan: SafetyPlanStepsDto) => void;
  fieldError: FieldError;
}) {
  const { t } = useTranslation();
  const helpers = draft.helpers;
  const set = (next: SafetyPlanStepsDto['helpers']) => setDraft({ ...draft, helpers: next });
  return (
    <>
      <ul className="plan-items">
        {helpers.map((helper, i) => (
          <li key={i} className="plan-contact">
            <label>
              {t('safetyPlan.name')}
              <input
                value={helper.name}
                maxLength={LIMITS.name}
                placeholder={i === 0 ? t('safetyPlan.steps.helpers.example') : undefined}
                onChange={(e) => set(helpers.map((h, j) => (j === i ? { ...h, name: e.target.value } : h)))}
              />
            </label>
            {fieldError(`helpers.${i}.name`) && (
              <p className="field-error">{fieldError(`helpers.${i}.name`)}</p>
            )}
            <label>
              {t('safetyPlan.phoneOptional')}
              <input
                type="tel"
                value={helper.phone ?? ''}
                maxLength={LIMITS.phone}
                onChange={(e) => set(helpers.map((h, j) => (j === i ? { ...h, phone: e.target.value } : h)))}
              />
            </label>
            {fieldError(`helpers.${i}.phone`) && (
              <p className="field-error">{fieldError(`helpers.${i}.phone`)}</p>
            )}
            <button
              type="button"
              className="button-quiet"
              aria-label={t('safetyPlan.removePerson', { number: i + 1 })}
              onClick={() => set(helpers.filter((_, j) => j !== i))}
            >
              {t('safetyPlan.remove')}
            </button>
          </li>
        ))}
      </ul>
      {helpers.length < LIMITS.items && (
        <button
          type="button"
          className="button button-secondary"
          onClick={() => set([...helpers, { name: '', phone: null }])}
        >
          {t('safetyPlan.addPerson')}
        </button>
      )}
    </>
  );
}

function ProfessionalsEditor({
  draft,
  setDraft,
  fieldError,
  language,
}: {
  draft: SafetyPlanStepsDto;
  setDraft: (plan: SafetyPlanStepsDto) => void;
  fieldError: FieldError;
  language: 'es' | null;
}) {
  const { t } = useTranslation();
  const pros = draft.professionals;
  const set = (next: SafetyPlanStepsDto['professionals']) => setDraft({ ...draft, professionals: next });
  const prefill = useAction();
  const addResources = () =>
    prefill.run(async () => {
      const query = language ? `?language=${language}` : '';
      const set_ = await http.get<CrisisResourceSetDto>(`/me/moderation/crisis-resources${query}`);
      const known = new Set(pros.map((p) => p.name.trim().toLowerCase()));
      const added = set_.resources
        .filter((r) => (r.phone || r.url) && !known.has(r.name.trim().toLowerCase()))
        .map((r) => ({ name: r.name.slice(0, LIMITS.name), phone: r.phone ?? null, url: r.url ?? null }));
      set([...pros, ...added].slice(0, LIMITS.items));
    });
  return (
    <>
      <ul className="plan-items">
        {pros.map((pro, i) => (
          <li key={i} className="plan-contact">
            <label>
              {t('safetyPlan.name')}
              <input
                value={pro.name}
                maxLength={LIMITS.name}
                placeholder={i === 0 ? t('safetyPlan.steps.professionals.example') : undefined}
                onChange={(e) => set(pros.map((p, j) => (j === i ? { ...p, name: e.target.value } : p)))}
              />
            </label>
            {fieldError(`professionals.${i}.name`) && (
              <p className="field-error">{fieldError(`professionals.${i}.name`)}</p>
            )}
            <label>
              {t('safetyPlan.phone')}
              <input
                type="tel"
                value={pro.phone ?? ''}
                maxLength={LIMITS.phone}
                onChange={(e) => set(pros.map((p, j) => (j === i ? { ...p, phone: e.target.value } : p)))}
              />
            </label>
            {fieldError(`professionals.${i}.phone`) && (
              <p className="field-error">{fieldError(`professionals.${i}.phone`)}</p>
            )}
            <label>
              {t('safetyPlan.website')}
              <input
                inputMode="url"
                value={pro.url ?? ''}
                maxLength={LIMITS.url}
                onChange={(e) => set(pros.map((p, j) => (j === i ? { ...p, url: e.target.value } : p)))}
              />
            </label>
            {fieldError(`professionals.${i}.url`) && (
              <p className="field-error">{fieldError(`professionals.${i}.url`)}</p>
            )}
            <button
              type="button"
              className="button-quiet"
              aria-label={t('safetyPlan.removeProfessional', { number: i + 1 })}
              onClick={() => set(pros.filter((_, j) => j !== i))}
            >
              {t('safetyPlan.remove')}
            </button>
          </li>
        ))}
      </ul>
      <div className="row">
        {pros.length < LIMITS.items && (
          <button
            type="button"
            className="button button-secondary"
            onClick={() => set([...pros, { name: '', phone: null, url: null }])}
          >
            {t('safetyPlan.addProfessional')}
          </button>
        )}
        <button
          type="button"
          className="button button-secondary"
          disabled={prefill.busy}
          onClick={addResources}
        >
          {t('safetyPlan.addLines')}
        </button>
      </div>
      {prefill.error && <Alert tone="error">{prefill.error}</Alert>}
    </>
  );
}
