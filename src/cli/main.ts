/**
 * `jixiao`: the engine over .xlsx files (docs/rules.md §2). One file per command; this one only
 * picks the command. Commands load on demand, so `validate` never loads the seed data that
 * `compare` and `seeds` bundle. The input file is never modified: results go to the --out file only.
 */
import { CliCommand, EXIT_OK, EXIT_UNUSABLE, Io, reportError, runCommand } from "./command";
import { CLI_ERRORS } from "./messages";
import { VALIDATE_USAGE } from "./validate-command";

export { EXIT_ERROR, EXIT_OK, EXIT_UNUSABLE } from "./command";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each command has its own options type
type AnyCommand = CliCommand<any>;

/** The commands, in the order --help lists them; each loaded only when run. */
const COMMANDS: Record<string, () => Promise<AnyCommand>> = {
  validate: async () => (await import("./validate-command")).command,
  audit: async () => (await import("./audit-command")).command,
  compare: async () => (await import("./compare-command")).command,
  seeds: async () => (await import("./seeds-command")).command,
  review: async () => (await import("./review-command")).command,
  report: async () => (await import("./report-command")).command,
};

const defaultIo: Io = {
  out: (s) => process.stdout.write(s + "\n"),
  err: (s) => process.stderr.write(s + "\n"),
  tty: process.stderr.isTTY === true,
  errRaw: (s) => process.stderr.write(s),
};

export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  const [name, ...rest] = argv;
  try {
    if (!name || name === "--help" || name === "-h" || name === "help") {
      const all = await Promise.all(Object.values(COMMANDS).map((load) => load()));
      io.out(all.map((c) => c.usage).join("\n\n"));
      return name ? EXIT_OK : EXIT_UNUSABLE;
    }
    if (name === "--version") {
      io.out("0.1.0");
      return EXIT_OK;
    }
    const load = Object.prototype.hasOwnProperty.call(COMMANDS, name) ? COMMANDS[name] : undefined;
    if (!load) {
      io.err(`jixiao: ${CLI_ERRORS.unknownCommand(name)}\n\n${VALIDATE_USAGE}`);
      return EXIT_UNUSABLE;
    }
    return await runCommand(await load(), rest, io, undefined);
  } catch (e) {
    return reportError("jixiao", e, io);
  }
}
