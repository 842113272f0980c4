/** Types for gas-local 1.3 (it ships none): what test/support/gas-vm.ts uses. */
declare module "gas-local" {
  import type vm from "node:vm";

  interface GasLocal {
    /**
     * Runs every file of `folder` (recursively) that `filter` accepts (default: `.js`) in one
     * new vm context made from `globalObject`, and returns that context.
     */
    require(
      folder: string,
      globalObject?: Record<string, unknown>,
      options?: { filter?: (path: string) => boolean },
    ): vm.Context;
    /** gas-local's own Logger and Utilities stand-ins. */
    globalMockDefault: Record<string, unknown>;
  }
  const gasLocal: GasLocal;
  export default gasLocal;
}
