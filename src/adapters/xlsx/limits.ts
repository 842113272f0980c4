/**
 * The offline command's input limits, stated in --help and the README. No imports: --help
 * reads them without loading a reader.
 */

/** Excel's limit for one cell's text; longer cells are cut (with a data check note). */
export const MAX_CELL_CHARS = 32_767;

/** Rows the command reads in total across its inputs (more is refused in one line). */
export const MAX_ROWS = 3_000_000;

/** The largest input file, in bytes. */
export const MAX_FILE_BYTES = 1024 * 1024 * 1024;
