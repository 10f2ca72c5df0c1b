/* daftar serve: keeps a preview page current and shows the problems of a failed rebuild.
   Served by the preview server only; never part of a built site. */
(function () {
  'use strict';
  var me = document.currentScript;
  var shown = me ? new URL(me.src, location.href).searchParams.get('g') : null;
  var box = null;

  function text(tag, content, style) {
    var el = document.createElement(tag);
    el.textContent = content;
    if (style) { el.setAttribute('style', style); }
    return el;
  }

  function show(problems) {
    if (box) { box.remove(); }
    box = document.createElement('section');
    box.id = 'daftar-masalah';
    box.setAttribute('role', 'alert');
    box.setAttribute('aria-label', 'Masalah pada catatan');
    box.setAttribute('style', 'position:fixed;left:0;right:0;bottom:0;max-height:60vh;overflow:auto;' +
      'background:#fff;color:#1b1f24;border-top:4px solid #b3261e;box-shadow:0 -4px 16px rgba(0,0,0,.25);' +
      'padding:1rem 1.25rem;font:15px/1.5 system-ui,sans-serif;z-index:2147483647');
    box.appendChild(text('h2', 'Situs tidak dapat dibangun ulang', 'margin:0 0 .25rem;font-size:1.1rem;color:#b3261e'));
    box.appendChild(text('p', 'Yang tampil adalah situs terakhir yang sah. Perbaiki lalu simpan; halaman ini diperbarui sendiri.', 'margin:0 0 .5rem'));
    var list = document.createElement('ul');
    list.setAttribute('style', 'margin:0;padding-left:1.2rem');
    problems.forEach(function (p) {
      var where = p.file ? p.file + (p.line ? ':' + p.line + ':' + p.column : '') : '';
      var item = document.createElement('li');
      item.appendChild(text('code', where, 'font-weight:600'));
      item.appendChild(document.createTextNode((where ? ' ' : '') + p.code + ': ' + p.message));
      if (p.hint) { item.appendChild(text('div', 'saran: ' + p.hint, 'color:#4a5461')); }
      list.appendChild(item);
    });
    box.appendChild(list);
    document.body.appendChild(box);
  }

  var events = new EventSource('/__daftar/events');
  function maybeReload(e) {
    if (e.data !== shown) { location.reload(); }
  }
  events.addEventListener('generasi', maybeReload);
  events.addEventListener('muat-ulang', maybeReload);
  events.addEventListener('masalah', function (e) { show(JSON.parse(e.data)); });
}());
