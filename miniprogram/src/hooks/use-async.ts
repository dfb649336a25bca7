import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/client';

export type AsyncState<T> =
  { status: 'loading' } | { status: 'error'; error: ApiError } | { status: 'success'; data: T };

/**
 * Runs `load` when `deps` change and exposes loading / error / success, plus `reload` for 重试.
 * A slower earlier answer never overwrites a newer one.
 */
export function useAsync<T>(
  load: () => Promise<T>,
  deps: readonly unknown[],
): AsyncState<T> & { reload: () => void } {
  const [state, setState] = useState<AsyncState<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const latest = useRef(0);

  useEffect(() => {
    const call = ++latest.current;
    setState({ status: 'loading' });
    load().then(
      (data) => {
        if (call === latest.current) setState({ status: 'success', data });
      },
      (error: unknown) => {
        if (call !== latest.current) return;
        setState({
          status: 'error',
          error: error instanceof ApiError ? error : new ApiError('UNKNOWN_ERROR', 0),
        });
      },
    );
    // `load` is re-created on each render; `deps` says when it really changes.
  }, [...deps, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, reload };
}
