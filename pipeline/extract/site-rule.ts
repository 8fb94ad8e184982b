// The shape of one outlet's extraction rule (one small typed object per outlet, as RSSHub and
// miniflux keep their per-site rules; see ../shared/STYLE.md). Selectors are CSS (cheerio).
//
// How each list is read (the extractor does this; a rule is data only):
// - title, sapo, date: the first selector that yields a non-empty value wins. The value of an
//   element is its `content` (meta), `datetime` (time) or text.
// - author: the first selector that matches; all its matches, joined with ", ".
// - section: the first selector that matches; the LAST match (the deepest breadcrumb level).
// - tags: the first selector that matches; every match (a meta's content is split on commas).
// - body: the first selector present is the container; `drop` selectors are removed inside it
//   before paragraphs are read. Global drops (scripts, figures, captions, forms…) apply too.
// Anything a rule does not yield comes from the generic fallback (JSON-LD, OpenGraph, meta,
// content density), so a rule only needs what the metadata gets wrong or lacks.
//
// Versions (fundus style, ../shared/STYLE.md §4): when an outlet redesigns, the rule's own
// fields describe the NEW markup and the old fields move, unchanged, into `versions` with the
// last day the old layout was served (`validUntil`, YYYY-MM-DD; when the exact day is unknown,
// the best known bound, said so in `note`). Old pages stay readable (the store keeps raw
// pages and a rule change can be replayed on them), old fixtures keep passing, and the diff of
// a redesign shows as an added version instead of an edited rule. Which layout reads a page is
// decided by markup, not by date (a page fetched today may be an old article re-rendered in
// the new layout, or an archived copy in the old one): the current layout unless its first
// fingerprint selector is absent and an older version's first fingerprint selector is present
// (newest first). Each version has its own fixture: tests/fixtures/extract/<id>@<validUntil>/.
// Example: sites/rfa.ts.

export interface SiteRule {
  /** Short id, also the fixture folder name: tests/fixtures/extract/<id>/. */
  readonly id: string;
  readonly name: string;
  /** Hostnames; subdomains (www., m., …) match too. */
  readonly hosts: readonly string[];
  /**
   * Markup fingerprint, for pages served from another host (domain moves after the 2025 press
   * mergers, local mirrors). The FIRST selector must be present for the rule to be a candidate;
   * the candidate with the most selectors present wins, ties go to registry order.
   */
  readonly fingerprint: readonly string[];
  readonly title: readonly string[];
  readonly sapo: readonly string[];
  readonly body: readonly string[];
  /** Removed inside the body container; each entry says why in the rule file. */
  readonly drop: readonly string[];
  readonly author: readonly string[];
  readonly date: readonly string[];
  readonly section: readonly string[];
  readonly tags: readonly string[];
  /** An outlet dateline at the start of the sapo ("TTO - "), removed. */
  readonly sapoPrefix?: RegExp;
  /**
   * Inline elements holding the story's place dateline (VnExpress `span.location-stamp`
   * "Lâm Đồng"), styled apart on screen but glued to the next word in the text; they are
   * read as "Lâm Đồng - …" so the place stays a separate phrase for locate.
   */
  readonly datelineStamp?: string;
  /** Older layouts of the outlet, newest first (see the header). */
  readonly versions?: readonly SiteRuleVersion[];
}

/** An older layout: every field of a rule but its identity, plus when it stopped. */
export interface SiteRuleVersion extends Omit<SiteRule, 'id' | 'name' | 'hosts' | 'versions'> {
  /** Last day the layout was served (YYYY-MM-DD), or the best known bound (see `note`). */
  readonly validUntil: string;
  /** Where the layout is known from and how sure the date is. */
  readonly note: string;
}
