// The day of the demo bulletin, apart from the server so the CLI can name it without loading
// the newsroom.

/** The date of the demo bulletin; its window is 19/11/2026 06:00 → 20/11/2026 06:00 (+07). */
export const SAMPLE_DAY = '2026-11-20';
