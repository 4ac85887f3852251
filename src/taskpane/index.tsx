// Entry of the task pane page: inside Word it talks to Word; when Word cannot be reached it says so and blocks; opened
// in a plain browser it says it is not connected. It never runs on an in-memory document (only harness.html does).
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { Notice } from "./Notice";
import { detectWordHost, openedByOffice } from "../host";

/** Where the page's office.js script tag points (the CDN, or the intranet build's own copy). */
function officeJsUrl(): string | undefined {
  const el = document.querySelector<HTMLScriptElement>("script[src*='office.js']");
  return el?.src;
}

async function start() {
  const container = document.getElementById("root");
  if (!container) return;
  const root = createRoot(container);
  const insideOffice = openedByOffice(location.search);
  const mark = (state: string) => (document.documentElement.dataset.tigangHost = state);
  mark("connecting");
  root.render(<Notice kind="connecting" />);
  const choice = await detectWordHost({ insideOffice, officeJsUrl: officeJsUrl(), onSlow: () => root.render(<Notice kind="slow" />) });
  mark(choice.kind);
  if (choice.kind === "blocked") root.render(<Notice kind="blocked" message={choice.message} />);
  else if (choice.kind === "standalone") root.render(<Notice kind="standalone" />);
  else if (new URLSearchParams(location.search).has("selftest")) {
    // The 自检 page (taskpane.html?in=office&selftest): loaded only when asked for.
    const [{ SelfTestPage }, { wordSelfTestEnv }] = await Promise.all([import("./SelfTestPage"), import("../host/word/selfTest")]);
    root.render(<SelfTestPage env={wordSelfTestEnv(choice.host)} backHref="taskpane.html?in=office" />);
  } else root.render(<App host={choice.host} />);
}

void start();
