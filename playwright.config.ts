// Playwright: e2e/web against serve mode in Chromium (always), e2e/electron where the binary exists.
import { defineConfig } from '@playwright/test'
import { existsSync } from 'node:fs'
import { E2E_TOKEN } from './e2e/web/e2e-constants'

const port = Number(process.env.MINDX_E2E_PORT ?? 5797)
// Playwright cannot download its own browser here; the system Chromium is used when present.
const chromium = process.env.MINDX_CHROMIUM ?? '/usr/bin/chromium'

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  // CI also writes a json report that .ci/run sums up in one closing line.
  reporter: process.env.CI
    ? [['list'], ['json', { outputFile: '.test-reports/playwright.json' }]]
    : [['list']],
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'web',
      testDir: 'e2e/web',
      use: {
        browserName: 'chromium',
        viewport: { width: 1280, height: 800 },
        launchOptions: {
          ...(existsSync(chromium) ? { executablePath: chromium } : {}),
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        },
      },
    },
    { name: 'electron', testDir: 'e2e/electron' },
  ],
  webServer: {
    command: `npx tsx e2e/web/serve-with-fakes.ts --port ${port} --token ${E2E_TOKEN}`,
    url: `http://127.0.0.1:${port}/`,
    // Never talk to someone else's server: its workspace and token are not ours.
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'ignore',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
  },
})
