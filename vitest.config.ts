import { defineConfig } from 'vitest/config';

// Reporters are set explicitly so CI output is stable; .ci/run reads reports/vitest.json.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    reporters: process.env.CI
      ? [
          'default',
          ['json', { outputFile: 'reports/vitest.json' }],
          ['junit', { outputFile: 'reports/vitest-junit.xml' }],
        ]
      : ['default', ['json', { outputFile: 'reports/vitest.json' }]],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
