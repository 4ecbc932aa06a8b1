'use strict';
/**
 * Thay URL phát triển (https://localhost:3000/) trong manifest.xml bằng URL triển khai.
 * Dùng bởi webpack.config.js (chế độ production) và test/manifest.test.ts.
 */

const DEV_URL = 'https://localhost:3000/';
const DEFAULT_PROD_URL = 'https://chitieu.example.vn/';

/** URL triển khai: biến môi trường CHITIEU_PROD_URL hoặc mặc định; luôn https và kết thúc bằng "/". */
function prodUrl(env = process.env) {
  let url = (env.CHITIEU_PROD_URL || DEFAULT_PROD_URL).trim();
  if (!url.endsWith('/')) url += '/';
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`CHITIEU_PROD_URL không phải URL hợp lệ: "${url}"`);
  }
  if (parsed.protocol !== 'https:') {
    throw new Error(`CHITIEU_PROD_URL phải dùng https (Office chỉ nạp add-in qua https): "${url}"`);
  }
  if (/^(localhost|127\.|\[::1\])/i.test(parsed.host)) {
    throw new Error(`CHITIEU_PROD_URL không được trỏ tới máy cục bộ: "${url}"`);
  }
  return url;
}

/** Thay mọi https://localhost:3000/ trong nội dung manifest bằng `url`. */
function replaceDevUrl(content, url = prodUrl()) {
  const text = typeof content === 'string' ? content : content.toString('utf8');
  return text.split(DEV_URL).join(url);
}

module.exports = { DEV_URL, DEFAULT_PROD_URL, prodUrl, replaceDevUrl };
