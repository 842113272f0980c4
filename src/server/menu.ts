/** Placeholder menu; the sidebar issue replaces it. */
export function onOpen(_e?: unknown): void {
  SpreadsheetApp.getUi().createAddonMenu().addItem("Help", "showHelp").addToUi();
}

export function onInstall(e?: unknown): void {
  onOpen(e);
}
