import type { QuestionnaireSummaryDto } from '@hearth/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { http } from '../../api/http';
import { Alert, Field, useAction } from '../../ui/components';
import { useLoad } from '../../ui/use-load';

type Language = 'en' | 'es';
const EMPTY = { title: '', instructions: '', questions: '' };

/**
 * The questions as an admin pastes them from the clinic's licensed copy: one block per question, separated by a
 * blank line, the question on its first line and its answers below it, one per line, in the order printed.
 */
export function readQuestions(text: string): { text: string; options: string[] }[] {
  return text
    .trim()
    .split(/\n\s*\n/)
    .map((block) => block.split('\n').map((line) => line.trim()))
    .filter((lines) => lines.some(Boolean))
    .map(([question, ...options]) => ({ text: question, options: options.filter(Boolean) }));
}

/**
 * Installs the words of the EPDS, which Hearth may not ship (they are copyrighted): an admin pastes them from the
 * clinic's licensed copy, per language. Until then the EPDS is not offered; removing a language withdraws it.
 */
export function LicensedWording() {
  const { t } = useTranslation();
  const instruments = useLoad(() => http.get<QuestionnaireSummaryDto[]>('/questionnaires'), []);
  const installed = instruments.data?.find((q) => q.id === 'epds')?.languages ?? [];
  const [language, setLanguage] = useState<Language>('en');
  const [form, setForm] = useState(EMPTY);
  const [done, setDone] = useState<string | null>(null);
  const action = useAction();
  const read = readQuestions(form.questions);
  /** The language as a choice ("Español") and inside a sentence ("el texto en español"). */
  const name = (code: Language) =>
    code === 'es' ? t('admin.wording.language.es') : t('admin.wording.language.en');
  const inSentence = (code: Language) =>
    code === 'es' ? t('admin.wording.languageInSentence.es') : t('admin.wording.languageInSentence.en');
  return (
    <section className="card" aria-labelledby="wording-title">
      <h2 id="wording-title">{t('admin.wording.title')}</h2>
      <p className="muted">{t('admin.wording.lead')}</p>
      <p>
        {installed.length > 0
          ? t('admin.wording.installed', { languages: installed.map((code) => inSentence(code)).join(', ') })
          : t('admin.wording.none')}
      </p>
      <form
        onSubmit={(e) =>
          action.run(async () => {
            setDone(null);
            await http.put(`/admin/questionnaires/epds/wording/${language}`, {
              title: form.title,
              instructions: form.instructions,
              items: read,
            });
            setForm(EMPTY);
            setDone(t('admin.wording.done', { language: inSentence(language) }));
            await instruments.reload();
          }, e)
        }
      >
        <div className="field">
          <label htmlFor="wording-language">{t('admin.wording.languageLabel')}</label>
          <select
            id="wording-language"
            value={language}
            onChange={(e) => setLanguage(e.target.value as Language)}
          >
            {(['en', 'es'] as const).map((code) => (
              <option key={code} value={code}>
                {name(code)}
              </option>
            ))}
          </select>
        </div>
        <Field
          label={t('admin.wording.titleLabel')}
          value={form.title}
          error={action.fieldError('title')}
          onChange={(e) => setForm({ ...form, title: e.target.value })}
        />
        <Field
          label={t('admin.wording.instructions')}
          multiline
          rows={3}
          value={form.instructions}
          error={action.fieldError('instructions')}
          onChange={(e) => setForm({ ...form, instructions: e.target.value })}
        />
        <Field
          label={t('admin.wording.questions')}
          hint={t('admin.wording.questionsHint')}
          multiline
          rows={12}
          value={form.questions}
          error={action.fieldError('items')}
          onChange={(e) => setForm({ ...form, questions: e.target.value })}
        />
        <p className="muted" role="status">
          {t('admin.wording.read', { count: read.length })}
        </p>
        {action.error && !action.fieldError('items') && <Alert tone="error">{action.error}</Alert>}
        {done && <Alert tone="success">{done}</Alert>}
        <button className="button" disabled={action.busy}>
          {t('admin.wording.install', { language: inSentence(language) })}
        </button>
      </form>
      {installed.map((code) => (
        <button
          key={code}
          type="button"
          className="button button-secondary"
          disabled={action.busy}
          onClick={() =>
            action.run(async () => {
              if (!window.confirm(t('admin.wording.removeConfirm', { language: inSentence(code) }))) return;
              await http.delete(`/admin/questionnaires/epds/wording/${code}`);
              setDone(t('admin.wording.removed', { language: inSentence(code) }));
              await instruments.reload();
            })
          }
        >
          {t('admin.wording.remove', { language: inSentence(code) })}
        </button>
      ))}
    </section>
  );
}
