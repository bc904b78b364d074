import { parseToggle, toggle } from './prompt-answers';
import { memberLabel, type Member } from './round-summaries';
import type { TerminalService } from './terminal.service';

/**
 * The roll call at the meeting, on a terminal: the committee by name, everyone ticked present;
 * the clerk types the numbers of those absent (again to undo) and an empty line when done.
 * Returns the codes of the members present.
 */
export async function rollCall(terminal: TerminalService, committee: Member[]): Promise<string[]> {
  let absent = new Set<number>();
  console.error('Attendance: everyone is ticked present. Type the numbers of the members absent');
  console.error('(e.g. "3 7-9"; a number again puts the member back), then an empty line.');
  for (;;) {
    committee.forEach((m, i) =>
      console.error(`  [${absent.has(i + 1) ? ' ' : 'x'}] ${String(i + 1).padStart(2)}  ${memberLabel(m)}`),
    );
    console.error(`  ${committee.length - absent.size} of ${committee.length} present.`);
    const answer = await terminal.ask('absent> ');
    if (answer.trim() === '') break;
    const parsed = parseToggle(answer, committee.length);
    if (parsed.ok) absent = toggle(absent, parsed.numbers);
    else console.error(parsed.problem);
  }
  return committee.filter((_, i) => !absent.has(i + 1)).map((m) => m.code);
}
