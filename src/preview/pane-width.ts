/**
 * The task pane's width in the preview: Excel opens a task pane at about 320–350 px and lets the
 * user drag it wider. `?paneWidth=320` sets it; the divider beside the pane drags it.
 */

/** The width the preview opens the pane at when the address does not say. */
export const DEFAULT_PANE_WIDTH = 360;
/** Narrower than Excel allows, so the narrowest real pane is inside the range. */
export const MIN_PANE_WIDTH = 280;
export const MAX_PANE_WIDTH = 900;

export function clampPaneWidth(width: number): number {
  if (!Number.isFinite(width)) return DEFAULT_PANE_WIDTH;
  return Math.round(Math.min(MAX_PANE_WIDTH, Math.max(MIN_PANE_WIDTH, width)));
}

/** `?paneWidth=320` → 320; absent or not a number → the default. */
export function paneWidthFrom(search: string): number {
  const raw = new URLSearchParams(search).get("paneWidth");
  if (raw === null || raw.trim() === "" || !/^\d+(?:\.\d+)?$/.test(raw.trim())) return DEFAULT_PANE_WIDTH;
  return clampPaneWidth(Number(raw));
}
