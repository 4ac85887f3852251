// Jest setup: jsdom lacks ResizeObserver (Fluent's TabList needs it) and TextEncoder in some environments.
if (typeof globalThis.ResizeObserver === "undefined") {
  globalThis.ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
}
if (typeof globalThis.TextEncoder === "undefined") {
  const util = require("node:util");
  globalThis.TextEncoder = util.TextEncoder;
  globalThis.TextDecoder = util.TextDecoder;
}
