// The ES5 fallback of the task pane (src/taskpane/fallback.es5.js) must parse in the oldest webview Office
// uses (Internet Explorer 11: ES5 only), be on the page after the pane's container, and be shipped.
import { spawnSync } from 'child_process';
import fs from 'fs';
import path from 'path';
import { parse } from 'acorn';

const REPO = path.resolve(__dirname, '../..');
const source = fs.readFileSync(path.join(REPO, 'src/taskpane/fallback.es5.js'), 'utf8');

describe('the ES5 fallback script', () => {
  test('parses as ES5 (what Internet Explorer 11 runs)', () => {
    expect(() => parse(source, { ecmaVersion: 5 })).not.toThrow();
  });

  test('an ES2015+ construct would not pass this check (the check can fail)', () => {
    expect(() => parse(`${source}\nvar f = () => 1;`, { ecmaVersion: 5 })).toThrow();
    expect(() => parse('var a = b?.c;', { ecmaVersion: 5 })).toThrow();
  });

  test('taskpane.html loads it as a separate file after the container (the CSP allows no inline script)', () => {
    const html = fs.readFileSync(path.join(REPO, 'src/taskpane/taskpane.html'), 'utf8');
    expect(html).toMatch(/<script id="chitieu-fallback" src="fallback\.js"><\/script>/);
    expect(html.indexOf('id="container"')).toBeLessThan(html.indexOf('fallback.js'));
    expect(html.replace(/<!--[\s\S]*?-->/g, '')).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
  });

  test('the build copies it as fallback.js, and the help page as help.html', () => {
    const script = `
      require('./webpack.config.js')({}, { mode: 'production' }).then((c) => {
        const copy = c.plugins.find((p) => p.constructor.name === 'CopyPlugin');
        process.stdout.write(JSON.stringify(copy.patterns.map((p) => [p.from, p.to])));
      }).catch((e) => { console.error(e); process.exit(1); });`;
    const r = spawnSync(process.execPath, ['-e', script], { cwd: REPO, encoding: 'utf8', env: { ...process.env, CHITIEU_PROD_URL: 'https://chitieu.kiem-thu.test/' } });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual(expect.arrayContaining([['src/taskpane/fallback.es5.js', 'fallback.js'], ['src/help/help.html', 'help.html']]));
  });
});
