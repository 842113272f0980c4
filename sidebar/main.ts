/**
 * The Voronka sidebar: detected tabs and their columns, the funnel's stages, report options,
 * Build with step-by-step progress, then links to the new sheets. Also the formula help view
 * (the same file, opened with `<body data-view="help">`).
 *
 * Rendering: Preact patches the page in place on every change (keyed lists), so the element
 * under the user's focus, the scroll position and any selection survive. Where an element's
 * place changes on purpose (a moved stage, another view), `app.focusNext` names what to focus.
 * Every user-supplied string is a text node or an attribute value: nothing is parsed as HTML.
 */
import { render } from "preact";
import { load, loadHelp } from "./actions";
import { app, setRenderer } from "./state";
import { helpView } from "./views/help";
import { sidebarView } from "./views/page";

const root = document.getElementById("app") as HTMLElement;

function draw(): void {
  render(app.view === "help" ? helpView() : sidebarView(), root);
  const key = app.focusNext;
  if (key === null) return;
  app.focusNext = null;
  const target = [...root.querySelectorAll<HTMLElement>("[data-focus]")].find(
    (e) => e.dataset.focus === key,
  );
  if (target && document.activeElement !== target) target.focus();
}

setRenderer(draw);
draw();
if (app.view === "help") loadHelp();
else void load();
