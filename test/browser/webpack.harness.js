// Builds the browser-test harness (test/browser/harness.tsx) into test-output/harness/. Not part of the
// production build: webpack.config.js knows nothing of it.
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');

module.exports = {
  mode: 'development',
  devtool: false,
  context: path.resolve(__dirname, '../..'),
  entry: { harness: './test/browser/harness.tsx' },
  output: { path: path.resolve(__dirname, '../../test-output/harness'), filename: '[name].js', clean: true },
  target: ['web', 'es2020'],
  // The fake's fingerprint() hashes with Node's crypto; the harness never calls it.
  resolve: { extensions: ['.ts', '.tsx', '.js'], fallback: { crypto: false } },
  module: {
    rules: [{ test: /\.tsx?$/, exclude: /node_modules/, use: { loader: 'ts-loader', options: { configFile: 'tsconfig.json', transpileOnly: true } } }],
  },
  plugins: [new HtmlWebpackPlugin({ filename: 'index.html', template: './test/browser/harness.html', inject: 'body' })],
  performance: { hints: false },
};
