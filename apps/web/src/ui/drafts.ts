import { useEffect, useState } from 'react';

const PREFIX = 'hearth.draft.';

/**
 * Unsent text survives a reload and an expired session. It is kept in sessionStorage (this tab only, gone when
 * the tab closes) and cleared at sign-out, because drafts can be as private as the journal itself.
 */
export function useDraft(key: string, initial = ''): [string, (value: string) => void] {
  const storageKey = PREFIX + key;
  const [value, setValue] = useState(() => sessionStorage.getItem(storageKey) ?? initial);
  useEffect(() => {
    if (value) sessionStorage.setItem(storageKey, value);
    else sessionStorage.removeItem(storageKey);
  }, [storageKey, value]);
  return [value, setValue];
}

/** Forgets every draft and unsent message in this tab (at sign-out, or when another person signs in). */
export function clearDrafts(): void {
  for (const key of Object.keys(sessionStorage)) {
    if (key.startsWith(PREFIX) || key.startsWith('hearth.outbox.')) sessionStorage.removeItem(key);
  }
}
