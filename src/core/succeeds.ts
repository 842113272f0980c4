/** Whether `attempt` runs without throwing (for checks the runtime answers only by failing). */
export function succeeds(attempt: () => unknown): boolean {
  try {
    attempt();
    return true;
  } catch {
    return false;
  }
}
