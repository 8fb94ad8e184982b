// SVG → PNG for the mail (charts and template figures), with resvg off the main thread. One
// font setup for every image: the Noto files fonts-noto-core installs (.ci/run and the Docker
// image install it), so an image looks the same on every server; without them, the system's
// fonts under the same family names.
import { existsSync } from 'node:fs';
import { renderAsync } from '@resvg/resvg-js';

const NOTO = '/usr/share/fonts/truetype/noto';
const FONT_FILES = ['NotoSans', 'NotoSerif'].flatMap((family) =>
  ['Regular', 'Bold', 'Italic', 'BoldItalic'].map((style) => `${NOTO}/${family}-${style}.ttf`),
);

export type SvgFit = { mode: 'zoom'; value: number } | { mode: 'width'; value: number };

export type RasteriseOptions = {
  fitTo: SvgFit;
  /** The family of text whose font-family names none we have. */
  defaultFont: 'Noto Sans' | 'Noto Serif';
};

let fontFiles: string[] | undefined;

export async function svgToPng(svg: string, opts: RasteriseOptions): Promise<Buffer> {
  fontFiles ??= FONT_FILES.filter((f) => existsSync(f));
  const image = await renderAsync(svg, {
    fitTo: opts.fitTo,
    font:
      fontFiles.length === FONT_FILES.length
        ? { loadSystemFonts: false, fontFiles, defaultFontFamily: opts.defaultFont }
        : { loadSystemFonts: true, defaultFontFamily: opts.defaultFont },
  });
  return image.asPng();
}
