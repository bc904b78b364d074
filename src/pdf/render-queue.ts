import { AppError } from '../common/app-error';

/** Seconds a refused client is asked to wait: a full queue drains in about a second. */
export const PDF_BUSY_RETRY_AFTER_SECONDS = 2;

/** 503 PDF_BUSY: too many PDFs are being rendered and waiting; carries the Retry-After seconds. */
export class PdfBusyError extends AppError {
  readonly retryAfterSeconds = PDF_BUSY_RETRY_AFTER_SECONDS;

  constructor() {
    super('PDF_BUSY', 'Too many certificate PDFs are being prepared right now; try again shortly.', {
      retryAfterSeconds: PDF_BUSY_RETRY_AFTER_SECONDS,
    });
  }
}

/**
 * At most `concurrency` renders at a time, the next `queueLimit` waiting in arrival order, and
 * any more refused at once (PdfBusyError). A render is CPU on the one event loop and holds a
 * document, font subsets and buffers until it ends: running every request's render at once
 * makes each slower and memory grow with the load, while a short queue keeps both bounded.
 */
export class RenderQueue {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(
    readonly concurrency: number,
    readonly queueLimit: number,
  ) {}

  /** Runs `task` when a slot is free; throws PdfBusyError without running it if the queue is full. */
  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.concurrency) {
      if (this.waiting.length >= this.queueLimit) throw new PdfBusyError();
      // The slot is handed over by `release`, so `running` already counts this task.
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running++;
    }
    try {
      return await task();
    } finally {
      this.release();
    }
  }

  /** Renders in progress and waiting, for logs and tests. */
  get load(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }

  private release(): void {
    const next = this.waiting.shift();
    // Handed over on the next turn of the event loop, not at once: a render is a long chain of
    // promise callbacks, and starting the next inside it would starve new requests and the
    // replies being written until the whole queue had drained.
    if (next) setImmediate(next);
    else this.running--;
  }
}
