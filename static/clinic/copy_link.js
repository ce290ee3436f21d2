// "Copy link" buttons: copy the text of the input named by data-copy-target to the clipboard.
// Served by the app (the Content Security Policy allows no inline script). Where the
// clipboard API is refused (plain http on another machine), the text is selected instead so
// Ctrl-C still works.
(function () {
  "use strict";
  document.querySelectorAll("[data-copy-target]").forEach(function (button) {
    var input = document.getElementById(button.getAttribute("data-copy-target"));
    var status = document.querySelector("[data-copy-status]");
    var label = button.textContent;
    function done(text) {
      button.textContent = text;
      if (status) { status.textContent = text; }
      window.setTimeout(function () { button.textContent = label; }, 2000);
    }
    button.addEventListener("click", function () {
      input.focus();
      input.select();
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(input.value).then(
          function () { done(button.getAttribute("data-copied-text")); },
          function () { document.execCommand("copy"); done(button.getAttribute("data-copied-text")); }
        );
      } else {
        document.execCommand("copy");
        done(button.getAttribute("data-copied-text"));
      }
    });
  });
})();
