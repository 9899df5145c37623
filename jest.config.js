/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  // test/build checks dist/ and runs with the e2e suite, after the production build.
  testPathIgnorePatterns: ["/node_modules/", "/test/e2e/", "/test/build/"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json" }],
  },
  moduleNameMapper: {
    "^office-addin-manifest$": "<rootDir>/node_modules/office-addin-manifest/lib/officeApp.js",
  },
  maxWorkers: 2,
  // A hang guard, not a speed check: some tests write and read whole workbooks on a loaded 2-core machine.
  testTimeout: 60000,
};
