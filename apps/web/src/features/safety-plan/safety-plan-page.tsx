import {
  SAFETY_PLAN_LIMITS as LIMITS,
  type CrisisResourceSetDto,
  type SafetyPlanDto,
  type SafetyPlanStepsDto,
} from '@hearth/contracts';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';

import { http } from '../../api/http';
import { Alert, Pending, formatDateTime, useAction } from '../../ui/components';
import { useLoad } from '../../ui/use-load';
import { PlanSummary } from './plan-summary';
import { EMPTY_PLAN, hasPlan, STEPS, type StepWording, type TextStepKey } from './wording';

/** My safety plan: read it, change any step, print it. Private like the journal. */
export function SafetyPlanPage() {
  const [params] = useSearchParams();
  const plan = useLoad(() => http.get<SafetyPlanDto>('/me/safety-plan'), []);
  const [draft, setDraft] = useState<SafetyPlanStepsDto | null>(null);
  const [saved, setSaved] = useState(false);
  const action = useAction();
  const language = params.get('language') === 'es' ? 'es' : null;

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
        <Link to="/journal">← Journal</Link>
      </p>
      <div className="page-head">
        <h1>My safety plan</h1>
        {!draft && hasPlan(current) && (
          <div className="row no-print">
            <button type="button" className="button" onClick={edit}>
              Edit my plan
            </button>
            <button type="button" className="button button-secondary" onClick={() => window.print()}>
              Print
            </button>
          </div>
        )}
      </div>
      <p className="muted">
        A safety plan is a short list you write while things feel steadier, so that it is ready if they get
        hard. Only you can see it: it is encrypted like your journal, and your group and its facilitators
        never see it.
      </p>
      {saved && <Alert tone="success">Your plan is saved.</Alert>}
      {draft ? (
        <form
          className="plan-editor"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          {STEPS.map((step) => (
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
              Save my plan
            </button>
            <button type="button" className="button button-secondary" onClick={() => setDraft(null)}>
              Cancel
            </button>
          </div>
        </form>
      ) : hasPlan(current) ? (
        <>
          <PlanSummary plan={current} />
          {current.updatedAt && <p className="muted">Last changed {formatDateTime(current.updatedAt)}.</p>}
          <div className="row no-print">
            <button
              type="button"
              className="button-quiet"
              onClick={() =>
                window.confirm('Delete your safety plan? You can always make a new one.') &&
                action.run(async () => {
                  await http.delete('/me/safety-plan');
                  plan.setData({ ...EMPTY_PLAN, updatedAt: null });
                  setSaved(false);
                })
              }
            >
              Delete my plan
            </button>
          </div>
        </>
      ) : (
        <section className="card">
          <h2>Six small steps</h2>
          <ol>
            {STEPS.map((step) => (
              <li key={step.key}>{step.title}</li>
            ))}
          </ol>
          <p>
            You can fill in as much or as little as you like, on your own or with someone you trust, perhaps
            during a meeting with your therapist. You can change it whenever you want.
          </p>
          <button type="button" className="button" onClick={edit}>
            Make my plan
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
  return (
    <>
      <ul className="plan-items">
        {items.map((item, i) => (
          <li key={i} className="plan-item">
            <input
              aria-label={`${step.title}, item ${i + 1}`}
              value={item}
              maxLength={LIMITS.text}
              placeholder={i === 0 ? step.example : undefined}
              onChange={(e) => onChange(items.map((old, j) => (j === i ? e.target.value : old)))}
            />
            <button
              type="button"
              className="button-quiet"
              aria-label={`Remove item ${i + 1} from ${step.title}`}
              onClick={() => onChange(items.filter((_, j) => j !== i))}
            >
              Remove
            </button>
          </li>
        ))}
      </ul>
      {error && <p className="field-error">{error}</p>}
      {items.length < LIMITS.items && (
        <button type="button" className="button button-secondary" onClick={() => onChange([...items, ''])}>
          Add to “{step.title}”
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
  const helpers = draft.helpers;
  const set = (next: SafetyPlanStepsDto['helpers']) => setDraft({ ...draft, helpers: next });
  return (
    <>
      <ul className="plan-items">
        {helpers.map((helper, i) => (
          <li key={i} className="plan-contact">
            <label>
              Name
              <input
                value={helper.name}
                maxLength={LIMITS.name}
                placeholder={i === 0 ? 'My sister' : undefined}
                onChange={(e) => set(helpers.map((h, j) => (j === i ? { ...h, name: e.target.value } : h)))}
              />
            </label>
            {fieldError(`helpers.${i}.name`) && (
              <p className="field-error">{fieldError(`helpers.${i}.name`)}</p>
            )}
            <label>
              Phone (optional)
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
              aria-label={`Remove person ${i + 1}`}
              onClick={() => set(helpers.filter((_, j) => j !== i))}
            >
              Remove
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
          Add a person
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
              Name
              <input
                value={pro.name}
                maxLength={LIMITS.name}
                placeholder={i === 0 ? 'My midwife' : undefined}
                onChange={(e) => set(pros.map((p, j) => (j === i ? { ...p, name: e.target.value } : p)))}
              />
            </label>
            {fieldError(`professionals.${i}.name`) && (
              <p className="field-error">{fieldError(`professionals.${i}.name`)}</p>
            )}
            <label>
              Phone
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
              Website (optional if there is a phone)
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
              aria-label={`Remove professional or line ${i + 1}`}
              onClick={() => set(pros.filter((_, j) => j !== i))}
            >
              Remove
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
            Add a professional or line
          </button>
        )}
        <button
          type="button"
          className="button button-secondary"
          disabled={prefill.busy}
          onClick={addResources}
        >
          Add the crisis lines Hearth knows
        </button>
      </div>
      {prefill.error && <Alert tone="error">{prefill.error}</Alert>}
    </>
  );
}
