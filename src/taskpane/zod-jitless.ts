// Imported first by the task pane's entry (index.tsx). Its Content-Security-Policy has no
// 'unsafe-eval', and zod probes `new Function` once to decide whether to compile its parsers; the
// browser reports that probe as a CSP violation even though zod catches the refusal. jitless skips
// the probe; parsing gives the same results, only not compiled (docs/testing.md: CSP violations).
import { z } from "zod";

z.config({ jitless: true });
