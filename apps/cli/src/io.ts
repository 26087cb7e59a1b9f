import { wantsColour } from './colour.js';

/** Where the command prints; tests pass their own to capture output. */
export interface CommandIo {
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  out(text: string): void;
  err(text: string): void;
  /** Colour the output (a TTY without NO_COLOR). @default false */
  readonly color?: boolean;
}

export const processIo: CommandIo = {
  cwd: process.cwd(),
  env: process.env,
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  color: wantsColour(process.stdout.isTTY === true, process.env),
};
