import { Injectable } from '@nestjs/common';
import { createInterface } from 'node:readline';
import { isYes } from './prompt-answers';

/** Typed Ctrl-C or Ctrl-D at a prompt: the command stops before changing anything. */
export class PromptCancelled extends Error {
  constructor() {
    super('Cancelled: nothing was changed.');
  }
}

/**
 * The person at the keyboard. Prompts go to stderr, so stdout keeps only the summaries a
 * script may read; without a terminal on stdin nothing is asked.
 */
@Injectable()
export class TerminalService {
  get interactive(): boolean {
    return process.stdin.isTTY === true;
  }

  /** One line of input (the line is echoed as typed). */
  ask(question: string): Promise<string> {
    const lines = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
    return new Promise<string>((resolve, reject) => {
      lines.on('SIGINT', () => reject(new PromptCancelled()));
      lines.on('close', () => reject(new PromptCancelled()));
      lines.question(question, (answer) => resolve(answer));
    }).finally(() => lines.removeAllListeners('close').close());
  }

  /** A yes/no question before an irreversible step; `--yes` or no terminal answers yes. */
  async confirm(question: string, assumeYes: boolean): Promise<void> {
    if (assumeYes || !this.interactive) return;
    if (!isYes(await this.ask(`${question} [y/N] `))) throw new PromptCancelled();
  }

  /** A secret typed without echo (raw mode: the terminal shows nothing, not even stars). */
  askHidden(question: string): Promise<string> {
    const input = process.stdin;
    // Echo off before the prompt shows: what is typed as soon as it shows must not be echoed.
    input.setRawMode(true);
    process.stderr.write(question);
    input.setEncoding('utf8');
    input.resume();
    return new Promise<string>((resolve, reject) => {
      let typed: string[] = [];
      const finish = (outcome: () => void) => {
        input.off('data', onData);
        input.setRawMode(false);
        input.pause();
        process.stderr.write('\n');
        outcome();
      };
      const onData = (chunk: string) => {
        for (const character of chunk) {
          if (character === '\r' || character === '\n') return finish(() => resolve(typed.join('')));
          if (character === '\u0003' || character === '\u0004') return finish(() => reject(new PromptCancelled()));
          if (character === '\u007f' || character === '\b') typed = typed.slice(0, -1);
          else typed.push(character);
        }
      };
      input.on('data', onData);
    });
  }
}
