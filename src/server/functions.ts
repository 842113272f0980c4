/** Custom functions as Sheets calls them (placeholder until the functions land). */
export {};
