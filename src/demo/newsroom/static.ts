// Placeholder image served by the newsroom, so sample pages never reach for a real CDN.
export const PLACEHOLDER_IMAGE_PATH = '/static/anh-minh-hoa.svg';

export const PLACEHOLDER_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="675" viewBox="0 0 1200 675"><rect width="1200" height="675" fill="#d7dde4"/><text x="600" y="350" font-family="sans-serif" font-size="48" text-anchor="middle" fill="#5a6570">Ảnh minh họa</text></svg>`;

/** Absolute image URL with the resize query string most outlets' CDNs carry. */
export function imageUrl(baseUrl: string, id: string): string {
  return `${baseUrl}${PLACEHOLDER_IMAGE_PATH}?id=${id}&w=1200&h=0&q=100`;
}
