/**
 * The end-to-end tests drive Debian's Chromium (Playwright cannot download its own browser on
 * the course's build machines). Installs it with apt when missing and we are root; otherwise
 * says what to do.
 */
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const CHROMIUM = '/usr/bin/chromium';

if (!existsSync(CHROMIUM)) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    console.log('Chromium is missing: installing Debian\'s chromium package with apt-get…');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
  } else if (!process.env['PLAYWRIGHT_BROWSERS_PATH']) {
    console.warn(
      `No browser at ${CHROMIUM}. Install Chromium (Debian: sudo apt-get install chromium) ` +
        'or run `npx playwright install chromium` where downloads are allowed.',
    );
  }
}
