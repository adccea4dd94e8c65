import { defineConfig } from 'vitest/config'

// Unit and integration tests; the browser e2e suite runs under Playwright (e2e/).
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.tsx'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // CI also writes a machine-readable report that .ci/run sums up in one closing line.
    reporters: process.env.CI ? ['default', 'json'] : ['default'],
    outputFile: { json: '.test-reports/vitest.json' },
  },
})
