import { execFileSync, spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';

/** Debian's Chromium, which the dashboard's browser tests drive through playwright-core. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** What to tell a person whose machine lacks Chromium and who cannot install it from here. */
export const CHROMIUM_MISSING =
  `The dashboard's browser tests need Chromium at ${CHROMIUM}: run ` +
  '`sudo apt-get install -y chromium` (Debian/Ubuntu) or set CHROMIUM_PATH to a Chromium, then `npm test` again.';

/**
 * Makes sure Chromium is there before the tests start, as `.ci/run` used to do: `npm test` on a
 * bare machine with Node and npm (and root, or sudo without a password, for apt-get) installs
 * Debian's package itself. Playwright's own browser download is not used: it needs a host this
 * project's machines cannot reach. Where nothing can be installed, the run stops at once with
 * one line saying what to run, instead of thirty failing browser tests.
 */
export function ensureChromium(log: (line: string) => void = console.log): void {
  if (executable(CHROMIUM)) return;
  if (process.env.CHROMIUM_PATH) throw new Error(CHROMIUM_MISSING);
  const asRoot = process.getuid?.() === 0;
  const sudo = !asRoot && spawnSync('sudo', ['-n', 'true']).status === 0;
  if (!asRoot && !sudo) throw new Error(CHROMIUM_MISSING);
  log(
    `Chromium is missing at ${CHROMIUM}; installing Debian's package (apt-get install chromium) ...`,
  );
  const run = (args: string[]) =>
    execFileSync(sudo ? 'sudo' : args[0], sudo ? ['-n', ...args] : args.slice(1), {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  try {
    run(['apt-get', 'update', '-qq']);
    run(['apt-get', 'install', '-y', '-qq', '--no-install-recommends', 'chromium']);
  } catch (error) {
    throw new Error(`${CHROMIUM_MISSING} (apt-get failed: ${(error as Error).message})`);
  }
  if (!executable(CHROMIUM)) throw new Error(CHROMIUM_MISSING);
}

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
