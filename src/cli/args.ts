/** A small argument parser: positional arguments, --flag and --key value / --key=value. */
export interface ParsedArgs {
  positional: string[];
  flags: Record<string, string | true>;
}

export function parseArgs(argv: string[], valued: readonly string[]): ParsedArgs | { error: string } {
  const positional: string[] = [];
  const flags: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--") {
      for (const item of argv.slice(i + 1)) positional.push(item);
      break;
    }
    if (a.startsWith("--")) {
      const eq = a.indexOf("=");
      const key = eq > 0 ? a.slice(2, eq) : a.slice(2);
      if (valued.includes(key)) {
        const v = eq > 0 ? a.slice(eq + 1) : argv[++i];
        if (v === undefined) return { error: `--${key} needs a value` };
        flags[key] = v;
      } else {
        if (eq > 0) return { error: `--${key} takes no value` };
        flags[key] = true;
      }
    } else if (a === "-h") {
      flags.help = true;
    } else {
      positional.push(a);
    }
  }
  return { positional, flags };
}
