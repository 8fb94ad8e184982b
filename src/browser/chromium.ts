// The one way to start Chromium: Debian's build driven by playwright-core through
// executablePath (no browser download ever happens). Crawling in browser mode, evidence
// screenshots and bulletin PDFs all launch through here.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

// Flags for a headless server without a GPU, sandbox (root in CI) or background traffic that
// would leave the machine or touch a profile.
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

/** The Chromium binary: DIEMTIN_CHROMIUM when set, else Debian's. */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.DIEMTIN_CHROMIUM ?? DEFAULT_CHROMIUM;
}

export async function launchChromium(opts: { executablePath?: string } = {}): Promise<Browser> {
  const executablePath = opts.executablePath ?? chromiumPath();
  if (!existsSync(executablePath)) {
    throw new Error(
      `browser: Chromium not found at ${executablePath} (install Debian's chromium or set DIEMTIN_CHROMIUM)`,
    );
  }
  try {
    return await chromium.launch({ executablePath, args: [...CHROMIUM_ARGS], headless: true });
  } catch (cause) {
    throw new Error(`browser: cannot start Chromium at ${executablePath}`, { cause });
  }
}
