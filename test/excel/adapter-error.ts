import { SheetAdapterError } from "../../src/excel/errors";

/** The adapter error a run rejects with; fails the test when it resolves or throws anything else. */
export async function adapterError(p: Promise<unknown>): Promise<SheetAdapterError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(SheetAdapterError);
    return e as SheetAdapterError;
  }
  throw new Error("expected an adapter error");
}
