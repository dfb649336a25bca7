/**
 * Caches the first successful result of `load` for the life of the warm function. A failure is
 * passed to every caller waiting on that attempt and then forgotten, so the next call loads again:
 * one transient fault (a throttled SSM read, a KMS timeout) must not break the function until it is
 * recycled.
 */
export function memoizeSuccess<T>(load: () => Promise<T>): () => Promise<T> {
  let cached: Promise<T> | undefined;
  return () => {
    if (cached) return cached;
    const attempt = (async () => load())();
    cached = attempt;
    attempt.catch(() => {
      if (cached === attempt) cached = undefined;
    });
    return attempt;
  };
}
