/** Where the shared datasets live: `../shared/datasets` beside the repository. */
import { resolve } from "node:path";

export const DATASETS = resolve(__dirname, "../../../shared/datasets");
