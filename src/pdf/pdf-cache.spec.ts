import { PdfCache } from './pdf-cache';

describe('PdfCache', () => {
  it('shares one render between concurrent requests and evicts the least recently used', async () => {
    const cache = new PdfCache(2);
    let renders = 0;
    const render = (text: string) => () => Promise.resolve(Buffer.from(`${text}${++renders}`));
    const [a, b] = await Promise.all([cache.getOrCreate('a', render('a')), cache.getOrCreate('a', render('a'))]);
    expect(a).toBe(b);
    await cache.getOrCreate('b', render('b'));
    await cache.getOrCreate('a', render('a')); // a is now the most recent
    await cache.getOrCreate('c', render('c')); // evicts b
    expect(cache.size).toBe(2);
    expect((await cache.getOrCreate('a', render('a'))).toString()).toBe('a1');
    expect((await cache.getOrCreate('b', render('b'))).toString()).toBe('b4');
  });

  it('does not keep a failed render', async () => {
    const cache = new PdfCache();
    await expect(cache.getOrCreate('x', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(cache.size).toBe(0);
  });
});
