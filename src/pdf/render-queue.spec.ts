import { PDF_BUSY_RETRY_AFTER_SECONDS, PdfBusyError, RenderQueue } from './render-queue';

/** A task that runs until `finish` is called, recording when it started. */
function heldTask(started: string[], name: string) {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  return {
    task: async () => {
      started.push(name);
      await done;
      return name;
    },
    finish: () => finish(),
  };
}

/** A few turns of the event loop: the queue hands a freed slot over on the next one. */
const tick = async () => {
  for (let i = 0; i < 3; i++) await new Promise((resolve) => setImmediate(resolve));
};

describe('RenderQueue', () => {
  it('runs at most `concurrency` tasks, then starts the waiting ones in arrival order', async () => {
    const queue = new RenderQueue(2, 10);
    const started: string[] = [];
    const tasks = ['a', 'b', 'c', 'd'].map((name) => heldTask(started, name));
    const results = tasks.map((t) => queue.run(t.task));
    await tick();
    expect(started).toEqual(['a', 'b']);
    expect(queue.load).toEqual({ running: 2, waiting: 2 });
    tasks[1].finish();
    await tick();
    expect(started).toEqual(['a', 'b', 'c']);
    tasks[0].finish();
    await tick();
    expect(started).toEqual(['a', 'b', 'c', 'd']);
    tasks[2].finish();
    tasks[3].finish();
    expect(await Promise.all(results)).toEqual(['a', 'b', 'c', 'd']);
    expect(queue.load).toEqual({ running: 0, waiting: 0 });
  });

  it('refuses with PDF_BUSY and a Retry-After beyond the queue limit, without running the task', async () => {
    const queue = new RenderQueue(1, 1);
    const started: string[] = [];
    const [a, b, c] = ['a', 'b', 'c'].map((name) => heldTask(started, name));
    const first = queue.run(a.task);
    const second = queue.run(b.task);
    const refused = queue.run(c.task);
    await expect(refused).rejects.toBeInstanceOf(PdfBusyError);
    await expect(refused).rejects.toMatchObject({
      code: 'PDF_BUSY',
      retryAfterSeconds: PDF_BUSY_RETRY_AFTER_SECONDS,
      details: { retryAfterSeconds: PDF_BUSY_RETRY_AFTER_SECONDS },
    });
    a.finish();
    b.finish();
    expect([await first, await second]).toEqual(['a', 'b']);
    expect(started).toEqual(['a', 'b']);
  });

  it('frees the slot of a task that fails, and passes its error on', async () => {
    const queue = new RenderQueue(1, 0);
    await expect(queue.run(() => Promise.reject(new Error('render failed')))).rejects.toThrow('render failed');
    expect(queue.load).toEqual({ running: 0, waiting: 0 });
    await expect(queue.run(() => Promise.resolve('next'))).resolves.toBe('next');
  });

  it('accepts again once the queue has drained', async () => {
    const queue = new RenderQueue(1, 0);
    const started: string[] = [];
    const a = heldTask(started, 'a');
    const first = queue.run(a.task);
    await expect(queue.run(() => Promise.resolve('b'))).rejects.toMatchObject({ code: 'PDF_BUSY' });
    a.finish();
    await first;
    await expect(queue.run(() => Promise.resolve('c'))).resolves.toBe('c');
  });
});
