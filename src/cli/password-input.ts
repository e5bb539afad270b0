import { WitanError } from "../errors.js";

// How `witan user` is given a password: typed twice at a terminal without being shown, or as
// the first line of standard input (--password-stdin) for scripts, so that a password never
// appears in a command line, where other users of the machine and the shell history can read it.

const MAX_STDIN_BYTES = 64 * 1024;

/** The first line of standard input, without its line ending. */
export async function passwordFromStdin(stdin: NodeJS.ReadStream = process.stdin): Promise<string> {
  let text = "";
  for await (const chunk of stdin) {
    text += typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
    if (text.includes("\n") || text.length > MAX_STDIN_BYTES) break;
  }
  const line = text.split(/\r?\n/)[0] ?? "";
  if (line === "")
    throw new WitanError("BAD_INPUT", "No password on standard input: give it as the first line");
  return line;
}

/** Asks at the terminal, twice, echoing nothing. */
export async function passwordFromTerminal(): Promise<string> {
  const stdin = process.stdin;
  if (!stdin.isTTY) {
    throw new WitanError(
      "BAD_INPUT",
      "Standard input is not a terminal: give the password as its first line with --password-stdin",
    );
  }
  const first = await askHidden("New password (at least 12 characters): ");
  const second = await askHidden("The same password again: ");
  if (first !== second) throw new WitanError("BAD_INPUT", "The two passwords are not the same");
  return first;
}

function askHidden(question: string): Promise<string> {
  const stdin = process.stdin;
  process.stderr.write(question);
  stdin.setRawMode(true);
  stdin.setEncoding("utf8");
  stdin.resume();
  return new Promise((resolve, reject) => {
    let typed: string[] = [];
    const finish = () => {
      stdin.off("data", onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write("\n");
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === "\r" || char === "\n") {
          finish();
          resolve(typed.join(""));
          return;
        }
        // Ctrl-C or Ctrl-D: the person typing has changed their mind.
        if (char === "\u0003" || char === "\u0004") {
          finish();
          reject(new WitanError("BAD_INPUT", "No password given"));
          return;
        }
        if (char === "\u007f" || char === "\b") typed = typed.slice(0, -1);
        else typed.push(char);
      }
    };
    stdin.on("data", onData);
  });
}
