import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Debian's Chromium, as the browser test drives it. */
const CHROMIUM_PATH = '/usr/bin/chromium';

/** Flags for a headless Chromium in a container: no sandbox (root), no GPU, no calls home. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Makes sure Debian's Chromium is installed for the browser test: when `/usr/bin/chromium` is
 * missing and this process runs as root, installs it with apt-get (`apt-get update`, then
 * `apt-get install -y chromium`, waiting for another apt run's lock); otherwise fails with what to
 * do. Never skips: a test that cannot see the page must not pass.
 * @returns the path of the browser.
 */
export function ensureChromium(log: (message: string) => void = () => {}): string {
  if (existsSync(CHROMIUM_PATH)) return CHROMIUM_PATH;
  const root = process.getuid?.() === 0;
  if (!root) {
    throw new Error(
      `${CHROMIUM_PATH} is missing and this test is not running as root: install Debian's Chromium first (sudo apt-get install -y chromium)`,
    );
  }
  log(`${CHROMIUM_PATH} is missing: installing Debian's chromium with apt-get (a few minutes)`);
  const apt = (args: string[]) =>
    execFileSync('apt-get', ['-o', 'DPkg::Lock::Timeout=600', ...args], {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      timeout: 15 * 60_000,
    });
  try {
    apt(['update']);
    apt(['install', '-y', 'chromium']);
  } catch (e) {
    const stderr = String((e as { stderr?: unknown }).stderr ?? '')
      .trim()
      .split('\n')
      .slice(-5)
      .join('\n');
    throw new Error(`apt-get could not install chromium:\n${stderr || (e as Error).message}`);
  }
  if (!existsSync(CHROMIUM_PATH))
    throw new Error(`apt-get installed chromium but ${CHROMIUM_PATH} is still missing`);
  return CHROMIUM_PATH;
}
