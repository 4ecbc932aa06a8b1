// Placeholder entry of the task pane: the lead replaces the body of <App/> with the real UI.
import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, Text, webLightTheme } from "@fluentui/react-components";

export interface AppProps {
  /** Office host name, or null when the page is opened outside Office. */
  host: string | null;
}

export function App({ host }: AppProps): React.JSX.Element {
  return (
    <Text as="p">
      {host === null
        ? "Trang này cần được mở trong Excel (ngăn tác vụ Chỉ tiêu KT-XH)."
        : "Chỉ tiêu KT-XH đã sẵn sàng."}
    </Text>
  );
}

function render(host: string | null): void {
  const container = document.getElementById("container");
  if (!container) {
    throw new Error("Không tìm thấy phần tử #container trong taskpane.html");
  }
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} />
    </FluentProvider>,
  );
}

void Office.onReady((info) => {
  render(info.host === null || info.host === undefined ? null : String(info.host));
});
