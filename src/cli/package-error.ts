/**
 * A package the CLI cannot read or write, with the reason in words. It is unusable input, not a
 * bug: wherever it surfaces the command exits 2 with the reason (a UsageError).
 */
import { UsageError } from "./usage-error";

export class PackageError extends UsageError {}
