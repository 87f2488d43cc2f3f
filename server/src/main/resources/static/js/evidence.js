// Evidence uploads send the file itself as the request body, so the server can stream it into
// the encrypted vault; a multipart form would be spooled to a temporary file in clear first.
(function () {
  'use strict';

  function send(form, file, status) {
    status.textContent = status.dataset.busy;
    return fetch(form.dataset.target, {
      method: 'PUT',
      body: file,
      credentials: 'same-origin',
      headers: {
        [form.dataset.csrfHeader]: form.dataset.csrf,
        'Content-Type': file.type || 'application/octet-stream',
        'X-Filename': encodeURIComponent(file.name)
      }
    }).then(function (response) {
      if (!response.ok) {
        throw new Error(String(response.status));
      }
      return response;
    }).catch(function (error) {
      status.textContent = status.dataset.failed + ' (' + error.message + ')';
      throw error;
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    var upload = document.getElementById('evidence-upload');
    if (upload) {
      upload.addEventListener('submit', function (event) {
        event.preventDefault();
        var file = upload.querySelector('input[type=file]').files[0];
        if (file) {
          send(upload, file, document.getElementById('upload-status')).then(function () {
            window.location.reload();
          }, function () {});
        }
      });
    }
    var verify = document.getElementById('package-verify');
    if (verify) {
      verify.addEventListener('submit', function (event) {
        event.preventDefault();
        var file = verify.querySelector('input[type=file]').files[0];
        var status = document.getElementById('verify-status');
        if (file) {
          send(verify, file, status).then(function (response) {
            return response.text();
          }).then(function (html) {
            var result = document.getElementById('verify-result');
            result.replaceChildren(new DOMParser().parseFromString(html, 'text/html').body.firstElementChild || '');
            status.textContent = '';
            result.focus();
          }, function () {});
        }
      });
    }
  });
}());
