/** What a CLI command printed: its Io and the lines it wrote to stdout and stderr. */
export function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s: string) => out.push(s), err: (s: string) => err.push(s) }, out, err };
}
