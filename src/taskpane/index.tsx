// Entry of the task pane page: inside Word it talks to Word; opened anywhere else it runs on an in-memory document.
import { createRoot } from "react-dom/client";
import { FluentProvider, MessageBar, MessageBarBody } from "@fluentui/react-components";
import { paneTheme } from "./theme";
import { App } from "./App";
import { createMemoryHost, detectWordHost } from "../host";

async function start() {
  const container = document.getElementById("root");
  if (!container) return;
  const root = createRoot(container);
  const choice = await detectWordHost();
  if (choice.kind === "unsupported") {
    root.render(
      <FluentProvider theme={paneTheme} style={{ padding: 12 }}>
        <MessageBar intent="error">
          <MessageBarBody>{choice.message}</MessageBarBody>
        </MessageBar>
      </FluentProvider>,
    );
    return;
  }
  root.render(<App host={choice.kind === "word" ? choice.host : createMemoryHost()} />);
}

void start();
