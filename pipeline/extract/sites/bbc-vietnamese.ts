// BBC News Tiếng Việt (bbc.com/vietnamese). Shape of its article pages (the demo outlet "Tin
// Hải Ngoại" serves the same shape from 127.0.0.1): hashed class names ("bbc-1n9zqk6"), so
// selectors use ids, roles and ARIA labels instead; main[role=main] holds the h1#content, a
// byline list section[aria-labelledby="article-byline"] ("Thông tin bài viết", then
// "Tác giả," and "Vai trò," items and a <time datetime>), paragraphs as div[dir=ltr] > p,
// the summary repeated as the first bold paragraph (dropped as equal to the sapo, which comes
// from the meta description), and "Các chủ đề liên quan" / "Tin liên quan" sections.
import type { SiteRule } from '../site-rule.ts';

export const bbcVietnamese: SiteRule = {
  id: 'bbc-vietnamese',
  name: 'BBC News Tiếng Việt',
  hosts: ['bbc.com', 'bbc.co.uk'],
  fingerprint: [
    'main[role="main"] h1#content',
    'section[aria-labelledby="article-byline"]',
    'main[role="main"] [class^="bbc-"]',
  ],
  title: ['main[role="main"] h1#content', 'main h1'],
  // None on the page apart from the bold first paragraph: the meta description is the sapo.
  sapo: [],
  body: ['main[role="main"]', 'main'],
  drop: [
    // The headline, and every labelled section: byline ("Thông tin bài viết"), topics,
    // related stories, "Bỏ qua … và tiếp tục đọc" podcast/most-read promos.
    'h1',
    'section[aria-labelledby]',
    'aside',
    'nav',
    // Screen-reader-only labels ("Nguồn hình ảnh,", "Chụp lại hình ảnh,").
    '[class*="visually-hidden" i]',
  ],
  // The whole item; its "Tác giả," label is removed by the extractor (names.ts).
  author: ['section[aria-labelledby="article-byline"] li:contains("Tác giả")'],
  // Date only ("2026-11-19"): the JSON-LD datePublished (with a time) is read first.
  date: ['section[aria-labelledby="article-byline"] time', 'main time'],
  section: [],
  tags: ['section[aria-labelledby="related-topics"] li a'],
};
