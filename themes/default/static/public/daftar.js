/* daftar: saringan, pencarian, dan pengurutan daftar (peningkatan progresif).
   Tanpa JavaScript, tabel tetap tampil lengkap dan setiap tautan tetap berfungsi.
   Saringan dan urutan disimpan di alamat halaman (?cari=…&huruf=…&urut=…): alamat itu
   dapat dibagikan, tombol kembali memulihkannya, dan halaman yang dibuka dengan alamat
   itu menampilkan saringan yang sama. */
(function () {
  'use strict';

  var form = document.getElementById('saring');
  if (!form || !document.querySelectorAll || !Array.prototype.forEach || !window.URLSearchParams) {
    return;
  }
  var FIELDS = ['cari', 'huruf', 'unit', 'status', 'urut'];
  var tables = Array.prototype.slice.call(document.querySelectorAll('table.daftar'));
  var result = document.getElementById('saring-hasil');

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
    // Clearing the filters keeps the chosen order.
    var order = value('urut');
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
