// Function file for ribbon commands. The only ribbon button opens the task pane, so `action` is a
// stub kept registered for commands that run without UI.

function action(event: Office.AddinCommands.Event): void {
  event.completed();
}

if (typeof Office !== "undefined") {
  Office.onReady(() => {
    // Nothing to prepare yet.
  });
  if (Office.actions && typeof Office.actions.associate === "function") {
    Office.actions.associate("action", action);
  }
}
