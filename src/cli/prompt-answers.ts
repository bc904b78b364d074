/**
 * What a person types at the CLI's prompts, read without a terminal so it can be tested:
 * a yes/no answer, and the numbers ticked in the committee checklist of the meeting.
 */

/** Only an explicit yes goes on: an irreversible step is never taken on a stray Enter. */
export function isYes(answer: string): boolean {
  return /^(y|yes|是|好|确认)$/i.test(answer.trim());
}

export type Toggle = { ok: true; numbers: number[] } | { ok: false; problem: string };

/**
 * The checklist's numbers, 1 to `count`: "3 7-9" or "3,7,8,9" (full-width commas and spaces
 * too, as a Chinese keyboard types them). Each number toggles that line.
 */
export function parseToggle(input: string, count: number): Toggle {
  const numbers: number[] = [];
  for (const part of input.split(/[\s,，、]+/).filter(Boolean)) {
    const range = /^(\d+)(?:[-–~](\d+))?$/.exec(part);
    const from = Number(range?.[1]);
    const to = Number(range?.[2] ?? range?.[1]);
    if (!range || from < 1 || to > count || from > to)
      return { ok: false, problem: `"${part}" is not a number from 1 to ${count} (or a range like 3-5).` };
    for (let n = from; n <= to; n += 1) numbers.push(n);
  }
  return { ok: true, numbers };
}

/** Ticks become unticks and back; a number given twice in one answer toggles twice. */
export function toggle(unticked: ReadonlySet<number>, numbers: number[]): Set<number> {
  const next = new Set(unticked);
  for (const n of numbers) {
    if (next.has(n)) next.delete(n);
    else next.add(n);
  }
  return next;
}
