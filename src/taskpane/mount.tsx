// Renders the task pane (or the "open me in Excel" page) under one FluentProvider.
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { FluentProvider, MessageBar, MessageBarBody, MessageBarTitle, webLightTheme } from '@fluentui/react-components';
import { App, type AppProps } from './App';
import { EN, VI } from './i18n';

export function mountApp(container: HTMLElement, props: AppProps): void {
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <App {...props} />
    </FluentProvider>,
  );
}

/** Outside Office the display language is unknown: say it in Vietnamese, and in English below. */
export function mountOutsideExcel(container: HTMLElement): void {
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <main style={{ padding: 16 }}>
        <h1 style={{ fontSize: 20 }}>{VI.title}</h1>
        <MessageBar intent="warning" layout="multiline"><MessageBarBody><MessageBarTitle>{VI.noticeTitle.warning}</MessageBarTitle>{VI.outsideExcel}</MessageBarBody></MessageBar>
        <p lang="en">{EN.outsideExcel}</p>
      </main>
    </FluentProvider>,
  );
}
