/**
 * The 生成自评报告 job (docs/report.md): one adapter call (writeReport) that checks the sheet
 * again, drafts the report in core and writes the 自评报告 sheet; then, where the host lets the
 * pane save a file, the .docx drawn from the same report. The .docx writer loads only on that
 * click, so the pane's first bundle stays small. Nothing here decides what the report says.
 */
import { useCallback, useState } from "react";
import type { ReportRun, RunReportOptions } from "../../excel";
import type { Bilingual } from "../../core/basics/text";
import type { PaneServices } from "../office/services";
import { type Runner, useRunner } from "../shell/use-runner";

export type DraftedReport = Extract<ReportRun, { ok: true }>;

const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** The file name offered: the report's title, without what a file name may not hold. */
export function docxName(title: string): string {
  return `${title.replace(/[\\/:*?"<>|]/g, "_").slice(0, 120)}.docx`;
}

export function useReport({ adapter, saveFile }: PaneServices, shared?: Runner) {
  const own = useRunner();
  const { run } = shared ?? own;
  const [drafted, setDrafted] = useState<DraftedReport | null>(null);
  const [error, setError] = useState<Bilingual | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  const start = useCallback(
    (options: RunReportOptions) =>
      run(
        "report",
        async () => {
          setError(null);
          setSaved(null);
          const r = await adapter.writeReport(options);
          if (r.ok) setDrafted(r);
          else {
            setDrafted(null);
            setError(r.reason);
          }
        },
        (e) => setError(e),
      ),
    [adapter, run],
  );

  const download = useCallback(
    () =>
      run(
        "docx",
        async () => {
          if (!drafted || !saveFile) return;
          const { reportDocx } = await import(/* webpackChunkName: "report-docx" */ "../../docx/report-docx");
          const name = docxName(drafted.report.title);
          saveFile(name, await reportDocx(drafted.report), DOCX_MIME);
          setSaved(name);
        },
        (e) => setError(e),
      ),
    [drafted, run, saveFile],
  );

  const select = useCallback((address: string) => run("read", () => adapter.selectCell(address), (e) => setError(e)), [adapter, run]);

  /** The results were cleared: the report sheet went with them. */
  const forget = useCallback(() => {
    setDrafted(null);
    setSaved(null);
  }, []);

  return { drafted, error, saved, start, download: saveFile ? download : null, select, forget, dismiss: () => setError(null) };
}

export type ReportModel = ReturnType<typeof useReport>;
