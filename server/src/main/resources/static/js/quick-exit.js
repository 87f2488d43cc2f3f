// "Leave quickly": replaces this page in the history so Back does not return here, and also
// answers the Escape key pressed twice. Without JavaScript the button is a plain link.
(function () {
  var target = "https://www.weeronline.nl/";
  function leave(event) {
    if (event) { event.preventDefault(); }
    document.body.innerHTML = "";
    window.location.replace(target);
  }
  document.addEventListener("DOMContentLoaded", function () {
    var button = document.getElementById("quick-exit");
    if (button) { button.addEventListener("click", leave); }
  });
  var lastEscape = 0;
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") { return; }
    var now = Date.now();
    if (now - lastEscape < 800) { leave(event); }
    lastEscape = now;
  });
})();
