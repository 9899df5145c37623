/**
 * Function file of the ribbon (manifest <FunctionFile>). Miernik's only ribbon button opens the
 * task pane (ShowTaskpane), which needs no function; ExecuteFunction commands would be registered
 * here with Office.actions.associate(name, handler) and listed in RIBBON_FUNCTIONS.
 */

/** Names of ExecuteFunction commands this file associates (none yet: the button shows the pane). */
export const RIBBON_FUNCTIONS: readonly string[] = [];

const office = (globalThis as { Office?: { onReady(): Promise<unknown> } }).Office;
if (office) void office.onReady();
