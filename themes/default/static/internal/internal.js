/* daftar: saringan, pencarian, dan pengurutan indeks arsip internal (peningkatan
   progresif, seperti daftar publik). Tanpa JavaScript, tabel tetap tampil lengkap dan
   setiap tautan tetap berfungsi. Saringan dan urutan disimpan di alamat halaman
   (?cari=…&unit=…&status=…&huruf=…&temuan=…&urut=…). */
(function () {
  'use strict';

  var form = document.getElementById('saring');
  var table = document.querySelector('table.daftar');
  if (!form || !table || !window.URLSearchParams || !Array.prototype.forEach) {
    return;
  }
  var FIELDS = ['cari', 'unit', 'status', 'huruf', 'temuan', 'urut'];
  var body = table.tBodies[0];
  var result = document.getElementById('saring-hasil');
  var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);

  function plain(text) {
    var lower = String(text || '').toLowerCase();
    return lower.normalize ? lower.normalize('NFD').replace(/[\u0300-\u036f]/g, '') : lower;
  }

  /* Kolom menurut kuncinya (data-kunci di kepala tabel). */
  function column(key) {
    for (var i = 0; i < headers.length; i += 1) {
      if (headers[i].getAttribute('data-kunci') === key) {
        return i;
      }
    }
    return -1;
  }
  var UNIT = column('unit');
  var STATUS = column('status');
  var TEMUAN = column('temuan');

  function cell(row, index) {
    return index >= 0 && row.cells[index] ? row.cells[index].textContent.trim() : '';
  }

  /* Setiap baris sekali saja: teks pencariannya, unit, status, temuan, urutan aslinya. */
  var rows = Array.prototype.slice.call(body.rows);
  rows.forEach(function (row, index) {
    row._cari = plain(row.textContent);
    row._unit = cell(row, UNIT);
    row._status = cell(row, STATUS);
    row._temuan = parseInt(cell(row, TEMUAN), 10) > 0 ? 'ya' : 'tidak';
    row._asal = index;
  });

  function value(name) {
    var f = form.elements[name];
    return f ? f.value : '';
  }

  function matches(row, w, words) {
    return (!w.unit || row._unit === w.unit)
      && (!w.status || row._status === w.status)
      && (!w.huruf || (' ' + row.dataset.huruf + ' ').indexOf(' ' + w.huruf + ' ') >= 0)
      && (!w.temuan || row._temuan === w.temuan)
      && words.every(function (word) { return row._cari.indexOf(word) >= 0; });
  }

  function apply() {
    var w = { unit: value('unit'), status: value('status'), huruf: value('huruf'), temuan: value('temuan') };
    var words = plain(value('cari')).split(/\s+/).filter(Boolean);
    var shown = 0;
    rows.forEach(function (row) {
      var ok = matches(row, w, words);
      if (row.hidden === ok) {
        row.hidden = !ok;
      }
      shown += ok ? 1 : 0;
    });
    var filtered = words.length || w.unit || w.status || w.huruf || w.temuan;
    result.textContent = !filtered ? ''
      : (shown === 0 ? 'Tidak ada catatan yang cocok dengan saringan ini.'
        : 'Menampilkan ' + shown + ' dari ' + rows.length + ' catatan.');
  }

  var currentOrder = '';

  /* Urutan: "kunci" atau "kunci-turun", seperti pilihan "Urutkan". */
  function sortRows(order) {
    if (order === currentOrder) {
      return;
    }
    currentOrder = order;
    var parts = order.split('-');
    var key = parts[0] || 'no';
    var ascending = parts[1] !== 'turun';
    var index = -1;
    headers.forEach(function (th, i) {
      th.removeAttribute('aria-sort');
      if (th.getAttribute('data-kunci') === key) {
        index = i;
      }
    });
    var th = headers[index];
    var kind = th ? th.getAttribute('data-urut') : null;
    if (th && order) {
      th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
    }
    var keyOf = function (row) {
      var text = row.cells[index].textContent.trim();
      return kind === 'angka' ? parseFloat(text) : plain(text);
    };
    var keyed = rows.map(function (row) { return { row: row, key: kind ? keyOf(row) : 0 }; });
    keyed.sort(function (a, b) {
      var c = a.key < b.key ? -1 : (a.key > b.key ? 1 : 0);
      return (ascending ? c : -c) || a.row._asal - b.row._asal;
    });
    var fragment = document.createDocumentFragment();
    keyed.forEach(function (k) { fragment.appendChild(k.row); });
    body.appendChild(fragment);
  }

  function addressOf() {
    var params = new URLSearchParams();
    FIELDS.forEach(function (name) {
      var v = value(name).trim();
      if (v) {
        params.set(name, v);
      }
    });
    var query = params.toString();
    return window.location.pathname + (query ? '?' + query : '') + window.location.hash;
  }

  function remember(push) {
    var address = addressOf();
    if (address === window.location.pathname + window.location.search + window.location.hash) {
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
      var f = form.elements[name];
      if (!f) {
        return;
      }
      var v = params.get(name) || '';
      if (f.tagName === 'SELECT') {
        var known = Array.prototype.some.call(f.options, function (o) { return o.value === v || o.text === v; });
        f.value = known ? v : '';
      } else {
        f.value = v;
      }
    });
    apply();
    sortRows(value('urut'));
  }

  var typing = false;
  form.addEventListener('input', function (e) {
    if (e.target === form.elements.cari) {
      apply();
      remember(!typing);
      typing = true;
    }
  });
  form.addEventListener('change', function (e) {
    typing = false;
    if (e.target === form.elements.cari) {
      return;
    }
    if (e.target === form.elements.urut) {
      sortRows(value('urut'));
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
    var order = value('urut');
    window.setTimeout(function () {
      form.elements.urut.value = order;
      typing = false;
      apply();
      remember(true);
    }, 0);
  });
  window.addEventListener('popstate', function () {
    typing = false;
    restore();
  });

  /* Kepala kolom yang dapat diurutkan menjadi tombol. */
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
      typing = false;
      sortRows(order);
      remember(true);
    });
  });

  form.hidden = false;
  restore();
}());
