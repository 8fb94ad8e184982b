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
}
