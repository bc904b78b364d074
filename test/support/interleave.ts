import { TransactionRunner } from '../../src/database/transaction-runner';
import type { ApiResponse, TestApp } from './test-app';

/**
 * Runs `step` just before the app's next transaction starts, as a parallel request would land
 * after that request's checks outside its transaction; returns a getter of the step's reply
 * once made. The app's later transactions run as usual.
 */
export function meanwhile(t: TestApp, step: () => Promise<ApiResponse>): () => ApiResponse | undefined {
  const runner = t.app.get(TransactionRunner);
  const run = runner.run.bind(runner);
  let reply: ApiResponse | undefined;
  const spy = jest.spyOn(runner, 'run').mockImplementationOnce(async (work) => {
    spy.mockRestore();
    reply = await step();
    return run(work);
  });
  return () => reply;
}
