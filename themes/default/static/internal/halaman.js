/* daftar: indeks arsip internal yang dibagi atas beberapa halaman. Dimuat hanya pada
   halaman-halaman indeks itu, sesudah internal.js: internal.js menyaring dan mengurutkan
   baris halaman ini dan menyimpan saringan di alamat halaman; skrip ini membuat saringan,
   pencarian, dan urutan yang sama mencakup seluruh catatan. Indeks ringkas seluruh
   catatan (cari.js) dimuat sekali, pada saat saringan atau urutan pertama kali dipilih,
   sebagai skrip, bukan dengan fetch(): skrip juga dapat dimuat bila indeks dibuka
   langsung dari disk (file://). Tanpa saringan, setiap halaman menampilkan barisnya
   sendiri dengan navigasi halamannya. */
(function () {
  'use strict';

  var form = document.getElementById('saring');
  var found = document.getElementById('hasil');
  // internal.js shows the form once the filters work; without it the pages stay as they are.
  if (!form || form.hidden || !found || !window.URLSearchParams) {
    return;
  }
  var result = document.getElementById('saring-hasil');
  var indexUrl = found.getAttribute('data-indeks');
  var table = found.querySelector('table');
  var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
  var own = document.querySelector('table.daftar:not(.daftar-hasil)');
  var ownRegion = own ? own.closest('.gulir') : null;

  var STEP = 200;
  var index = null;
  var loading = false;
  var limit = STEP;
  var lastQuery = '';

  function plain(text) {
    var lower = String(text || '').toLowerCase();
    return lower.normalize ? lower.normalize('NFD').replace(/[\u0300-\u036f]/g, '') : lower;
  }

  function count(n) {
    return n.toLocaleString ? n.toLocaleString('id-ID') : String(n);
  }

  function value(name) {
    var f = form.elements[name];
    return f ? f.value : '';
  }

  function wanted() {
    return {
      words: plain(value('cari')).split(/\s+/).filter(Boolean),
      unit: value('unit'),
      status: value('status'),
      huruf: value('huruf'),
      temuan: value('temuan'),
      urut: value('urut')
    };
  }

  /* Setiap catatan: teks sel-selnya seperti baris indeks menampilkannya, dan yang
     disaring. */
  function prepare(data) {
    var col = {};
    data.kolom.forEach(function (name, i) { col[name] = i; });
    var texts = data.teks || [];
    return data.baris.map(function (e) {
      var unit = texts[e[col.unit]] || '';
      var cells = [String(e[col.no]), e[col.nomor], e[col.judul], unit, e[col.status],
        e[col.akhir] || '–', e[col.ditetapkan]]
        .concat(e[col.pengesahan] || [])
        .concat([e[col.menit] + '/' + e[col.mutu_baku_menit], String(e[col.temuan])]);
      return {
        cells: cells,
        slug: e[col.slug],
        huruf: e[col.huruf],
        lebih: e[col.langkah_melebihi] > 0,
        no: e[col.no],
        unit: unit,
        status: e[col.status],
        temuan: e[col.temuan] > 0 ? 'ya' : 'tidak',
        cari: plain(cells.join(' '))
      };
    });
  }

  function matches(e, w) {
    return (!w.unit || e.unit === w.unit)
      && (!w.status || e.status === w.status)
      && (!w.huruf || (' ' + e.huruf + ' ').indexOf(' ' + w.huruf + ' ') >= 0)
      && (!w.temuan || e.temuan === w.temuan)
      && w.words.every(function (word) { return e.cari.indexOf(word) >= 0; });
  }

  /* Halaman ini (barisnya, navigasinya) atau hasil dari seluruh catatan. */
  function showPage(show) {
    found.hidden = show;
    Array.prototype.forEach.call(document.querySelectorAll('.halaman-nav, #rentang'), function (el) {
      el.hidden = !show;
    });
    if (ownRegion) {
      ownRegion.hidden = !show;
    }
  }

  function load() {
    if (loading) {
      return;
    }
    loading = true;
    result.textContent = 'Memuat indeks seluruh catatan…';
    var script = document.createElement('script');
    script.src = indexUrl;
    script.onload = function () {
      var data = window.daftarInternal;
      if (data && data.baris) {
        index = prepare(data);
        apply();
      } else {
        failed();
      }
    };
    script.onerror = failed;
    document.body.appendChild(script);
  }

  /* Tanpa indeks (berkas yang hilang), saringan internal.js tetap berlaku bagi baris
     halaman ini. */
  function failed() {
    indexUrl = null;
    showPage(true);
    result.textContent = 'Indeks seluruh catatan tidak dapat dimuat: saringan hanya mencakup catatan di halaman ini.';
  }

  function cell(tag, text) {
    var c = document.createElement(tag);
    c.textContent = text;
    return c;
  }

  /* Baris hasil seperti baris indeks: judulnya menuju halaman catatan itu. */
  function resultRow(e) {
    var tr = document.createElement('tr');
    tr.setAttribute('data-huruf', e.huruf);
    e.cells.forEach(function (text, i) {
      if (i === 2) {
        var th = document.createElement('th');
        th.scope = 'row';
        var a = cell('a', text);
        a.href = e.slug + '/index.html';
        th.appendChild(a);
        tr.appendChild(th);
        return;
      }
      var td = cell('td', text);
      if (i === 10 && e.lebih) {
        td.className = 'lebih';
      }
      tr.appendChild(td);
    });
    return tr;
  }

  /* Urutan "kunci" atau "kunci-turun", seperti pilihan "Urutkan": kolomnya, jenisnya
     (angka atau teks), dan arahnya, ditandai di kepala kolom tabel hasil. */
  function orderOf(order) {
    var parts = order.split('-');
    var key = parts[0] || 'no';
    var o = { ascending: parts[1] !== 'turun', index: -1, kind: null };
    headers.forEach(function (th, i) {
      th.removeAttribute('aria-sort');
      if (th.getAttribute('data-kunci') === key) {
        o.index = i;
        o.kind = th.getAttribute('data-urut');
        if (order) {
          th.setAttribute('aria-sort', o.ascending ? 'ascending' : 'descending');
        }
      }
    });
    return o;
  }

  function show(w) {
    var query = JSON.stringify(w);
    if (query !== lastQuery) {
      limit = STEP;
      lastQuery = query;
    }
    var o = orderOf(w.urut);
    var hits = index.filter(function (e) { return matches(e, w); }).map(function (e) {
      var text = o.kind ? e.cells[o.index] : '';
      return { e: e, key: o.kind === 'angka' ? parseFloat(text) : plain(text) };
    });
    hits.sort(function (a, b) {
      var c = a.key < b.key ? -1 : (a.key > b.key ? 1 : 0);
      return (o.ascending ? c : -c) || a.e.no - b.e.no;
    });
    showPage(false);
    var body = table.tBodies[0];
    var rows = document.createDocumentFragment();
    hits.slice(0, limit).forEach(function (h) { rows.appendChild(resultRow(h.e)); });
    body.textContent = '';
    body.appendChild(rows);
    var shown = Math.min(limit, hits.length);
    var more = document.getElementById('hasil-lagi');
    more.hidden = shown >= hits.length;
    more.textContent = 'Tampilkan ' + count(Math.min(STEP, hits.length - shown)) + ' hasil berikutnya';
    found.hidden = hits.length === 0;
    var all = ' dari seluruh ' + count(index.length) + ' catatan';
    result.textContent = hits.length === 0
      ? 'Tidak ada catatan yang cocok dengan saringan ini.'
      : (shown < hits.length
        ? 'Menampilkan ' + count(shown) + ' pertama dari ' + count(hits.length) + ' hasil' + all + '.'
        : 'Menampilkan ' + count(hits.length) + ' hasil' + all + '.');
  }

  /* Sesudah internal.js menanggapi isian yang sama: dengan saringan atau urutan, hasil
     dari seluruh catatan; tanpa keduanya, halaman ini. */
  function apply() {
    var w = wanted();
    if (!indexUrl || !(w.words.length || w.unit || w.status || w.huruf || w.temuan || w.urut)) {
      if (indexUrl) {
        showPage(true);
      }
      return;
    }
    if (!index) {
      load();
      return;
    }
    show(w);
  }

  document.getElementById('hasil-lagi').addEventListener('click', function () {
    limit += STEP;
    apply();
  });
  // Registered after internal.js's own handlers, so these run after them.
  form.addEventListener('input', function (e) {
    if (e.target === form.elements.cari) {
      apply();
    }
  });
  form.addEventListener('change', function (e) {
    if (e.target !== form.elements.cari) {
      apply();
    }
  });
  form.addEventListener('submit', apply);
  form.addEventListener('reset', function () {
    window.setTimeout(apply, 0);
  });
  window.addEventListener('popstate', apply);
  // A header of this page's table sorts (internal.js) and then orders every record.
  if (own) {
    own.tHead.addEventListener('click', function (e) {
      if (e.target.closest && e.target.closest('button.urut')) {
        apply();
      }
    });
  }

  /* Kepala kolom tabel hasil menjadi tombol: memilih urutan itu di "Urutkan", seperti
     kepala kolom halaman ini, sehingga internal.js mencatatnya di alamat halaman. */
  headers.forEach(function (th) {
    var key = th.getAttribute('data-kunci');
    if (!key || !th.getAttribute('data-urut')) {
      return;
    }
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'urut';
    button.textContent = th.textContent;
    th.textContent = '';
    th.appendChild(button);
    button.addEventListener('click', function () {
      var order = th.getAttribute('aria-sort') === 'ascending' ? key + '-turun' : key;
      if (order === 'no') {
        order = '';
      }
      var select = form.elements.urut;
      var known = Array.prototype.some.call(select.options, function (o) { return o.value === order; });
      if (!known) {
        var option = document.createElement('option');
        option.value = order;
        option.textContent = th.textContent + (order.indexOf('-turun') > 0 ? ' (terbalik)' : '');
        select.appendChild(option);
      }
      select.value = order;
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
  });

  apply();
}());
