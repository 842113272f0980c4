/**
 * A typed Promise wrapper over `google.script.run`. The server's functions and their shapes come
 * from src/server/rpc.ts (type-only import: nothing of the server is bundled here).
 */
import type * as Server from "../src/server/rpc";

export type ServerApi = Pick<
  typeof Server,
  "sidebarState" | "saveSettings" | "startBuild" | "buildStep" | "openSheet" | "createTemplate"
>;

type Method = keyof ServerApi;

interface Runner {
  withSuccessHandler(fn: (value: unknown) => void): Runner;
  withFailureHandler(fn: (error: unknown) => void): Runner;
  [name: string]: unknown;
}

interface GoogleHost {
  script?: { run?: Runner };
}

/** Thrown for a failed call; `message` is the server's one sentence. */
export class RpcError extends Error {
  constructor(
    message: string,
    readonly method: string,
  ) {
    super(message);
    this.name = "RpcError";
  }
}

export class NoHostError extends Error {
  constructor() {
    super("google.script.run is not available");
    this.name = "NoHostError";
  }
}

function runner(): Runner | null {
  const g = (globalThis as { google?: GoogleHost }).google;
  return g?.script?.run ?? null;
}

/**
 * Keeps only the first line of a server error and drops the "Error: " / "Exception: " prefix
 * Apps Script adds, so the user sees a sentence and never a stack trace.
 */
export function errorSentence(error: unknown): string {
  let msg = "";
  if (error && typeof error === "object" && "message" in error) {
    msg = String((error as { message: unknown }).message ?? "");
  } else if (typeof error === "string") {
    msg = error;
  }
  msg = msg.split(/\r?\n/)[0] ?? "";
  msg = msg.replace(
    /^(?:(?:Uncaught\s+)?(?:Script|Type|Range|Reference)?Error|Exception):\s*/i,
    "",
  );
  return msg.trim();
}

export function call<M extends Method>(
  method: M,
  ...args: Parameters<ServerApi[M]>
): Promise<Awaited<ReturnType<ServerApi[M]>>> {
  return new Promise((resolve, reject) => {
    const run = runner();
    if (!run) {
      reject(new NoHostError());
      return;
    }
    const r = run
      .withSuccessHandler((value) => resolve(value as Awaited<ReturnType<ServerApi[M]>>))
      .withFailureHandler((error) => reject(new RpcError(errorSentence(error), method)));
    const fn = r[method];
    if (typeof fn !== "function") {
      reject(new RpcError("", method));
      return;
    }
    (fn as (...a: unknown[]) => void).apply(r, args);
  });
}
