import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { Status } from "../../src/core/indicators/results";
import { TaskPaneRoot } from "../../src/taskpane/shell/Root";
import type { PaneServices } from "../../src/taskpane/office/services";

export type User = ReturnType<typeof userEvent.setup>;

/** The pane as Excel shows it, with the given services, once its lazy part has loaded. */
export async function renderPane(services: PaneServices, displayLanguage = "zh-CN") {
  const user = userEvent.setup();
  const utils = render(<TaskPaneRoot state={{ kind: "excel", displayLanguage }} services={services} />);
  // the first test of a file also compiles the lazy chunk: give it time on a busy machine
  const check = await screen.findByRole("button", { name: displayLanguage.startsWith("en") ? "Check indicators" : "核对指标" }, { timeout: 10000 });
  return { user, check, ...utils };
}

/** Switch to one of the pane's jobs by its tab. */
export async function openJob(user: User, name: string): Promise<HTMLElement> {
  await user.click(screen.getByRole("tab", { name }));
  return screen.getByRole("tabpanel");
}

/** The number shown beside a status in the summary. */
export function countOf(status: Status): number {
  return Number(screen.getByTestId(`count-${status}`).querySelector("strong")?.textContent ?? NaN);
}

export function text(testId: string): string {
  return screen.getByTestId(testId).textContent ?? "";
}
