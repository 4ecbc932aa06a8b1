// Renders the task pane (or the "open me in Excel" page) under one FluentProvider.
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { FluentProvider, MessageBar, MessageBarBody, webLightTheme } from '@fluentui/react-components';
import { App, type AppProps } from './App';
import type { Strings } from './i18n';

export function mountApp(container: HTMLElement, props: AppProps): void {
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <App {...props} />
    </FluentProvider>,
  );
}

export function mountOutsideExcel(container: HTMLElement, t: Strings): void {
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <main style={{ padding: 16 }}>
        <h1 style={{ fontSize: 20 }}>{t.title}</h1>
        <MessageBar intent="warning"><MessageBarBody>{t.outsideExcel}</MessageBarBody></MessageBar>
      </main>
    </FluentProvider>,
  );
}
