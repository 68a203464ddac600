/**
 * Ribbon commands. In the shared runtime this bundle is loaded by taskpane.html (the manifest's FunctionFile is
 * the task pane page), so commands, custom functions and the pane share one JavaScript runtime.
 *
 * The manifest's only button uses the built-in ShowTaskpane action; `showTiering` is here for ExecuteFunction
 * controls and keyboard shortcuts, which name an action registered with Office.actions.associate.
 */

/** Opens the Tiering pane (SharedRuntime 1.1), then tells Office the command is done. */
export async function showTiering(event?: Office.AddinCommands.Event): Promise<void> {
  try {
    await Office.addin.showAsTaskpane();
  } finally {
    // Office waits for completed() before it runs the next command.
    event?.completed();
  }
}

if (typeof Office !== "undefined") {
  Office.onReady(() => {
    Office.actions.associate("showTiering", showTiering);
  });
}
