/* The hashing page: hashes the chosen files on this device and puts only the hashes into the form. */
(function () {
  'use strict';
  var root = document.getElementById('hashing');
  var texts = document.getElementById('hashing-texts');
  if (!root || !texts || !window.RecourseHashing || typeof createImageBitmap === 'undefined') { return; }
  root.hidden = false;
  var input = document.getElementById('images');
  var status = document.getElementById('hashing-status');
  var table = document.getElementById('hash-results');
  var fields = document.getElementById('hash-fields');
  var send = document.getElementById('send-hashes');
  var max = parseInt(texts.getAttribute('data-max'), 10);

  function text(name) { return texts.getAttribute('data-' + name); }

  function row(name, result) {
    var tr = document.createElement('tr');
    var file = document.createElement('th');
    file.scope = 'row';
    file.textContent = name;
    var td = document.createElement('td');
    td.textContent = result;
    tr.appendChild(file);
    tr.appendChild(td);
    table.tBodies[0].appendChild(tr);
  }

  function hidden(name, value) {
    var field = document.createElement('input');
    field.type = 'hidden';
    field.name = name;
    field.value = value;
    fields.appendChild(field);
  }

  input.addEventListener('change', function () {
    var files = Array.prototype.slice.call(input.files || []);
    table.tBodies[0].textContent = '';
    if (fields) { fields.textContent = ''; }
    if (send) { send.disabled = true; }
    if (files.length === 0) { table.hidden = true; status.textContent = ''; return; }
    if (files.length > max) { table.hidden = true; status.textContent = text('too-many'); return; }
    status.textContent = text('working');
    var usable = 0;
    var chain = Promise.resolve();
    files.forEach(function (file) {
      chain = chain.then(function () { return window.RecourseHashing.hashFile(file); }).then(function (hash) {
        if (hash.error) {
          row(file.name, text(hash.error));
          return;
        }
        if (hash.quality === 0) {
          row(file.name, text('blank'));
        } else {
          row(file.name, text('ok'));
        }
        var tr = table.tBodies[0].lastChild;
        tr.setAttribute('data-pdq', hash.pdq);
        tr.setAttribute('data-quality', String(hash.quality));
        tr.setAttribute('data-md5', hash.md5);
        if (fields) {
          hidden('pdq', hash.pdq + ':' + hash.quality);
          hidden('md5', hash.md5);
        }
        usable++;
      }, function () { row(file.name, text('decode')); });
    });
    chain.then(function () {
      table.hidden = false;
      status.textContent = text('done');
      if (send) { send.disabled = usable === 0; }
    });
  });
})();
