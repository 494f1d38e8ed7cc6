import type { CrisisResourceSetDto, JournalSupportDto, SafetyPlanDto } from '@hearth/contracts';
import { useEffect, useRef } from 'react';
import { Link } from 'react-router-dom';

import { http } from '../../api/http';
import { useLoad } from '../../ui/use-load';
import { ResourceList } from '../safety/resource-list';
import { PlanSummary } from './plan-summary';
import { besideResources, hasPlan } from './wording';

const WORDING = {
  en: {
    title: 'You don’t have to hold this alone',
    reachOut:
      'What you wrote sounds really hard. If you might act on these thoughts, or you are in danger now, please reach out: the people below are there day and night.',
    intrusive:
      'Frightening thoughts like these are common after having a baby, and having a thought is not the same as acting on it. Postpartum Support International’s helpline is there for exactly this: you can call or text 1-800-944-4773 and talk about it without being judged.',
    private: 'This stays in your journal. Hearth has not told anyone, not your group, not its facilitators.',
    plan: 'Your safety plan',
    openPlan: 'Open your safety plan',
    invitation:
      'When you feel ready, you could write a safety plan: a short list of your warning signs, what helps, and who to call. It stays private.',
    makePlan: 'Make my safety plan',
    noResources: 'If you are in danger, call your local emergency number.',
  },
  es: {
    title: 'No tienes que cargar con esto a solas',
    reachOut:
      'Lo que escribiste suena muy difícil. Si pudieras actuar según estos pensamientos, o si estás en peligro ahora, por favor busca ayuda: las personas de abajo están ahí de día y de noche.',
    intrusive:
      'Los pensamientos aterradores como estos son comunes después de tener un bebé, y tener un pensamiento no es lo mismo que actuar. La línea de ayuda de Postpartum Support International está ahí justamente para esto: puedes llamar o escribir al 1-800-944-4773, también en español, y hablarlo sin que nadie te juzgue.',
    private:
      'Esto se queda en tu diario. Hearth no se lo ha contado a nadie: ni a tu grupo ni a quienes lo facilitan.',
    plan: 'Tu plan de seguridad',
    openPlan: 'Abrir tu plan de seguridad',
    invitation:
      'Cuando te sientas con ánimo, puedes escribir un plan de seguridad: una lista corta de tus señales de alerta, lo que te ayuda y a quién llamar. Es privado.',
    makePlan: 'Hacer mi plan de seguridad',
    noResources: 'Si estás en peligro, llama al número de emergencias de tu país.',
  },
};

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
  const words = WORDING[support.language];
  return (
    <section
      ref={ref}
      className="card support-card"
      aria-labelledby="support-title"
      role="region"
      lang={support.language}
    >
      <h2 id="support-title">{words.title}</h2>
      <p>{words.reachOut}</p>
      {support.intrusive && <p>{words.intrusive}</p>}
      <p className="muted">{words.private}</p>
      {hasPlan(plan.data) ? (
        <section aria-labelledby="support-plan-title" lang="en">
          <h3 id="support-plan-title">{words.plan}</h3>
          <PlanSummary
            level={4}
            plan={besideResources(plan.data, resources.data?.resources)}
            only={['helpers', 'calmingActions', 'professionals']}
          />
          <p>
            <Link to={planLink}>{words.openPlan}</Link>
          </p>
        </section>
      ) : plan.data ? (
        <p>
          {words.invitation} <Link to={planLink}>{words.makePlan}</Link>
        </p>
      ) : null}
      {resources.data ? (
        <ResourceList resources={resources.data.resources} language={support.language} />
      ) : (
        <p>{words.noResources}</p>
      )}
    </section>
  );
}
