import type {
  GroupDto,
  QuestionnaireDto,
  QuestionnaireResponseDto,
  QuestionnaireSafetyDto,
} from '@hearth/contracts';
import { useEffect, useId, useRef, useState } from 'react';
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router-dom';

import { http } from '../../api/http';
import { useWordsIn } from '../../i18n/use-words-in';
import { Alert, Pending, useAction } from '../../ui/components';
import { useDraft } from '../../ui/drafts';
import { useLoad } from '../../ui/use-load';
import { SafetyScreen, UnsentSafety } from './safety-screen';
import { browserLanguage, takingWords, type Language } from './wording';

/**
 * Taking one questionnaire, as a compact list of questions that reads on a phone: each question a fieldset of
 * radio buttons, a progress line, and Submit once every question has an answer.
 */
export function TakeQuestionnairePage() {
  const { instrument = '' } = useParams();
  const [params] = useSearchParams();
  const groupId = params.get('group');
  // A fresh page for each questionnaire, so that answers kept for one never carry over to another.
  return <TakeQuestionnaire key={`${instrument}.${groupId}`} instrument={instrument} groupId={groupId} />;
}

function TakeQuestionnaire({ instrument, groupId }: { instrument: string; groupId: string | null }) {
  const [language, setLanguage] = useState<Language>(browserLanguage);
  const questionnaire = useLoad(
    () => http.get<QuestionnaireDto>(`/questionnaires/${instrument}?language=${language}`),
    [instrument, language],
  );
  const group = useLoad(
    () => (groupId ? http.get<GroupDto>(`/groups/${groupId}`) : Promise.resolve(null)),
    [groupId],
  );
  const [answers, setAnswers] = useAnswers(`questionnaire.${instrument}.${groupId ?? 'own'}`);
  const navigate = useNavigate();
  const [result, setResult] = useKeptResult(instrument);
  const action = useAction();
  const words = takingWords(useWordsIn(language));
  const headingRef = useRef<HTMLHeadingElement>(null);
  const progressId = useId();
  // After a self-harm answer the safety screen takes the focus, so that it is read first.
  useEffect(() => {
    if (result && !result.safety) headingRef.current?.focus();
  }, [result]);

  const q = questionnaire.data;
  if (!q) return <Pending loaded={questionnaire} />;
  const shown = q.language;
  const done = answers.filter((a) => a !== undefined).length;
  const complete = done === q.items.length;

  return (
    <div className="page narrow questionnaire" lang={shown}>
      <p>
        <Link className="back-link" to="/journal/questionnaires">
          {words.back}
        </Link>
      </p>
      <h1 ref={headingRef} tabIndex={-1}>
        {q.title}
      </h1>
      {q.languages.length > 1 && !result && (
        <div className="row language-switch" role="group" aria-label={words.language}>
          {(['en', 'es'] as const).map((option) => (
            <button
              key={option}
              type="button"
              lang={option}
              className={`button ${option === shown ? '' : 'button-secondary'}`}
              aria-pressed={option === shown}
              onClick={() => setLanguage(option)}
            >
              {option === 'en' ? 'English' : 'Español'}
            </button>
          ))}
        </div>
      )}
      {result ? (
        <Result
          response={result}
          questionnaire={q}
          groupName={group.data?.name}
          onTold={setResult}
          onAgain={() => {
            setResult(null);
            setAnswers([]);
          }}
        />
      ) : (
        <form
          onSubmit={(e) =>
            action.run(async () => {
              const response = await http.post<QuestionnaireResponseDto>('/me/questionnaires/responses', {
                instrument: q.id,
                answers,
                language: shown,
                ...(groupId ? { groupId } : {}),
              });
              setAnswers([]);
              setResult(response);
              window.scrollTo({ top: 0 });
            }, e)
          }
        >
          {group.data && <p className="note">{words.forGroup(group.data.name)}</p>}
          <p className="lead">{q.instructions}</p>
          <ol className="questions">
            {q.items.map((item, i) => (
              <li key={i}>
                <fieldset className="question">
                  <legend>
                    <span className="question-number">{i + 1}.</span> {item.text}
                  </legend>
                  {item.options.map((option, position) => (
                    <div className="check" key={position}>
                      <input
                        type="radio"
                        id={`q${i}-${position}`}
                        name={`q${i}`}
                        checked={answers[i] === position}
                        onChange={() => {
                          const next = [...answers];
                          next[i] = position;
                          setAnswers(next);
                        }}
                      />
                      <label htmlFor={`q${i}-${position}`}>{option}</label>
                    </div>
                  ))}
                </fieldset>
              </li>
            ))}
          </ol>
          {action.error && <Alert tone="error">{action.error}</Alert>}
          {action.error && q.selfHarm && q.selfHarm.positions.includes(answers[q.selfHarm.item] ?? -1) && (
            <UnsentSafety language={shown} />
          )}
          {/* Kept in view at the foot of the screen while she scrolls through the questions. */}
          <div className="questionnaire-footer">
            <div className="questionnaire-progress">
              <span id={progressId}>{words.answered(done, q.items.length)}</span>
              <progress value={done} max={q.items.length} aria-labelledby={progressId} />
              {!complete && (
                <span id={`${progressId}-hint`} className="visually-hidden">
                  {words.submitHint}
                </span>
              )}
            </div>
            <button
              type="button"
              className="button button-secondary"
              onClick={() => {
                // Answers given so far are only forgotten once she says so.
                if (done > 0 && !window.confirm(words.cancelConfirm)) return;
                setAnswers([]);
                navigate('/journal/questionnaires');
              }}
            >
              {words.cancel}
            </button>
            <button
              className="button"
              disabled={!complete || action.busy}
              aria-describedby={complete ? undefined : `${progressId} ${progressId}-hint`}
            >
              {action.busy ? words.sending : words.submit}
            </button>
          </div>
          <p className="muted">{words.kept}</p>
          <p className="muted attribution">{q.attribution}</p>
        </form>
      )}
    </div>
  );
}

function Result({
  response,
  questionnaire,
  groupName,
  onTold,
  onAgain,
}: {
  response: QuestionnaireResponseDto;
  questionnaire: QuestionnaireDto;
  groupName?: string;
  onTold: (response: QuestionnaireResponseDto) => void;
  onAgain: () => void;
}) {
  const words = takingWords(useWordsIn(response.language));
  return (
    <>
      {response.safety && (
        <SafetyScreen
          response={response as QuestionnaireResponseDto & { safety: QuestionnaireSafetyDto }}
          language={response.language}
          groupName={groupName}
          onTold={onTold}
        />
      )}
      <section className="card score-result" aria-labelledby="score-title">
        <h2 id="score-title">{words.scoreTitle}</h2>
        <p className="score-figure">
          <strong>{words.score(response.score, response.maxScore)}</strong> · {response.band.label}
        </p>
        {/* The band's own words begin "This is not a diagnosis": said once, not twice in a row. */}
        <p>{response.band.suggests}</p>
        <p className="muted">{words.overTime}</p>
        <div className="row">
          <Link className="button" to="/journal/questionnaires">
            {words.course}
          </Link>
          <button type="button" className="button button-secondary" onClick={onAgain}>
            {words.again}
          </button>
        </div>
      </section>
      <p className="muted attribution">{questionnaire.attribution}</p>
    </>
  );
}

/**
 * The result just given, kept in this page's place in the tab's history by its id (never its content) and read
 * again from the server: after a self-harm answer, going to her safety plan and back, or a reload, brings back
 * the crisis lines and the offer to tell her facilitators instead of a blank questionnaire. Opening the
 * questionnaire afresh (from her course) starts a new one; "Take it again" does too.
 */
function useKeptResult(
  instrument: string,
): [QuestionnaireResponseDto | null, (response: QuestionnaireResponseDto | null) => void] {
  const location = useLocation();
  const navigate = useNavigate();
  const keptId = (location.state as { resultId?: string } | null)?.resultId ?? null;
  const [result, setResult] = useState<QuestionnaireResponseDto | null>(null);
  // The result she left with "Take it again": never brought back, even if the history's state still names it
  // for a moment (the router applies its state in a transition, after the screen has been cleared).
  const left = useRef<string | null>(null);
  useEffect(() => {
    if (!keptId || result?.id === keptId || left.current === keptId) return;
    let current = true;
    void http
      .get<QuestionnaireResponseDto[]>(
        `/me/questionnaires/responses?instrument=${encodeURIComponent(instrument)}`,
      )
      .then((responses) => {
        const kept = responses.find((r) => r.id === keptId);
        if (current && kept && left.current !== kept.id) setResult(kept);
      })
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [keptId, instrument, result?.id]);
  return [
    result,
    (response) => {
      if (!response) left.current = result?.id ?? keptId;
      setResult(response);
      navigate(`${location.pathname}${location.search}`, {
        replace: true,
        state: response ? { resultId: response.id } : null,
      });
    },
  ];
}

/**
 * The answers given so far, kept for this tab only (sessionStorage, like a journal draft: gone when the tab closes,
 * cleared at sign-out), so that a reload or a dropped connection does not send her back to question one. Only the
 * chosen positions are kept ("1,0,,2"), never the wording; they are cleared on submit and on cancel.
 */
function useAnswers(key: string): [(number | undefined)[], (answers: (number | undefined)[]) => void] {
  const [kept, setKept] = useDraft(key);
  const answers = kept === '' ? [] : kept.split(',').map((a) => (a === '' ? undefined : Number(a)));
  const setAnswers = (next: (number | undefined)[]) =>
    setKept(next.some((a) => a !== undefined) ? next.map((a) => a ?? '').join(',') : '');
  return [answers, setAnswers];
}
