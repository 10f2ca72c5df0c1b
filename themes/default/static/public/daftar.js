/* daftar: saringan, pencarian, dan pengurutan daftar (peningkatan progresif).
   Tanpa JavaScript, tabel tetap tampil lengkap dan setiap tautan tetap berfungsi.
   Saringan dan urutan disimpan di alamat halaman (?cari=…&huruf=…&urut=…): alamat itu
   dapat dibagikan, tombol kembali memulihkannya, dan halaman yang dibuka dengan alamat
   itu menampilkan saringan yang sama. Daftar yang dibagi atas beberapa halaman menyaring
   dan mengurutkan seluruh daftar dari indeks ringkas (cari.json) yang dimuat sekali, pada
   saat saringan atau urutan pertama kali dipilih; tanpa saringan, setiap halaman
   menampilkan barisnya sendiri. */
(function () {
  'use strict';

  var form = document.getElementById('saring');
  if (!form || !document.querySelectorAll || !Array.prototype.forEach || !window.URLSearchParams) {
    return;
  }
  var FIELDS = ['cari', 'huruf', 'unit', 'status', 'urut'];
  var tables = Array.prototype.slice.call(document.querySelectorAll('table.daftar:not(.daftar-hasil)'));
  var result = document.getElementById('saring-hasil');
  /* Hanya pada daftar yang dibagi atas beberapa halaman. */
  var found = document.getElementById('hasil');
  var indexUrl = found && window.fetch ? found.getAttribute('data-indeks') : null;

  function plain(text) {
    var lower = String(text || '').toLowerCase();
    return lower.normalize ? lower.normalize('NFD').replace(/[\u0300-\u036f]/g, '') : lower;
  }

  /* Setiap baris sekali saja: teks pencariannya dan urutan aslinya. */
  var rows = [];
  tables.forEach(function (table) {
    Array.prototype.forEach.call(table.tBodies[0].rows, function (row, index) {
      row._cari = plain(row.dataset.cari);
      row._asal = index;
      rows.push(row);
    });
  });

  function field(name) {
    return form.elements[name] || null;
  }

  function value(name) {
    var f = field(name);
    return f ? f.value : '';
  }

  function wanted() {
    return {
      cari: plain(value('cari')).trim(),
      huruf: value('huruf'),
      unit: value('unit'),
      status: value('status')
    };
  }

  function statusMatches(row, status) {
    // "berakhir" covers every open record: a term that ended, or information opened.
    var own = row.dataset.status === 'dibuka' ? 'berakhir' : row.dataset.status;
    return !status || own === status;
  }

  function matches(row, w) {
    var d = row.dataset;
    if (w.huruf && (' ' + d.huruf + ' ').indexOf(' ' + w.huruf + ' ') < 0) {
      return false;
    }
    if (w.unit && d.unit !== w.unit) {
      return false;
    }
    if (!statusMatches(row, w.status)) {
      return false;
    }
    var words = w.cari.split(/\s+/).filter(Boolean);
    return words.every(function (word) { return row._cari.indexOf(word) >= 0; });
  }

  /* Menyaring baris dan menyebutkan hasilnya untuk setiap tabel, dengan kata bendanya. */
  function apply() {
    var w = wanted();
    if (indexUrl) {
      if (w.cari || w.huruf || w.unit || w.status || value('urut')) {
        search(w);
        return;
      }
      showPage(true);
    }
    var parts = [];
    var total = 0;
    tables.forEach(function (table) {
      var body = table.tBodies[0].rows;
      var shown = 0;
      var eligible = 0;
      Array.prototype.forEach.call(body, function (row) {
        var ok = matches(row, w);
        if (row.hidden === ok) {
          row.hidden = !ok;
        }
        shown += ok ? 1 : 0;
        eligible += statusMatches(row, w.status) ? 1 : 0;
      });
      total += shown;
      var section = table.closest('section');
      if (section) {
        section.hidden = shown === 0;
      }
      if (eligible > 0) {
        parts.push(shown + ' dari ' + body.length + ' ' + (table.getAttribute('data-jenis') || 'informasi'));
      }
    });
    var filtered = w.cari || w.huruf || w.unit || w.status;
    result.textContent = !filtered
      ? ''
      : (total === 0
        ? 'Tidak ada informasi yang cocok dengan saringan ini.'
        : 'Menampilkan ' + parts.join(' dan ') + '.');
  }

  /* Seluruh daftar (daftar berhalaman): indeks ringkas, hasil yang cocok, dan baris
     hasil yang ditampilkan bertahap. */
  var STEP = 200;
  var index = null;
  var loading = false;
  var limit = STEP;
  var lastQuery = '';

  function count(n) {
    return n.toLocaleString ? n.toLocaleString('id-ID') : String(n);
  }

  function prepare(data) {
    var col = {};
    data.kolom.forEach(function (name, i) { col[name] = i; });
    var texts = data.teks || [];
    return data.baris.map(function (e) {
      var unit = texts[e[col.unit]] || '';
      var dasar = (e[col.dasar_hukum] || []).map(function (i) { return texts[i] || ''; });
      return {
        no: e[col.no],
        nomor: e[col.nomor],
        judul: e[col.judul],
        status: e[col.status],
        kelompok: e[col.status] === 'berlaku' ? 0 : 1,
        huruf: e[col.huruf],
        akhir: e[col.akhir],
        akhirTeks: e[col.akhir_teks],
        ditetapkan: e[col.ditetapkan],
        slug: e[col.slug],
        unit: unit,
        cari: plain([e[col.nomor], e[col.judul], unit].concat(dasar).join(' '))
      };
    });
  }

  function load() {
    if (loading) {
      return;
    }
    loading = true;
    result.textContent = 'Memuat indeks seluruh daftar…';
    window.fetch(indexUrl).then(function (response) {
      if (!response.ok) {
        throw new Error(response.status);
      }
      return response.json();
    }).then(function (data) {
      index = prepare(data);
    }).catch(function () {
      // Without the index (a page opened from a disk, a missing file) the filters work
      // on this page's own rows.
      indexUrl = null;
      showPage(true);
    }).then(function () {
      apply();
      sortTables(value('urut'));
    });
  }

  function entryMatches(e, w, words) {
    if (w.huruf && (' ' + e.huruf + ' ').indexOf(' ' + w.huruf + ' ') < 0) {
      return false;
    }
    if (w.unit && e.unit !== w.unit) {
      return false;
    }
    var own = e.status === 'dibuka' ? 'berakhir' : e.status;
    if (w.status && own !== w.status) {
      return false;
    }
    return words.every(function (word) { return e.cari.indexOf(word) >= 0; });
  }

  function entryKey(e, key) {
    if (key === 'judul') {
      return plain(e.judul);
    }
    if (key === 'akhir') {
      return e.akhir || '9999';
    }
    if (key === 'penetapan') {
      return e.ditetapkan;
    }
    return null;
  }

  function showPage(show) {
    if (found) {
      found.hidden = show;
    }
    Array.prototype.forEach.call(document.querySelectorAll('.halaman-nav, #rentang'), function (el) {
      el.hidden = !show;
    });
    tables.forEach(function (table) {
      var section = table.closest('section');
      if (section && !show) {
        section.hidden = true;
      }
    });
  }

  function cell(tag, label, text) {
    var c = document.createElement(tag);
    if (label) {
      c.setAttribute('data-label', label);
    }
    if (text !== undefined) {
      c.textContent = text;
    }
    return c;
  }

  function resultRow(e) {
    var tr = document.createElement('tr');
    var no = cell('td', 'No', String(e.no));
    no.className = 'no';
    tr.appendChild(no);
    var th = cell('th');
    th.scope = 'row';
    var a = document.createElement('a');
    a.href = e.slug + '/index.html';
    a.textContent = e.judul;
    var small = document.createElement('span');
    small.className = 'kecil';
    small.textContent = e.nomor + ' · ' + e.unit;
    th.appendChild(a);
    th.appendChild(small);
    tr.appendChild(th);
    var basis = cell('td', 'Dasar pengecualian');
    var list = document.createElement('ul');
    list.className = 'polos daftar-pasal';
    e.huruf.split(' ').filter(Boolean).forEach(function (h) {
      list.appendChild(cell('li', null, 'Pasal 17 huruf ' + h + ' UU 14/2008'));
    });
    basis.appendChild(list);
    tr.appendChild(basis);
    tr.appendChild(cell('td', 'Status', e.status === 'berlaku' ? 'Masih dikecualikan'
      : (e.status === 'dibuka' ? 'Telah dibuka' : 'Pengecualian berakhir')));
    tr.appendChild(cell('td', 'Akhir pengecualian', e.akhirTeks));
    return tr;
  }

  function search(w) {
    if (!index) {
      load();
      return;
    }
    var order = (value('urut') || '').split('-');
    var key = order[0] || 'no';
    var ascending = order[1] !== 'turun';
    var query = JSON.stringify([w, value('urut')]);
    if (query !== lastQuery) {
      limit = STEP;
      lastQuery = query;
    }
    var words = w.cari.split(/\s+/).filter(Boolean);
    var hits = index.filter(function (e) { return entryMatches(e, w, words); });
    hits.sort(function (a, b) {
      var by = 0;
      var x = entryKey(a, key);
      var y = entryKey(b, key);
      if (x !== null) {
        by = x < y ? -1 : (x > y ? 1 : 0);
      } else {
        by = (a.kelompok - b.kelompok) || (a.no - b.no);
      }
      if (!ascending) {
        by = -by;
      }
      return by || (a.kelompok - b.kelompok) || (a.no - b.no);
    });
    showPage(false);
    var body = found.querySelector('tbody');
    var rows = document.createDocumentFragment();
    hits.slice(0, limit).forEach(function (e) { rows.appendChild(resultRow(e)); });
    body.textContent = '';
    body.appendChild(rows);
    var shown = Math.min(limit, hits.length);
    var more = document.getElementById('hasil-lagi');
    more.hidden = shown >= hits.length;
    more.textContent = 'Tampilkan ' + count(Math.min(STEP, hits.length - shown)) + ' hasil berikutnya';
    found.hidden = hits.length === 0;
    var all = ' dari seluruh ' + count(index.length) + ' informasi dalam daftar';
    result.textContent = hits.length === 0
      ? 'Tidak ada informasi yang cocok dengan saringan ini.'
      : (shown < hits.length
        ? 'Menampilkan ' + count(shown) + ' pertama dari ' + count(hits.length) + ' hasil' + all + '.'
        : 'Menampilkan ' + count(hits.length) + ' hasil' + all + '.');
  }

  if (found) {
    document.getElementById('hasil-lagi').addEventListener('click', function () {
      limit += STEP;
      apply();
    });
  }

  /* Pengurutan: nilai "kunci" atau "kunci-turun", seperti pilihan "Urutkan". */
  function sortKey(row, index, kind) {
    var cell = row.cells[index];
    var v = cell.getAttribute('data-urut');
    if (v === null) {
      v = cell.textContent.trim();
    }
    return kind === 'angka' ? parseFloat(v) : plain(v);
  }

  function headers(table) {
    return Array.prototype.slice.call(table.tHead.rows[0].cells);
  }

  var currentOrder = '';

  function sortTables(order) {
    order = order || '';
    if (indexUrl) {
      // A paged register sorts the whole register: its results, not this page's rows.
      apply();
      return;
    }
    if (order === currentOrder) {
      return;
    }
    currentOrder = order;
    var parts = (order || '').split('-');
    var key = parts[0] || 'no';
    var ascending = parts[1] !== 'turun';
    tables.forEach(function (table) {
      var cells = headers(table);
      var index = -1;
      cells.forEach(function (th, i) {
        th.removeAttribute('aria-sort');
        if (th.getAttribute('data-kunci') === key) {
          index = i;
        }
      });
      var th = cells[index];
      // A table without this column keeps its own order.
      var kind = th ? th.getAttribute('data-urut') : null;
      if (th && order) {
        th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
      }
      var body = table.tBodies[0];
      var sorted = Array.prototype.slice.call(body.rows).sort(function (a, b) {
        var order = 0;
        if (kind) {
          var x = sortKey(a, index, kind);
          var y = sortKey(b, index, kind);
          order = x < y ? -1 : (x > y ? 1 : 0);
          if (!ascending) {
            order = -order;
          }
        }
        return order || a._asal - b._asal;
      });
      sorted.forEach(function (row) { body.appendChild(row); });
    });
  }

  /* Alamat halaman: hanya isian yang terisi, dalam urutan tetap. */
  function addressOf() {
    var params = new URLSearchParams();
    FIELDS.forEach(function (name) {
      var v = value(name);
      if (name === 'cari') {
        v = v.trim();
      }
      if (v) {
        params.set(name, v);
      }
    });
    var query = params.toString();
    return window.location.pathname + (query ? '?' + query : '') + window.location.hash;
  }

  function remember(push) {
    var address = addressOf();
    var current = window.location.pathname + window.location.search + window.location.hash;
    if (address === current) {
      return;
    }
    try {
      window.history[push ? 'pushState' : 'replaceState'](null, '', address);
    } catch (e) {
      // A page opened from a disk may not change its address: the filters still work.
    }
  }

  function restore() {
    var params = new URLSearchParams(window.location.search);
    FIELDS.forEach(function (name) {
      var f = field(name);
      if (!f) {
        return;
      }
      var v = params.get(name) || '';
      if (f.tagName === 'SELECT') {
        var known = Array.prototype.some.call(f.options, function (o) { return o.value === v; });
        f.value = known ? v : '';
      } else {
        f.value = v;
      }
    });
    apply();
    sortTables(value('urut'));
  }

  /* Mengetik satu pencarian menambah satu langkah riwayat, bukan satu per huruf. */
  var typing = false;
  form.addEventListener('input', function (e) {
    if (e.target === field('cari')) {
      apply();
      remember(!typing);
      typing = true;
    }
  });
  form.addEventListener('change', function (e) {
    if (e.target === field('cari')) {
      typing = false;
      return;
    }
    typing = false;
    if (e.target === field('urut')) {
      sortTables(value('urut'));
    } else {
      apply();
    }
    remember(true);
  });
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    typing = false;
    apply();
    remember(true);
  });
  form.addEventListener('reset', function () {
    // Clearing the filters keeps the chosen order; on a paged register it returns to the
    // page's own rows, in their order.
    var order = indexUrl ? '' : value('urut');
    window.setTimeout(function () {
      if (field('urut')) {
        field('urut').value = order;
      }
      typing = false;
      apply();
      remember(true);
    }, 0);
  });
  window.addEventListener('popstate', function () {
    typing = false;
    restore();
  });

  /* Kepala kolom yang dapat diurutkan menjadi tombol; di ponsel, pilihan "Urutkan". */
  tables.forEach(function (table) {
    headers(table).forEach(function (th) {
      var key = th.getAttribute('data-kunci');
      if (!key || !th.getAttribute('data-urut')) {
        return;
      }
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'urut';
      button.textContent = th.textContent;
      // Printed header rows repeat on every page, where Chromium paints no buttons:
      // the label stays on the cell for the print style sheet.
      th.setAttribute('data-judul', th.textContent);
      th.textContent = '';
      th.appendChild(button);
      button.addEventListener('click', function () {
        var order = th.getAttribute('aria-sort') === 'ascending' ? key + '-turun' : key;
        if (order === 'no') {
          order = '';
        }
        var select = field('urut');
        if (select) {
          select.value = order;
        }
        typing = false;
        sortTables(order);
        th.setAttribute('aria-sort', th.getAttribute('aria-sort') || 'ascending');
        remember(true);
      });
    });
  });

  form.hidden = false;
  restore();
}());
