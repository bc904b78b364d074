/** One caller's outcome of a shared flush: its own value or its own error. */
export type Settled<T> = PromiseSettledResult<T>;

interface Waiter<In, Out> {
  input: In;
  resolve: (value: Out) => void;
  reject: (reason: unknown) => void;
}

/**
 * Group commit: the calls made while one flush is being written wait and are written together
 * by the next flush, so N concurrent callers share one transaction and one durable commit
 * instead of queueing N fsyncs. A lone call is flushed at once (nothing waits for company), so
 * one request at a time sees no added latency.
 *
 * `flush` answers every input in order; one input's failure is its own (the others' results
 * stand), and a flush that throws fails each input of that flush with the same error.
 */
export class GroupCommit<In, Out> {
  private waiting: Array<Waiter<In, Out>> = [];
  private flushing = false;

  constructor(
    private readonly flush: (inputs: In[]) => Promise<Array<Settled<Out>>>,
    private readonly maxGroup: number,
  ) {}

  submit(input: In): Promise<Out> {
    return new Promise<Out>((resolve, reject) => {
      this.waiting.push({ input, resolve, reject });
      if (this.flushing) return;
      this.flushing = true;
      // The callers a finished flush released come back within this turn of the event loop
      // (their next request's reads resolve together): starting on the next turn lets them form
      // one group instead of a lone first one and then the rest.
      setImmediate(() => void this.drain());
    });
  }

  private async drain(): Promise<void> {
    while (this.waiting.length > 0) {
      const group = this.waiting.splice(0, this.maxGroup);
      try {
        const results = await this.flush(group.map((w) => w.input));
        group.forEach((waiter, k) => {
          const result = results[k];
          if (result.status === 'fulfilled') waiter.resolve(result.value);
          else waiter.reject(result.reason);
        });
      } catch (error) {
        for (const waiter of group) waiter.reject(error);
      }
    }
    this.flushing = false;
  }
}
