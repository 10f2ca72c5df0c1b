/* daftar: saringan, pencarian, dan pengurutan daftar (peningkatan progresif).
   Tanpa JavaScript, tabel tetap tampil lengkap dan setiap tautan tetap berfungsi. */
(function () {
  'use strict';

  var form = document.getElementById('saring');
  if (!form || !document.querySelectorAll || !Array.prototype.forEach) {
    return;
  }
  var tables = Array.prototype.slice.call(document.querySelectorAll('table.daftar'));
  var rows = [];
  tables.forEach(function (table) {
    rows = rows.concat(Array.prototype.slice.call(table.tBodies[0].rows));
  });
  var result = document.getElementById('saring-hasil');

  function plain(text) {
    var lower = String(text || '').toLowerCase();
    return lower.normalize ? lower.normalize('NFD').replace(/[\u0300-\u036f]/g, '') : lower;
  }

  function matches(row, wanted) {
    var d = row.dataset;
    if (wanted.huruf && (' ' + d.huruf + ' ').indexOf(' ' + wanted.huruf + ' ') < 0) {
      return false;
    }
    if (wanted.unit && d.unit !== wanted.unit) {
      return false;
    }
    // "berakhir" covers every open record: a term that ended, or information opened.
    var status = d.status === "dibuka" ? "berakhir" : d.status;
    if (wanted.status && status !== wanted.status) {
      return false;
    }
    var words = wanted.cari.split(/\s+/).filter(Boolean);
    var haystack = plain(d.cari);
    return words.every(function (w) { return haystack.indexOf(w) >= 0; });
  }

  function apply() {
    var wanted = {
      cari: plain(form.elements.cari.value).trim(),
      huruf: form.elements.huruf.value,
      unit: form.elements.unit.value,
      status: form.elements.status.value
    };
    var shown = 0;
    rows.forEach(function (row) {
      var ok = matches(row, wanted);
      row.hidden = !ok;
      if (ok) {
        shown += 1;
      }
    });
    tables.forEach(function (table) {
      var visible = Array.prototype.some.call(table.tBodies[0].rows, function (r) { return !r.hidden; });
      var section = table.closest('section');
      if (section) {
        section.hidden = !visible;
      }
    });
    var filtered = wanted.cari || wanted.huruf || wanted.unit || wanted.status;
    result.textContent = filtered
      ? (shown === 0
        ? 'Tidak ada informasi yang cocok dengan saringan ini.'
        : 'Menampilkan ' + shown + ' dari ' + rows.length + ' informasi.')
      : '';
  }

  form.hidden = false;
  form.addEventListener('input', apply);
  form.addEventListener('change', apply);
  form.addEventListener('submit', function (e) { e.preventDefault(); apply(); });
  form.addEventListener('reset', function () { window.setTimeout(apply, 0); });

  /* Pengurutan: setiap kepala kolom yang dapat diurutkan menjadi tombol. */
  function sortKey(row, index, kind) {
    var cell = row.cells[index];
    var value = cell.getAttribute('data-urut');
    if (value === null) {
      value = cell.textContent.trim();
    }
    return kind === 'angka' ? parseFloat(value) : plain(value);
  }

  tables.forEach(function (table) {
    var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
    headers.forEach(function (th, index) {
      var kind = th.getAttribute('data-urut');
      if (!kind) {
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
        var ascending = th.getAttribute('aria-sort') !== 'ascending';
        headers.forEach(function (other) { other.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
        var body = table.tBodies[0];
        var sorted = Array.prototype.slice.call(body.rows).sort(function (a, b) {
          var x = sortKey(a, index, kind);
          var y = sortKey(b, index, kind);
          var order = x < y ? -1 : (x > y ? 1 : 0);
          return ascending ? order : -order;
        });
        sorted.forEach(function (row) { body.appendChild(row); });
      });
    });
  });

  apply();
}());
