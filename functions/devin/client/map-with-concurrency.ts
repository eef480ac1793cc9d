/**
 * Runs `work` over `inputs` with at most `concurrency` in flight and returns the results in
 * input order. The first failure stops new work, aborts the signal the others were given, and is
 * the error thrown: a page that failed for good makes the rest of the read pointless.
 */
export async function mapWithConcurrency<I, O>(
  inputs: readonly I[],
  concurrency: number,
  work: (input: I, signal: AbortSignal) => Promise<O>,
): Promise<O[]> {
  const controller = new AbortController();
  const results: O[] = new Array(inputs.length);
  // One iterator shared by every worker hands out each input exactly once.
  const queue = inputs.entries();
  let failure: { readonly error: unknown } | null = null;

  const worker = async (): Promise<void> => {
    for (const [index, input] of queue) {
      if (failure !== null) return;
      try {
        results[index] = await work(input, controller.signal);
      } catch (error) {
        failure ??= { error };
        controller.abort(failure.error);
        return;
      }
    }
  };

  const workers = Math.max(1, Math.min(concurrency, inputs.length));
  await Promise.all(Array.from({ length: workers }, worker));
  if (failure !== null) throw (failure as { readonly error: unknown }).error;
  return results;
}
