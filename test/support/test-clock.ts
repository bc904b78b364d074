/**
 * The instant every test app and CLI run starts at unless a test sets another: tests never read
 * the machine's date, so the suite gives the same answers in any year.
 */
export const DEFAULT_TEST_NOW = new Date('2026-11-27T02:00:00Z');
