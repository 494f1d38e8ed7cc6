import { CRISIS_PHONE_PATTERN, type CrisisResourceSetDto } from '@hearth/contracts';
import type { TFunction } from 'i18next';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { http } from '../../api/http';
import { LANGUAGES, type Language } from '../../i18n';
import { Alert, Field, Pending, useAction } from '../../ui/components';
import { useLoad } from '../../ui/use-load';

interface Line {
  key: number;
  name: string;
  description: string;
  phone: string;
  text: string;
  url: string;
}
type LineField = Exclude<keyof Line, 'key'>;
type Errors = Record<string, string>;

let nextKey = 0;
const blankLine = (): Line => ({ key: nextKey++, name: '', description: '', phone: '', text: '', url: '' });

function isHttpsLink(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.hostname.includes('.') && !/\s/.test(value);
  } catch {
    return false;
  }
}

/** What to write instead of a number, link or country in the wrong form; other refusals keep the server's words. */
function formatError(t: TFunction, field: string): string | undefined {
  if (field === 'country') return t('admin.crisis.errors.country');
  if (field.endsWith('.phone')) return t('admin.crisis.errors.phone');
  if (field.endsWith('.url')) return t('admin.crisis.errors.url');
  return undefined;
}

/** The same rules the server applies, said before the form is sent; the server's own refusals show the same way. */
function validate(t: TFunction, country: string, lines: Line[]): Errors {
  const errors: Errors = {};
  if (!/^[A-Z]{2}$/.test(country)) errors.country = formatError(t, 'country')!;
  lines.forEach((line, i) => {
    const at = (field: LineField) => `resources.${i}.${field}`;
    if (!line.name.trim()) errors[at('name')] = t('admin.crisis.errors.name');
    if (!line.description.trim()) errors[at('description')] = t('admin.crisis.errors.description');
    if (line.phone && !CRISIS_PHONE_PATTERN.test(line.phone.trim())) {
      errors[at('phone')] = formatError(t, at('phone'))!;
    }
    if (line.url && !isHttpsLink(line.url.trim())) errors[at('url')] = formatError(t, at('url'))!;
  });
  return errors;
}

/** The lines "Help now" shows, one set per language, as a form: each line's name, what it is, and how to reach it. */
export function CrisisResourcesForm() {
  const { t, i18n } = useTranslation();
  const [language, setLanguage] = useState<Language>('en');
  // Each answer names the language it is for: until the chosen language's lines are in, the form waits rather
  // than show (and let her edit, then lose) the previous language's.
  const current = useLoad(
    async () => ({
      language,
      set: await http.get<CrisisResourceSetDto>(`/admin/crisis-resources?language=${language}`),
    }),
    [language],
  );
  const loaded = !current.loading && current.data?.language === language ? current.data.set : undefined;
  const [country, setCountry] = useState('');
  const [lines, setLines] = useState<Line[]>([]);
  const [errors, setErrors] = useState<Errors>({});
  const [saved, setSaved] = useState(false);
  const action = useAction();
  const form = useRef<HTMLFormElement>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!loaded) return;
    setCountry(loaded.country);
    setLines(
      loaded.resources.map((r) => ({
        ...blankLine(),
        name: r.name,
        description: r.description,
        phone: r.phone ?? '',
        text: r.text ?? '',
        url: r.url ?? '',
      })),
    );
    setErrors({});
  }, [loaded]);

  // After a refused save, the first field to fix takes the focus, so a screen reader hears what to do.
  useEffect(() => {
    if (attempt) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [attempt]);

  // A number, link or country the server refused is said in the screen's language, like the form's own check.
  const fieldError = (name: string) => {
    const refused = action.fieldError(name);
    return errors[name] ?? (refused && (formatError(t, name) ?? refused));
  };
  const edit = (index: number, field: LineField, value: string) => {
    setSaved(false);
    setLines((all) => all.map((line, i) => (i === index ? { ...line, [field]: value } : line)));
  };
  const save = async () => {
    setSaved(false);
    const found = validate(t, country, lines);
    setErrors(found);
    if (Object.keys(found).length) return setAttempt((n) => n + 1);
    const resources = lines.map((line) =>
      Object.fromEntries(
        (['name', 'description', 'phone', 'text', 'url'] as const)
          .map((field) => [field, line[field].trim()] as const)
          .filter(([, value]) => value !== ''),
      ),
    );
    const ok = await action.run(async () => {
      current.setData({
        language,
        set: await http.put<CrisisResourceSetDto>(`/admin/crisis-resources?language=${language}`, {
          country,
          resources,
        }),
      });
    });
    if (ok) setSaved(true);
    else setAttempt((n) => n + 1);
  };
  const lineFields: { field: LineField; label: string; hint?: string; type?: string; maxLength: number }[] = [
    { field: 'name', label: t('admin.crisis.name'), maxLength: 120 },
    { field: 'description', label: t('admin.crisis.description'), maxLength: 500 },
    {
      field: 'phone',
      label: t('admin.crisis.phone'),
      hint: t('admin.crisis.phoneHint'),
      type: 'tel',
      maxLength: 40,
    },
    { field: 'text', label: t('admin.crisis.text'), hint: t('admin.crisis.textHint'), maxLength: 40 },
    {
      field: 'url',
      label: t('admin.crisis.url'),
      hint: t('admin.crisis.urlHint'),
      type: 'url',
      maxLength: 300,
    },
  ];
  // "Spanish" on an English screen, "español" on a Spanish one.
  const languageName = new Intl.DisplayNames([i18n.language], { type: 'language' }).of(language) ?? language;

  return (
    <form
      ref={form}
      className="card crisis-form"
      aria-labelledby="crisis-title"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h2 id="crisis-title">{t('admin.crisis.title')}</h2>
      <p className="muted">{t('admin.crisis.lead')}</p>
      <fieldset>
        <legend>{t('admin.crisis.language')}</legend>
        <div className="row">
          {LANGUAGES.map((l) => (
            <button
              key={l.code}
              type="button"
              lang={l.code}
              className="tab"
              aria-pressed={language === l.code}
              onClick={() => {
                setSaved(false);
                setLanguage(l.code);
              }}
            >
              {l.name}
            </button>
          ))}
        </div>
      </fieldset>
      {!loaded ? (
        <Pending loaded={current} />
      ) : (
        <>
          <Field
            label={t('admin.crisis.country')}
            hint={t('admin.crisis.countryHint')}
            value={country}
            maxLength={2}
            autoComplete="off"
            onChange={(e) => setCountry(e.target.value.toUpperCase())}
            error={fieldError('country')}
          />
          <ol className="crisis-lines">
            {lines.map((line, i) => (
              <li key={line.key}>
                <fieldset className="crisis-line">
                  <legend>{t('admin.crisis.line', { number: i + 1 })}</legend>
                  {lineFields.map(({ field, label, hint, type, maxLength }) => (
                    <Field
                      key={field}
                      label={label}
                      hint={hint}
                      type={type}
                      multiline={field === 'description'}
                      rows={2}
                      maxLength={maxLength}
                      value={line[field]}
                      onChange={(e) => edit(i, field, e.target.value)}
                      error={fieldError(`resources.${i}.${field}`)}
                    />
                  ))}
                  <button
                    type="button"
                    className="button-quiet"
                    onClick={() => {
                      setSaved(false);
                      setErrors({});
                      setLines((all) => all.filter((_, j) => j !== i));
                    }}
                  >
                    {t('admin.crisis.remove', { number: i + 1 })}
                  </button>
                </fieldset>
              </li>
            ))}
          </ol>
          {lines.length === 0 && <p className="empty">{t('admin.crisis.none')}</p>}
          <div className="row">
            <button
              type="button"
              className="button button-secondary"
              disabled={lines.length >= 12}
              onClick={() => setLines((all) => [...all, blankLine()])}
            >
              {t('admin.crisis.add')}
            </button>
            <button className="button" disabled={action.busy}>
              {t('admin.crisis.save', { language: languageName })}
            </button>
          </div>
          {Object.keys(errors).length > 0 && <Alert tone="error">{t('admin.crisis.fix')}</Alert>}
          {action.error && <Alert tone="error">{action.error}</Alert>}
          <div aria-live="polite">
            {saved && <Alert tone="success">{t('admin.crisis.saved', { language: languageName })}</Alert>}
          </div>
        </>
      )}
    </form>
  );
}
