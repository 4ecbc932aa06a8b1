/*
 * Chỉ tiêu KT-XH — the task pane's fallback for old webviews. Plain ES5, no build step: it must run in every
 * webview Office uses, Internet Explorer 11 included. The task pane's bundle is ES2020: Internet Explorer
 * 11 (Trident) and Edge Legacy (EdgeHTML), which Office 2016/2019 use without WebView2 and every
 * volume-licensed Office 2019 uses, cannot run it, and the pane would stay on "Đang tải…" for ever. When the
 * bundle has not started — the engine lacks what it needs, a script fails to parse, or nothing has started
 * after a while — this says, in Vietnamese, what to do instead. The bundle sets window.chitieuStarted first.
 */
(function () {
  'use strict';
  var self = document.getElementById('chitieu-fallback');
  var wait = Number(self && self.getAttribute('data-wait')) || 20000;
  var shown = false;

  function started() {
    return window.chitieuStarted === true;
  }

  function element(tag, text) {
    var el = document.createElement(tag);
    if (text) el.appendChild(document.createTextNode(text));
    return el;
  }

  function show(reason) {
    if (shown || started()) return;
    shown = true;
    var box = document.getElementById('container') || document.body;
    while (box.firstChild) box.removeChild(box.firstChild);
    var main = element('main');
    main.setAttribute('data-fallback', reason);
    main.appendChild(element('h1', 'Excel này chưa chạy được ngăn Chỉ tiêu KT-XH'));
    main.appendChild(element('p', 'Excel đang mở ngăn tác vụ bằng trình duyệt cũ có sẵn trong Windows (Internet Explorer 11 hoặc Edge cũ), '
      + 'không chạy được add-in này. Điều đó xảy ra với Office 2016 và 2019 bản mua theo số lượng (volume), và với Office 2016, 2019 '
      + 'bản lẻ hoặc Microsoft 365 bản cũ khi máy chưa có Microsoft Edge WebView2.'));
    main.appendChild(element('h2', 'Cách khắc phục'));
    var list = element('ul');
    list.appendChild(element('li', 'Cài Microsoft Edge WebView2 Runtime (miễn phí, của Microsoft) rồi mở lại Excel: đủ cho Office 2016, 2019 bản lẻ và Microsoft 365.'));
    list.appendChild(element('li', 'Hoặc dùng Office 2021, Office 2024, Microsoft 365 bản mới, hoặc Excel trên web (mở tệp từ OneDrive hay SharePoint).'));
    list.appendChild(element('li', 'Trong lúc chờ: biểu mẫu vẫn tự tính bằng công thức của chính nó (các cột Chỉ số, % kế hoạch, Đánh giá), '
      + 'và có thể kiểm tra tệp bằng lệnh "chitieu check tên-tệp.xlsx" trên máy có Node.js.'));
    main.appendChild(list);
    var more = element('p');
    var link = element('a', 'Hướng dẫn chi tiết: Excel nào dùng được add-in');
    link.setAttribute('href', 'help.html');
    more.appendChild(link);
    main.appendChild(more);
    box.appendChild(main);
  }

  // Internet Explorer 11 has no Promise: nothing of the bundle can run.
  if (typeof window.Promise === 'undefined' || typeof window.Symbol === 'undefined') {
    show('old-engine');
    return;
  }
  // Edge Legacy cannot parse ES2020 (?., ??): the bundle's syntax error lands here before it starts.
  var previous = window.onerror;
  window.onerror = function () {
    if (!started()) show('script-error');
    return typeof previous === 'function' ? previous.apply(this, arguments) : false;
  };
  window.setTimeout(function () { show('timeout'); }, wait);
})();
