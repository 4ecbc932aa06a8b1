'use strict';
/**
 * Webpack build of the Excel add-in (task pane + ribbon function file) into dist/addin/.
 *   npm run build       → production (scripts/build.js): office.js from Microsoft's CDN, no source maps,
 *                         manifest URLs → CHITIEU_PROD_URL (required), its own <Id> and version
 *   npm run dev-server  → development server on https://localhost:3000/ (http if no certificate)
 * dist/cli belongs to the CLI build (tsconfig.cli.json): this config only ever writes dist/addin.
 */
const path = require('path');

const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { productionManifest, prodUrl } = require('./scripts/manifest-url');

const OUT_DIR = path.resolve(__dirname, 'dist', 'addin');
const OFFICE_CDN_ORIGIN = 'https://appsforoffice.microsoft.com';
const OFFICE_JS_CDN = `${OFFICE_CDN_ORIGIN}/lib/1/hosted/office.js`;
const OFFICE_JS_DIST = path.dirname(require.resolve('@microsoft/office-js/dist/office.js'));
const OFFICE_JS_LOCAL_DIR = 'office-js'; // dist/addin/office-js/office.js in development
const DEV_PORT = Number(process.env.CHITIEU_DEV_PORT || 3000);

/** Content-Security-Policy of the add-in pages (meta tag: frame-ancestors cannot be set there). */
function contentSecurityPolicy(dev) {
  const ws = dev ? ` wss://localhost:${DEV_PORT} ws://localhost:${DEV_PORT}` : '';
  return [
    "default-src 'self'",
    `script-src 'self' ${OFFICE_CDN_ORIGIN}`,
    // Fluent UI (Griffel) inserts <style> elements at run time.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    `connect-src 'self' ${OFFICE_CDN_ORIGIN}${ws}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

/**
 * Puts the Content-Security-Policy <meta> and then the office.js <script> first in <head>, before the
 * (deferred) bundles: a CSP meta only governs what comes after it.
 */
class OfficeHeadTagsPlugin {
  constructor({ officeJsSrc, csp }) {
    this.officeJsSrc = officeJsSrc;
    this.csp = csp;
  }
  apply(compiler) {
    compiler.hooks.compilation.tap('OfficeHeadTagsPlugin', (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).alterAssetTagGroups.tap('OfficeHeadTagsPlugin', (data) => {
        data.headTags.unshift(
          HtmlWebpackPlugin.createHtmlTagObject('meta', {
            'http-equiv': 'Content-Security-Policy',
            content: this.csp,
          }),
          HtmlWebpackPlugin.createHtmlTagObject('script', { src: this.officeJsSrc, type: 'text/javascript' }),
        );
        return data;
      });
    });
  }
}

/**
 * HTTPS options for the dev server, or undefined for plain http (CHITIEU_DEV_HTTP=1 forces http). The
 * certificate in ~/.office-addin-dev-certs is reused while valid (scripts/dev-certs.js); `npm start` has
 * already made it and printed how to trust it, this only reads it (or makes it for `npm run dev-server`).
 */
async function httpsOptions() {
  if (process.env.CHITIEU_DEV_HTTP === '1') return undefined;
  try {
    const { ca, cert, key } = await require('./scripts/dev-certs').ensureDevCertificates({ trust: false });
    return { ca, cert, key };
  } catch (err) {
    console.warn(
      `\n⚠ Không tạo được chứng chỉ HTTPS cho localhost: ${String((err && err.message) || err).split('\n')[0]}\n` +
        '  Máy chủ phát triển chạy bằng http:// — Excel không nạp add-in qua http.\n',
    );
    return undefined;
  }
}

module.exports = async (env = {}, argv = {}) => {
  const mode = argv.mode === 'development' ? 'development' : 'production';
  const dev = mode === 'development';
  const serving = Boolean(env.WEBPACK_SERVE);
  const officeJsSrc = dev ? `/${OFFICE_JS_LOCAL_DIR}/office.js` : OFFICE_JS_CDN;
  const productionUrl = dev ? undefined : prodUrl();

  const page = (name) =>
    new HtmlWebpackPlugin({
      filename: `${name}.html`,
      template: `./src/${name === 'taskpane' ? 'taskpane' : 'commands'}/${name}.html`,
      chunks: [name],
      inject: 'head',
      scriptLoading: 'defer',
    });

  const copyPatterns = [
    { from: 'assets', to: 'assets', globOptions: { ignore: ['**/*.md'] } },
    // Not bundled: plain ES5 that old webviews can run (src/taskpane/fallback.es5.js says why).
    { from: 'src/taskpane/fallback.es5.js', to: 'fallback.js' },
    // The manifest's SupportUrl: a help page served with the add-in.
    { from: 'src/help/help.html', to: 'help.html' },
    {
      from: 'manifest.xml',
      to: 'manifest.xml',
      transform: dev ? undefined : (content) => productionManifest(content, productionUrl),
    },
  ];
  if (dev) {
    // Office.onReady never resolves without o15apptofilemappingtable.js beside office.js.
    for (const f of ['office.js', 'office.debug.js', 'o15apptofilemappingtable.js']) {
      copyPatterns.push({ from: path.join(OFFICE_JS_DIST, f), to: `${OFFICE_JS_LOCAL_DIR}/${f}` });
    }
  }

  /** @type {import('webpack').Configuration & {devServer?: import('webpack-dev-server').Configuration}} */
  const config = {
    mode,
    context: __dirname,
    entry: {
      taskpane: './src/taskpane/index.tsx',
      commands: './src/commands/commands.ts',
      dialog: './src/commands/dialog.ts',
    },
    output: {
      path: OUT_DIR,
      filename: dev ? '[name].js' : '[name].[contenthash:8].js',
      // Code loaded on demand (insert, consolidate, the Tóm tắt sheet): same origin as the pages, so the
      // CSP's script-src 'self' allows it; publicPath 'auto' finds it beside the page's own script.
      chunkFilename: dev ? 'chunk-[name].js' : 'chunk-[name].[contenthash:8].js',
      clean: true,
    },
    // Never an eval-based devtool: the pages' CSP has no 'unsafe-eval'. No maps in the folder to publish.
    devtool: dev ? 'source-map' : false,
    target: ['web', 'es2020'],
    resolve: { extensions: ['.ts', '.tsx', '.js', '.json'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              configFile: 'tsconfig.build.json',
              // Type-check only what the pages bundle, not every file under src/ (src/cli is Node code).
              onlyCompileBundledFiles: true,
            },
          },
        },
      ],
    },
    plugins: [
      page('taskpane'),
      page('commands'),
      page('dialog'),
      new OfficeHeadTagsPlugin({ officeJsSrc, csp: contentSecurityPolicy(dev) }),
      new CopyWebpackPlugin({ patterns: copyPatterns }),
    ],
    performance: { hints: dev ? false : 'warning', maxAssetSize: 1_000_000, maxEntrypointSize: 1_000_000 },
  };

  if (serving) {
    const https = await httpsOptions();
    config.devServer = {
      port: DEV_PORT,
      host: 'localhost',
      hot: false,
      liveReload: true,
      headers: { 'Access-Control-Allow-Origin': '*' },
      server: https ? { type: 'https', options: https } : { type: 'http' },
      // The host-specific scripts office.js loads next to itself (excel-web-16.00.js, locales...).
      static: [{ directory: OFFICE_JS_DIST, publicPath: `/${OFFICE_JS_LOCAL_DIR}`, watch: false }],
      client: { overlay: { warnings: false, errors: true } },
      devMiddleware: { writeToDisk: false },
    };
  }
  return config;
};
