// Builds the browser-test harness (test/browser/harness.tsx) into test-output/harness/. Not part of the
// production build: webpack.config.js knows nothing of it. Built as production is (mode production, ES
// modules for tree shaking), so only the Fluent components and icons the pane uses are bundled, and code
// loaded on demand becomes chunks as it does in the add-in.
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');

module.exports = {
  mode: 'production',
  devtool: false,
  context: path.resolve(__dirname, '../..'),
  entry: { harness: './test/browser/harness.tsx' },
  output: { path: path.resolve(__dirname, '../../test-output/harness'), filename: '[name].js', chunkFilename: 'chunk-[name].js', clean: true },
  target: ['web', 'es2020'],
  // The fake's fingerprint() hashes with Node's crypto; the harness never calls it.
  resolve: { extensions: ['.ts', '.tsx', '.js'], fallback: { crypto: false } },
  optimization: { minimize: false },
  module: {
    rules: [{
      test: /\.tsx?$/, exclude: /node_modules/,
      use: { loader: 'ts-loader', options: { configFile: 'tsconfig.json', transpileOnly: true, compilerOptions: { module: 'es2020' } } },
    }],
  },
  plugins: [new HtmlWebpackPlugin({ filename: 'index.html', template: './test/browser/harness.html', inject: 'body' })],
  performance: { hints: false },
};
