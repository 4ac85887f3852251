// Jest: swc transpiles TypeScript/TSX (type checking is `tsc --noEmit`); jsdom for components, node for the rest.
/** @type {import('jest').Config} */
const swc = ["@swc/jest", { jsc: { parser: { syntax: "typescript", tsx: true }, transform: { react: { runtime: "automatic" } }, target: "es2022" } }];
module.exports = {
  testMatch: ["<rootDir>/test/**/*.test.ts", "<rootDir>/test/**/*.test.tsx"],
  testPathIgnorePatterns: ["/node_modules/", "/test/e2e/"],
  transform: { "^.+\\.(t|j)sx?$": swc },
  moduleNameMapper: {
    "^office-addin-manifest$": "<rootDir>/node_modules/office-addin-manifest/lib/officeApp.js",
    "\\.(css|png|svg)$": "<rootDir>/test/support/fileStub.js",
  },
  setupFiles: ["<rootDir>/test/support/setup.js"],
  testEnvironment: "node",
  // Several suites spawn the CLI or load the typo lexicon (about a second on a loaded 2-core machine): the default
  // 5 s fails there. A hang still fails, after 20 s.
  testTimeout: 20000,
};
