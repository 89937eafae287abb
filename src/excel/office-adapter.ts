/** The adapter on real Excel: `Excel.run` and Office's requirement-set check. */
import type { SheetAdapter } from "./adapter-types";
import { createSheetAdapter } from "./sheet-adapter";

export function createOfficeSheetAdapter(): SheetAdapter {
  return createSheetAdapter({
    run: (batch) => Excel.run((context) => batch(context)),
    isSetSupported: (name, minVersion) => Office.context.requirements.isSetSupported(name, minVersion),
  });
}
