import {
  useEffect,
  useId,
  useRef,
  useState,
  type FormEvent,
  type InputHTMLAttributes,
  type ReactNode,
} from 'react';
import { Trans, useTranslation } from 'react-i18next';

import { ApiError, errorText, fieldText } from '../api/http';

export function Field({
  label,
  hint,
  error,
  multiline,
  ...input
}: InputHTMLAttributes<HTMLInputElement> & {
  label: string;
  hint?: string;
  error?: string;
  multiline?: boolean;
  rows?: number;
}) {
  const id = useId();
  const described = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  const common = { id, 'aria-describedby': described, 'aria-invalid': error ? true : undefined };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {multiline ? (
        <textarea
          {...common}
          name={input.name}
          value={input.value as string}
          onChange={input.onChange as never}
          required={input.required}
          maxLength={input.maxLength}
          rows={(input as { rows?: number }).rows ?? 4}
          placeholder={input.placeholder}
        />
      ) : (
        <input {...common} {...input} />
      )}
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

/**
 * Runs a form's action with a busy state, and shows the API's error when it fails: `fieldError(name)` gives a
 * field its own message, and `error` (read after the fields) says the rest, so nothing is shown twice and a
 * specific message is never replaced by a generic one.
 */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const shownFields: string[] = [];
  const run = async (action: () => Promise<unknown>, event?: FormEvent) => {
    event?.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await action();
      return true;
    } catch (e) {
      setError(e);
      return false;
    } finally {
      setBusy(false);
    }
  };
  return {
    busy,
    get error(): string | null {
      return error ? errorText(error, shownFields) || null : null;
    },
    fieldError: (name: string) => {
      const message = error instanceof ApiError ? fieldText(error, name) : undefined;
      if (message) shownFields.push(name);
      return message;
    },
    run,
    clear: () => setError(null),
  };
}

export function Alert({
  tone = 'info',
  children,
}: {
  tone?: 'info' | 'error' | 'success' | 'warning';
  children: ReactNode;
}) {
  return (
    <div className={`alert alert-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}

/** For admins: a group whose facilitators cannot act (demoted, disabled, erased or gone). */
export function NoFacilitatorWarning() {
  return (
    <Alert tone="warning">
      <p>
        <Trans i18nKey="common.noFacilitator" components={{ strong: <strong /> }} />
      </p>
    </Alert>
  );
}

export function Loading({ label }: { label?: string }) {
  // The fallback shown while a screen (or the language's words) loads, so it never waits for the words itself:
  // the app around it (the router, the service worker's messages) mounts at once.
  const { t, ready } = useTranslation(undefined, { useSuspense: false });
  return (
    <p className="loading" role="status">
      {label ?? (ready ? t('common.loading') : '')}…
    </p>
  );
}

/** What a screen shows until its data arrives: the error, or a loading line. */
export function Pending({ loaded }: { loaded: { error: string | null } }) {
  return loaded.error ? <Alert tone="error">{loaded.error}</Alert> : <Loading />;
}

/** A modal dialog built on <dialog>: focus is trapped and Escape closes it. */
export function Dialog({
  open,
  title,
  onClose,
  children,
}: {
  open: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog ref={ref} aria-labelledby={titleId} onClose={onClose} className="dialog">
      <div className="dialog-head">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="button-quiet" onClick={onClose} aria-label={t('common.close')}>
          ✕
        </button>
      </div>
      {open && children}
    </dialog>
  );
}

export { formatDate, formatDateTime, formatTime } from './local-time';
