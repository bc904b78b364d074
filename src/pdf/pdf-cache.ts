/**
 * A small least-recently-used map of rendered PDFs. It holds promises, so concurrent requests
 * for the same certificate share one render; a failed render is dropped, not cached.
 */
export class PdfCache {
  private readonly entries = new Map<string, Promise<Buffer>>();

  constructor(private readonly capacity = 64) {}

  getOrCreate(key: string, create: () => Promise<Buffer>): Promise<Buffer> {
    const hit = this.entries.get(key);
    if (hit) {
      // Map iteration follows insertion order: re-inserting marks the entry most recent.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const created = create();
    this.entries.set(key, created);
    created.catch(() => this.entries.get(key) === created && this.entries.delete(key));
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
    return created;
  }

  get size(): number {
    return this.entries.size;
  }
}
