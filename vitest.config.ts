import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    // The content walks (every card measured, every level checked against the deck's graph) take
    // a second alone and several on a loaded 2-core CI machine: a timeout is no performance test.
    testTimeout: 30_000,
  },
});
