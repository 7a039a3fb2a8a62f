import { execFileSync } from 'node:child_process';
import { defineConfig, devices } from '@playwright/test';

/**
 * The preview server's port: E2E_PORT when given; otherwise one the system says is
 * free, chosen once here and handed to the test workers through the environment, so
 * `npm test` runs beside `npm start` (port 4173) or another test run.
 */
function previewPort(): number {
  if (!process.env.E2E_PORT) {
    const script = "const s=require('node:net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})";
    process.env.E2E_PORT = execFileSync(process.execPath, ['-e', script]).toString().trim();
  }
  return Number(process.env.E2E_PORT);
}
const port = previewPort();

/**
 * Browser tests run the built app (`vite build` first, see `npm run test:e2e`)
 * under `vite preview`, in Debian's Chromium: no browser download is needed.
 * Specs take `test` and `expect` from ./tests/e2e/fixtures, whose pages wait for the
 * app's ready signal rather than a timer; the test timeout only stops a test that
 * hangs, so it allows for a machine shared with other work.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  timeout: 180_000,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'off',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: false,
    timeout: 120_000,
  },
});
