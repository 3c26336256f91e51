/**
 * Launches the system Chromium (Debian's /usr/bin/chromium, or CHROME_PATH) through
 * playwright-core; a browser is never downloaded. Returns undefined when none is installed.
 */
import { existsSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/** The Chromium binary to use, if one exists. */
export function chromiumPath(env: Record<string, string | undefined> = process.env): string | undefined {
  const candidates = [env['CHROME_PATH'], '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  return candidates.find((path): path is string => !!path && existsSync(path));
}

/** Flags that keep headless Chromium off the network and quiet on a closed machine. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A persistent context in a fresh profile directory; close it when done. */
export async function launchChromium(): Promise<BrowserContext | undefined> {
  const executablePath = chromiumPath();
  if (!executablePath) return undefined;
  const profile = mkdtempSync(join(tmpdir(), 'chromium-profile-'));
  return chromium.launchPersistentContext(profile, { executablePath, headless: true, args: chromiumArgs });
}
