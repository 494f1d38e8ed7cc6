import { useCallback, useEffect, useRef, useState } from 'react';

import { errorText } from '../api/http';

export interface Loaded<T> {
  data: T | undefined;
  error: string | null;
  loading: boolean;
  reload: () => Promise<void>;
  setData: (data: T) => void;
}

/**
 * Loads data for a screen and reloads it on demand; errors become a sentence to show. Only the latest load's
 * answer is kept: one that comes back after a newer load began (the screen asked for something else meanwhile)
 * is dropped, so that a slow answer never replaces a newer one.
 */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): Loaded<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const latest = useRef(0);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const run = useCallback(load, deps);
  const reload = useCallback(async () => {
    const call = ++latest.current;
    setLoading(true);
    try {
      const result = await run();
      if (call !== latest.current) return;
      setData(result);
      setError(null);
    } catch (e) {
      if (call === latest.current) setError(errorText(e));
    } finally {
      if (call === latest.current) setLoading(false);
    }
  }, [run]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { data, error, loading, reload, setData };
}
