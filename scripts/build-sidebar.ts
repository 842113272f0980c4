import { writeFileSync } from "node:fs";
import { join } from "node:path";

/** Builds dist/sidebar.html: one self-contained file (placeholder until the sidebar lands). */
export async function buildSidebar(_root: string, dist: string): Promise<void> {
  writeFileSync(join(dist, "sidebar.html"), "<!doctype html><title>Voronka</title><p>Voronka</p>");
}
