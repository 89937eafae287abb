/**
 * What every `jixiao` command is: its usage, the flags it takes and a run function over the
 * parsed arguments. One runner parses the flags, answers --help, rejects unknown options and
 * turns errors into exit codes, so every command behaves alike.
 */
import { parseArgs, ParsedArgs } from "./args";
import { CLI_ERRORS, fileSystemError } from "./messages";
import { PackageError } from "./ooxml-package";
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

/**
 * A usage error exits 2 with its message; so do a package the reader refuses and a failed file
 * operation (EACCES, ENOSPC, …: its message names the file); anything else is an internal error
 * (exit 1, with the stack).
 */
export function reportError(prefix: string, e: unknown, io: Io): number {
  if (e instanceof UsageError) {
    io.err(`${prefix}: ${e.message}`);
    return EXIT_UNUSABLE;
  }
  if (e instanceof PackageError) {
    io.err(`${prefix}: ${CLI_ERRORS.cannotRead("", e.message)}`);
    return EXIT_UNUSABLE;
  }
  const err = e as { code?: unknown; path?: unknown } | null;
  if (err && typeof err.code === "string" && /^E[A-Z]+$/.test(err.code)) {
    io.err(`${prefix}: ${fileSystemError(err.code, typeof err.path === "string" ? err.path : "")}`);
    return EXIT_UNUSABLE;
  }
  if (e instanceof RangeError && /call stack|Invalid string length|Array buffer allocation/i.test(e.message)) {
    io.err(`${prefix}: ${CLI_ERRORS.tooLargeToRead(e.message)}`);
    return EXIT_UNUSABLE;
  }
  io.err(`${prefix}: ${CLI_ERRORS.internal((e as Error).stack ?? String(e))}`);
  return EXIT_ERROR;
}
