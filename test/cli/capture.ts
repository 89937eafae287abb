/** What a CLI command printed: its Io and the lines it wrote to stdout and stderr. */
export function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s: string) => out.push(s), err: (s: string) => err.push(s) }, out, err };
}

/** Run the `jixiao` command as the user would, and what it printed, joined. */
export async function runCli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const { main } = await import("../../src/cli/main");
  const c = capture();
  const code = await main(args, c.io);
  return { code, out: c.out.join("\n"), err: c.err.join("\n") };
}
