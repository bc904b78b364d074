import type { OnModuleDestroy } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import { performance } from 'node:perf_hooks';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

interface Window {
  hits: number;
  resetsAt: number;
}

/**
 * A fixed-window counter per key: O(1) a request. The throttler's default storage keeps one
 * timestamp per hit and filters them on every request, which costs O(limit) each time and
 * becomes the bottleneck when the limit is raised for a trusted client or a benchmark.
 * A blocked key stays blocked until its window ends (the block lasts the rest of the window).
 * Windows are measured on the monotonic clock: they are durations, not dates, and must not jump
 * when the machine's date is set.
 */
export class FixedWindowThrottlerStorage implements ThrottlerStorage, OnModuleDestroy {
  private readonly windows = new Map<string, Window>();
  private readonly sweep = setInterval(() => this.evict(performance.now()), 60_000).unref();

  increment(key: string, ttl: number, limit: number, _blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    const now = performance.now();
    const id = `${throttlerName}:${key}`;
    let window = this.windows.get(id);
    if (!window || window.resetsAt <= now) {
      window = { hits: 0, resetsAt: now + ttl };
      this.windows.set(id, window);
    }
    window.hits++;
    const seconds = Math.max(1, Math.ceil((window.resetsAt - now) / 1000));
    const isBlocked = window.hits > limit;
    return Promise.resolve({ totalHits: window.hits, timeToExpire: seconds, isBlocked, timeToBlockExpire: isBlocked ? seconds : 0 });
  }

  onModuleDestroy(): void {
    clearInterval(this.sweep);
  }

  private evict(now: number): void {
    for (const [id, window] of this.windows) if (window.resetsAt <= now) this.windows.delete(id);
  }
}
