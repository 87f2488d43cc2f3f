// The staff menu's stages are <details> elements: opening one closes the others, and Escape or a
// click elsewhere closes an open one. Without this script every stage still opens and closes.
(function () {
  'use strict';
  function stages() {
    return Array.prototype.slice.call(document.querySelectorAll('.staff-nav details'));
  }
  document.addEventListener('toggle', function (event) {
    var opened = event.target;
    if (!opened.matches || !opened.matches('.staff-nav details') || !opened.open) {
      return;
    }
    stages().forEach(function (other) {
      if (other !== opened) {
        other.open = false;
      }
    });
  }, true);
  document.addEventListener('keydown', function (event) {
    if (event.key !== 'Escape') {
      return;
    }
    stages().forEach(function (stage) {
      if (stage.open) {
        stage.open = false;
        stage.querySelector('summary').focus();
      }
    });
  });
  document.addEventListener('click', function (event) {
    stages().forEach(function (stage) {
      if (stage.open && !stage.contains(event.target)) {
        stage.open = false;
      }
    });
  });
}());
