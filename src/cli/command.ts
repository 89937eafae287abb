/**
 * What every `jixiao` command is: its usage, the flags it takes and a run function over the
 * parsed arguments. One runner parses the flags, answers --help, rejects unknown options and
 * turns errors into exit codes, so every command behaves alike.
 */
import { parseArgs, ParsedArgs } from "./args";
import { CLI_ERRORS } from "./messages";
import { UsageError } from "./usage-error";

/** The check ran (whatever its verdicts). */
export const EXIT_OK = 0;
/** An internal error: a bug, reported with its stack. */
export const EXIT_ERROR = 1;
/** Unusable input: a usage error, or nothing in the input the command can work on. */
export const EXIT_UNUSABLE = 2;

export interface Io {
  out(s: string): void;
  err(s: string): void;
  /** true when stderr is a terminal */
  tty?: boolean;
  /** write to stderr without a newline (a progress bar) */
  errRaw?(s: string): void;
}

export interface CliCommand<Options = void> {
  /** what error messages start with: "jixiao" or "jixiao audit" */
  prefix: string;
  usage: string;
  /** flags that take a value (--key value, --key=value) */
  valued: readonly string[];
  /** flags without a value (--help is always accepted) */
  switches: readonly string[];
  run(args: ParsedArgs, io: Io, options: Options): Promise<number>;
}

/** Parse the flags, answer --help, run the command; errors become exit codes and a message on stderr. */
export async function runCommand<Options>(command: CliCommand<Options>, argv: string[], io: Io, options: Options): Promise<number> {
  try {
    const parsed = parseArgs(argv, command.valued);
    if ("error" in parsed) throw new UsageError(parsed.error);
    if (parsed.flags.help) {
      io.out(command.usage);
      return EXIT_OK;
    }
    const known = new Set([...command.valued, ...command.switches, "help"]);
    for (const k of Object.keys(parsed.flags)) if (!known.has(k)) throw new UsageError(`${CLI_ERRORS.unknownOption(k)}\n\n${command.usage}`);
    return await command.run(parsed, io, options);
  } catch (e) {
    return reportError(command.prefix, e, io);
  }
}

/** A command without options as a function of its arguments: `jixiao validate …` in tests and scripts. */
export function commandRunner(command: CliCommand): (argv: string[], io: Io) => Promise<number> {
  return (argv, io) => runCommand(command, argv, io, undefined);
}

/** A usage error exits 2 with its message; anything else is an internal error (exit 1, with the stack). */
export function reportError(prefix: string, e: unknown, io: Io): number {
  if (e instanceof UsageError) {
    io.err(`${prefix}: ${e.message}`);
    return EXIT_UNUSABLE;
  }
  io.err(`${prefix}: ${CLI_ERRORS.internal((e as Error).stack ?? String(e))}`);
  return EXIT_ERROR;
}
