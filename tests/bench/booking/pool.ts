/**
 * Runs `task` over `inputs` with at most `concurrency` in flight, results in input order. Each worker
 * takes the next input as soon as its previous one settles, so the load stays level until the queue ends.
 */
export async function mapWithConcurrency<T, R>(
  inputs: readonly T[],
  concurrency: number,
  task: (input: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array<R>(inputs.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let i = next++; i < inputs.length; i = next++) results[i] = await task(inputs[i] as T, i);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, inputs.length) }, worker));
  return results;
}
