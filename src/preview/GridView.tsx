/**
 * The memory workbook as a spreadsheet: sheet tabs, row and column headers, the cells as Excel
 * would show them (number formats, fills and font colours including conditional formats, notes
 * as a corner marker with a tooltip, merged areas). Click or use the arrow keys to select (Shift
 * extends), double-click, F2 or type to edit, Delete to clear, Ctrl+V to paste tab-separated text,
 * Ctrl+C to copy. Selection lives in the workbook, so the pane's "select cell" shows here too.
 */
import { Button, Input, mergeClasses, Tab, TabList, Text } from "@fluentui/react-components";
import { ClipboardEvent, CSSProperties, KeyboardEvent, MouseEvent, useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { columnLetter, parseA1, rangeA1, splitSheet } from "../core/basics/address";
import { HEADER_WIDTH, MAX_ROWS, ROW_HEIGHT, useStyles } from "./grid-view-styles";
import { PreviewWorkbook } from "./preview-workbook";
import { key, SheetView, sheetView, ViewCell } from "./sheet-view";
import { PreviewStrings } from "./strings";
import { parseTsv, toTsv } from "./tsv";

interface Rect {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}
interface Pos {
  row: number;
  col: number;
}
interface Editing extends Pos {
  text: string;
  /** typed in the cell, or in the formula bar */
  where: "cell" | "bar";
  original: string;
}

export const normal = (a: Pos, b: Pos): Rect => ({ r1: Math.min(a.row, b.row), c1: Math.min(a.col, b.col), r2: Math.max(a.row, b.row), c2: Math.max(a.col, b.col) });
const inside = (r: Rect, p: Pos) => p.row >= r.r1 && p.row <= r.r2 && p.col >= r.c1 && p.col <= r.c2;
const cellId = (p: Pos) => `jx-cell-${p.row}-${p.col}`;

/** The workbook's selection ("Sheet!A1:B2", the sheet quoted when it must be) when on `sheet`. */
function selectionOn(selection: string | null, sheet: string): Rect | null {
  if (!selection) return null;
  const { sheet: name, range } = splitSheet(selection);
  if (name !== sheet) return null;
  const [a, b = a] = range.split(":");
  const p = parseA1(a);
  const q = parseA1(b);
  return p && q ? normal(p, q) : null;
}

export interface GridViewProps {
  book: PreviewWorkbook;
  strings: PreviewStrings;
}

export function GridView({ book, strings }: GridViewProps) {
  const styles = useStyles();
  const version = useSyncExternalStore(book.subscribe, book.version);
  const host = book.xl.workbook;
  const names = host.sheetNames();
  const sheet = host.activeSheet();
  // re-read after every change the workbook reports (version)
  const view: SheetView = useMemo(() => sheetView(host, sheet, MAX_ROWS), [host, sheet, version]);
  const selected = selectionOn(host.selection(), sheet) ?? { r1: 1, c1: 1, r2: 1, c2: 1 };
  const [cursor, setCursor] = useState<(Pos & { sheet: string }) | null>(null);
  const [far, setFar] = useState<Pos | null>(null);
  const [editing, setEditingState] = useState<Editing | null>(null);
  // what is being edited now, so Enter and the blur that may follow it commit once
  const editingRef = useRef<Editing | null>(null);
  const setEditing = (e: Editing | null) => {
    editingRef.current = e;
    setEditingState(e);
  };
  const [message, setMessage] = useState<string | null>(null);
  const tableRef = useRef<HTMLTableElement>(null);
  const scrollerRef = useRef<HTMLDivElement>(null);
  const current: Pos = cursor && cursor.sheet === sheet && inside(selected, cursor) ? cursor : { row: selected.r1, col: selected.c1 };
  const currentCell = view.cells.get(key(current.row, current.col));

  // keep the current cell in sight when it moves (arrow keys, or the pane selecting a problem's cell)
  useEffect(() => {
    const scroller = scrollerRef.current;
    const cell = document.getElementById(cellId({ row: current.row, col: current.col }));
    if (scroller && cell) reveal(scroller, cell);
  }, [current.row, current.col, sheet]);

  const clamp = (p: Pos): Pos => ({ row: Math.min(Math.max(p.row, 1), view.rows), col: Math.min(Math.max(p.col, 1), view.cols) });

  function select(active: Pos, other: Pos = active) {
    const a = clamp(active);
    const b = clamp(other);
    const r = normal(a, b);
    host.select(sheet, rangeA1(r.r1, r.c1, r.r2, r.c2));
    setCursor({ ...a, sheet });
    setFar(other === active ? null : b);
    book.changed();
  }

  function write(at: Pos, rows: string[][]): Promise<void> {
    setMessage(null);
    return book.enter(sheet, at.row, at.col, rows).catch((e: unknown) => {
      setMessage(strings.editFailed.replace("{message}", e instanceof Error ? e.message : String(e)));
    });
  }

  function commit(e: Editing | null, move?: Pos) {
    if (!e || editingRef.current !== e) return;
    setEditing(null);
    const done = e.text !== e.original ? write(e, [[e.text]]) : Promise.resolve();
    void done.then(() => {
      if (move) select({ row: e.row + move.row, col: e.col + move.col });
      tableRef.current?.focus({ preventScroll: true });
    });
  }

  function startEditing(text?: string) {
    const original = currentCell?.input ?? "";
    setEditing({ ...current, text: text ?? original, original, where: "cell" });
  }

  function onMouseDown(e: MouseEvent<HTMLTableElement>) {
    const td = (e.target as HTMLElement).closest<HTMLElement>("td[data-row]");
    if (!td) return;
    const p = { row: Number(td.dataset.row), col: Number(td.dataset.col) };
    if (editing && editing.where === "cell" && editing.row === p.row && editing.col === p.col) return;
    if (e.shiftKey) select(current, p);
    else select(p);
  }

  function onDoubleClick(e: MouseEvent<HTMLTableElement>) {
    const td = (e.target as HTMLElement).closest<HTMLElement>("td[data-row]");
    if (!td || editing) return;
    const p = { row: Number(td.dataset.row), col: Number(td.dataset.col) };
    const original = view.cells.get(key(p.row, p.col))?.input ?? "";
    setEditing({ ...p, text: original, original, where: "cell" });
  }

  function onKeyDown(e: KeyboardEvent<HTMLTableElement>) {
    if (editing) return;
    const moves: Record<string, Pos> = { ArrowUp: { row: -1, col: 0 }, ArrowDown: { row: 1, col: 0 }, ArrowLeft: { row: 0, col: -1 }, ArrowRight: { row: 0, col: 1 } };
    const move = moves[e.key];
    if (move) {
      e.preventDefault();
      if (e.shiftKey) {
        const from = far ?? current;
        select(current, { row: from.row + move.row, col: from.col + move.col });
      } else select({ row: current.row + move.row, col: current.col + move.col });
    } else if (e.key === "Enter" || e.key === "Tab") {
      e.preventDefault();
      const step = e.key === "Enter" ? { row: e.shiftKey ? -1 : 1, col: 0 } : { row: 0, col: e.shiftKey ? -1 : 1 };
      select({ row: current.row + step.row, col: current.col + step.col });
    } else if (e.key === "F2") {
      e.preventDefault();
      startEditing();
    } else if (e.key === "Delete" || e.key === "Backspace") {
      e.preventDefault();
      const rows = Array.from({ length: selected.r2 - selected.r1 + 1 }, () => Array<string>(selected.c2 - selected.c1 + 1).fill(""));
      if (e.key === "Backspace") startEditing("");
      else void write({ row: selected.r1, col: selected.c1 }, rows);
    } else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      startEditing(e.key);
    }
  }

  function onPaste(e: ClipboardEvent<HTMLTableElement>) {
    if (editing) return;
    const text = e.clipboardData.getData("text/plain");
    if (!text) return;
    e.preventDefault();
    const rows = parseTsv(text);
    if (rows.length === 0) return;
    const width = Math.max(...rows.map((r) => r.length));
    const at = { row: selected.r1, col: selected.c1 };
    void write(at, rows).then(() => select(at, { row: at.row + rows.length - 1, col: at.col + width - 1 }));
  }

  function onCopy(e: ClipboardEvent<HTMLTableElement>) {
    if (editing) return;
    const rows: string[][] = [];
    for (let r = selected.r1; r <= selected.r2; r++) {
      const row: string[] = [];
      for (let c = selected.c1; c <= selected.c2; c++) row.push(view.cells.get(key(r, c))?.text ?? "");
      rows.push(row);
    }
    e.clipboardData.setData("text/plain", toTsv(rows));
    e.preventDefault();
  }

  function activate(name: string) {
    setEditing(null);
    host.activate(name);
    book.changed();
  }

  function addSheet() {
    let i = names.length + 1;
    while (host.hasSheet(`Sheet${i}`)) i++;
    host.addSheet(`Sheet${i}`);
    activate(`Sheet${i}`);
  }

  const address = selected.r1 === selected.r2 && selected.c1 === selected.c2 ? rangeA1(current.row, current.col, current.row, current.col) : rangeA1(selected.r1, selected.c1, selected.r2, selected.c2);
  const barText = editing ? editing.text : (currentCell?.input ?? "");

  return (
    <div className={styles.root}>
      <div className={styles.bar}>
        <Input className={styles.nameBox} size="small" readOnly value={address} aria-label={strings.nameBox} data-testid="name-box" />
        <Input
          className={styles.formula}
          size="small"
          value={barText}
          aria-label={strings.formulaBar}
          data-testid="formula-bar"
          onChange={(_, d) => setEditing({ ...current, text: d.value, original: currentCell?.input ?? "", where: "bar" })}
          onKeyDown={(e) => {
            if (e.key === "Enter") {
              e.preventDefault();
              commit(editing, { row: 1, col: 0 });
            } else if (e.key === "Escape") {
              setEditing(null);
              tableRef.current?.focus();
            }
          }}
          onBlur={() => editing?.where === "bar" && commit(editing)}
        />
      </div>
      <div ref={scrollerRef} className={styles.scroller}>
        <table
          ref={tableRef}
          className={styles.table}
          role="grid"
          aria-label={`${strings.workbook}: ${sheet}`}
          aria-rowcount={view.rows}
          aria-colcount={view.cols}
          aria-activedescendant={cellId(current)}
          aria-multiselectable="true"
          tabIndex={0}
          data-testid="grid"
          data-sheet={sheet}
          style={{ width: HEADER_WIDTH + view.widths.reduce((a, b) => a + b, 0) }}
          onMouseDown={onMouseDown}
          onDoubleClick={onDoubleClick}
          onKeyDown={onKeyDown}
          onPaste={onPaste}
          onCopy={onCopy}
        >
          <colgroup>
            <col style={{ width: HEADER_WIDTH }} />
            {view.widths.map((w, i) => (
              <col key={i} style={{ width: w }} />
            ))}
          </colgroup>
          <thead>
            <tr>
              <td className={mergeClasses(styles.head, styles.corner)} aria-hidden="true" />
              {view.widths.map((_, i) => (
                <th key={i} scope="col" className={mergeClasses(styles.head, i + 1 >= selected.c1 && i + 1 <= selected.c2 && styles.headOn)}>
                  {columnLetter(i + 1)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: view.rows }, (_, i) => i + 1).map((row) => (
              <tr key={row} style={{ height: ROW_HEIGHT }}>
                <th scope="row" className={mergeClasses(styles.rowHead, row >= selected.r1 && row <= selected.r2 && styles.headOn)}>
                  {row}
                </th>
                {view.widths.map((_, j) => {
                  const col = j + 1;
                  const k = key(row, col);
                  if (view.covered.has(k)) return null;
                  const cell = view.cells.get(k);
                  const isCurrent = row === current.row && col === current.col;
                  const inRange = inside(selected, { row, col }) && !(selected.r1 === selected.r2 && selected.c1 === selected.c2);
                  return (
                    <td
                      key={k}
                      id={cellId({ row, col })}
                      data-row={row}
                      data-col={col}
                      data-address={`${columnLetter(col)}${row}`}
                      aria-selected={inside(selected, { row, col })}
                      rowSpan={cell?.rowSpan}
                      colSpan={cell?.colSpan}
                      title={cell?.note ? `${strings.noteLabel}: ${cell.note}` : undefined}
                      data-note={cell?.note ? "true" : undefined}
                      className={mergeClasses(styles.cell, cell?.note && styles.note, inRange && styles.inRange, isCurrent && styles.current)}
                      style={cellStyle(cell)}
                    >
                      {editing && editing.where === "cell" && isCurrent ? (
                        <input
                          className={styles.editor}
                          aria-label={`${columnLetter(col)}${row}`}
                          autoFocus
                          onFocus={(e) => e.target.setSelectionRange(e.target.value.length, e.target.value.length)}
                          value={editing.text}
                          onChange={(e) => setEditing({ ...editing, text: e.target.value })}
                          onKeyDown={(e) => {
                            e.stopPropagation();
                            if (e.key === "Enter") {
                              e.preventDefault();
                              commit(editing, { row: e.shiftKey ? -1 : 1, col: 0 });
                            } else if (e.key === "Tab") {
                              e.preventDefault();
                              commit(editing, { row: 0, col: e.shiftKey ? -1 : 1 });
                            } else if (e.key === "Escape") {
                              setEditing(null);
                              tableRef.current?.focus();
                            }
                          }}
                          onBlur={() => commit(editing)}
                        />
                      ) : cell?.spill ? (
                        <span className={styles.spill} style={{ maxWidth: spillWidth(view, col, cell.spill) }}>
                          {cell.text}
                        </span>
                      ) : (
                        cell?.text
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className={styles.tabs}>
        <TabList size="small" selectedValue={sheet} onTabSelect={(_, d) => activate(String(d.value))} aria-label={strings.sheetTabs} data-testid="sheet-tabs">
          {names.map((name) => (
            <Tab key={name} value={name} data-sheet={name}>
              {name}
            </Tab>
          ))}
        </TabList>
        <Button size="small" appearance="subtle" onClick={addSheet} aria-label={strings.addSheet} title={strings.addSheet}>
          +
        </Button>
      </div>
      <Text size={200} className={mergeClasses(styles.status, message !== null && styles.error)} role="status" data-testid="grid-status">
        {message ?? (view.capped ? strings.rowsCapped.replace("{n}", String(MAX_ROWS)) : strings.editHint)}
      </Text>
    </div>
  );
}

function spillWidth(view: SheetView, col: number, spill: number): number {
  let px = -8;
  for (let c = col; c <= col + spill && c <= view.cols; c++) px += view.widths[c - 1];
  return px;
}

/** Scroll just enough to show the cell clear of the sticky headers; a cell wider than the view shows its start. */
function reveal(scroller: HTMLElement, cell: HTMLElement) {
  const view = scroller.getBoundingClientRect();
  const box = cell.getBoundingClientRect();
  const left = view.left + HEADER_WIDTH;
  const top = view.top + ROW_HEIGHT;
  const right = view.left + scroller.clientWidth;
  const bottom = view.top + scroller.clientHeight;
  if (box.left < left || box.width > right - left) scroller.scrollLeft -= left - box.left;
  else if (box.right > right) scroller.scrollLeft += box.right - right;
  if (box.top < top || box.height > bottom - top) scroller.scrollTop -= top - box.top;
  else if (box.bottom > bottom) scroller.scrollTop += box.bottom - bottom;
}

function cellStyle(cell: ViewCell | undefined): CSSProperties | undefined {
  if (!cell) return undefined;
  const style: CSSProperties = { textAlign: cell.align };
  if (cell.fill) style.backgroundColor = cell.fill;
  if (cell.font) style.color = cell.font;
  if (cell.bold) style.fontWeight = "bold";
  if (cell.rowSpan && cell.rowSpan > 1) style.verticalAlign = "middle";
  if (cell.spill) style.overflow = "visible";
  return style;
}
