/** End-to-end tests: the production build served on 127.0.0.1, driven by playwright-core in Debian's Chromium. */
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test/e2e", "<rootDir>/test/build"],
  testMatch: ["**/*.e2e.ts", "**/test/build/*.test.ts"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json" }],
  },
  maxWorkers: 1,
  testTimeout: 120000,
};
