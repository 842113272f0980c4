/**
 * What may reach a terminal. Headers, tab and file names are user data: an escape sequence
 * in one (ESC ] 0 ; title BEL, ESC [ 2 J) would retitle or clear the user's terminal.
 */
import type { Lang } from "../core/i18n";

// ESC sequences first (CSI, OSC up to BEL or ST, DCS/SOS/PM/APC up to ST, any other ESC and
// the character after it, and their one-byte C1 forms), then single C0 characters (except line
// feed), C1 characters and DEL. Built from strings: the linter rejects such literals.
const ESCAPES = new RegExp(
  [
    String.raw`\x1b\[[0-?]*[ -/]*[@-~]?`,
    String.raw`\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?`,
    String.raw`\x1b[PX^_][^\x1b]*(?:\x1b\\)?`,
    String.raw`\x1b[\s\S]?`,
    String.raw`\x9b[0-?]*[ -/]*[@-~]?`,
    String.raw`\x9d[^\x07\x9c]*(?:\x07|\x9c)?`,
  ].join("|"),
  "g",
);

/** The text up to its first line feed (an error's headline without the detail below it). */
export function firstLine(text: string): string {
  const end = text.indexOf("\n");
  return end < 0 ? text : text.slice(0, end);
}

const isControl = (c: number) => (c < 0x20 && c !== 0x0a) || (c >= 0x7f && c <= 0x9f);

/** The text without escape sequences and control characters (line feeds stay: the summary table has several lines). */
export function terminalText(text: string): string {
  const t = text.replace(ESCAPES, "");
  let out = "";
  let from = 0;
  for (let i = 0; i < t.length; i++) {
    if (!isControl(t.charCodeAt(i))) continue;
    out += t.slice(from, i);
    from = i + 1;
  }
  return from === 0 ? t : out + t.slice(from);
}

/** The language of the terminal messages: LC_ALL, LC_MESSAGES or LANG when Russian or Ukrainian. */
export function systemLang(env: NodeJS.ProcessEnv = process.env): Lang {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || "";
  if (/^ru/i.test(locale)) return "ru";
  if (/^uk/i.test(locale)) return "uk";
  return "en";
}
