// Entry point of `cadre-ledger` (npm run ledger -- …, bin/cadre-ledger.mjs).
import { createInterface } from 'node:readline';
import { runCli } from './run';

/** Reads one line from the terminal; a secret is not echoed. No terminal: undefined. */
function prompt(question: string, secret: boolean): Promise<string | undefined> {
  if (!process.stdin.isTTY) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
    if (secret) {
      // Echo nothing of what is typed (readline writes through _writeToOutput).
      const out = rl as unknown as { _writeToOutput: (s: string) => void; output: NodeJS.WriteStream };
      out._writeToOutput = (s: string) => {
        if (s.includes(question)) out.output.write(question);
        else if (s === '\r\n' || s === '\n') out.output.write('\n');
      };
    }
    rl.question(question, (answer) => {
      rl.close();
      if (secret) process.stderr.write('\n');
      resolve(answer);
    });
  });
}

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  prompt,
});
