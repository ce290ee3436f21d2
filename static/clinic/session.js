/* Nothing typed is lost: the leave-page prompt, the restored form and the idle warning.
 *
 * Served by the app (CSP: script-src 'self', no inline script). Every text shown comes from the
 * server-rendered, translated markup in templates/clinic/_session_warning.html and
 * _form_restore.html; this file holds no user-facing words.
 */
(function () {
  "use strict";

  // ---- 1. Ask before leaving a form with unsaved typing -------------------------------------
  var dirtyForms = new Set();

  function tracked(form) {
    return (
      form &&
      (form.getAttribute("method") || "").toLowerCase() === "post" &&
      !form.hasAttribute("data-no-leave-warning")
    );
  }

  function markDirty(event) {
    var form = event.target && event.target.form;
    if (tracked(form)) {
      dirtyForms.add(form);
    }
  }

  document.addEventListener("input", markDirty, true);
  document.addEventListener("change", markDirty, true);
  document.addEventListener("submit", function (event) {
    // Saving is not leaving: this form's typing goes to the server.
    dirtyForms.delete(event.target);
  });
  window.addEventListener("beforeunload", function (event) {
    if (dirtyForms.size > 0) {
      event.preventDefault();
      event.returnValue = ""; // older Chromium needs it set to show the prompt
    }
  });

  // A form shown again with errors holds typing that is not saved yet.
  Array.prototype.forEach.call(document.forms, function (form) {
    if (tracked(form) && form.querySelector(".is-invalid, [data-testid='form-errors']")) {
      dirtyForms.add(form);
    }
  });

  // ---- 2. Put back what was typed before the session ended ----------------------------------
  function restoreForm() {
    var source = document.getElementById("restored-form");
    if (!source) {
      return;
    }
    var values = new Map(JSON.parse(source.textContent));
    // The page's form that has the most of the kept fields (not the sign-out or language form).
    var best = null;
    var bestScore = 0;
    Array.prototype.forEach.call(document.forms, function (form) {
      if (!tracked(form)) {
        return;
      }
      var score = 0;
      values.forEach(function (_value, name) {
        if (form.elements.namedItem(name)) {
          score += 1;
        }
      });
      if (score > bestScore) {
        best = form;
        bestScore = score;
      }
    });
    if (!best) {
      return;
    }
    var seen = new Map();
    Array.prototype.forEach.call(best.elements, function (field) {
      var name = field.name;
      var type = (field.type || "").toLowerCase();
      if (!name || field.disabled || name === "csrfmiddlewaretoken") {
        return;
      }
      if (["submit", "button", "reset", "file", "image", "password"].indexOf(type) >= 0) {
        return;
      }
      var kept = values.get(name);
      if (type === "checkbox" || type === "radio") {
        // An unticked box is not posted at all: absent means unticked.
        field.checked = !!kept && kept.indexOf(field.value) >= 0;
      } else if (kept === undefined) {
        return;
      } else if (type === "select-multiple") {
        Array.prototype.forEach.call(field.options, function (option) {
          option.selected = kept.indexOf(option.value) >= 0;
        });
      } else {
        var index = seen.get(name) || 0;
        seen.set(name, index + 1);
        if (index < kept.length) {
          field.value = kept[index];
        }
      }
      field.dispatchEvent(new Event("change", { bubbles: true }));
    });
    dirtyForms.add(best);
  }

  restoreForm();

  // ---- 3. Warn before the idle sign-out -----------------------------------------------------
  var box = document.getElementById("session-warning");
  if (!box) {
    return;
  }
  var STORE_KEY = "clinic.session.deadline"; // a time only, shared by this user's open tabs
  var warningMs = Number(box.dataset.warningSeconds) * 1000;
  var keepaliveUrl = box.dataset.keepaliveUrl;
  var idleMs = Number(box.dataset.secondsLeft) * 1000;
  // Typing on a page is use, even before it is saved: renew now and then while staff type.
  var renewEveryMs = Math.min(60000, idleMs / 3);
  var deadline = Date.now() + idleMs;
  var lastRenewal = Date.now();
  var expired = false;
  var renewing = false;
  var returnFocusTo = null;
  var stayButton = box.querySelector("[data-session-stay]");
  var countdown = box.querySelector("[data-session-countdown]");

  function share() {
    try {
      var other = Number(window.localStorage.getItem(STORE_KEY)) || 0;
      if (other > deadline) {
        deadline = other; // another tab renewed the same session more recently
      } else {
        window.localStorage.setItem(STORE_KEY, String(deadline));
      }
    } catch (error) {
      // Storage refused (private mode): each tab keeps its own count.
    }
  }

  window.addEventListener("storage", function (event) {
    if (event.key === STORE_KEY && Number(event.newValue) > deadline && !expired) {
      deadline = Number(event.newValue);
      update();
    }
  });

  function pageHasForm() {
    // A form with something to type into (not a lone button such as "Send link").
    return Array.prototype.some.call(document.forms, function (form) {
      return (
        tracked(form) &&
        form.querySelector(
          "textarea, select, input:not([type='hidden']):not([type='submit']):not([type='button'])"
        )
      );
    });
  }

  function showState(state) {
    var hasForm = pageHasForm();
    box.querySelectorAll("[data-session-state]").forEach(function (element) {
      element.hidden =
        element.dataset.sessionState !== state ||
        (element.hasAttribute("data-session-with-form") && !hasForm) ||
        (element.hasAttribute("data-session-without-form") && hasForm);
    });
    box.setAttribute(
      "aria-labelledby",
      state === "expired" ? "session-expired-title" : "session-warning-title"
    );
  }

  function show(state) {
    var wasHidden = box.hidden;
    showState(state);
    box.hidden = false;
    if (wasHidden && state === "warning") {
      returnFocusTo = document.activeElement;
      stayButton.focus();
    }
  }

  function hide() {
    if (box.hidden) {
      return;
    }
    var hadFocus = box.contains(document.activeElement);
    box.hidden = true;
    if (hadFocus && returnFocusTo && document.contains(returnFocusTo)) {
      returnFocusTo.focus();
    }
    returnFocusTo = null;
  }

  function formatLeft(ms) {
    var seconds = Math.max(0, Math.ceil(ms / 1000));
    var minutes = Math.floor(seconds / 60);
    var rest = seconds % 60;
    return minutes + ":" + (rest < 10 ? "0" : "") + rest;
  }

  function update() {
    if (expired) {
      return;
    }
    var left = deadline - Date.now();
    if (left <= 0) {
      expired = true;
      show("expired");
    } else if (left <= warningMs) {
      countdown.textContent = formatLeft(left);
      show("warning");
    } else {
      hide();
    }
  }

  function csrfToken() {
    var input = document.querySelector("input[name='csrfmiddlewaretoken']");
    return input ? input.value : "";
  }

  function renew() {
    lastRenewal = Date.now();
    renewing = true;
    return fetch(keepaliveUrl, {
      method: "POST",
      credentials: "same-origin",
      headers: { "X-CSRFToken": csrfToken(), Accept: "application/json" },
    })
      .then(function (response) {
        if (!response.ok) {
          throw new Error("signed out");
        }
        return response.json();
      })
      .then(function (answer) {
        deadline = Date.now() + answer.seconds_left * 1000;
        share();
        update();
      })
      .catch(function () {
        // Signed out already (or the server is away): say so; the kept-form path still works.
        if (deadline - Date.now() <= warningMs) {
          deadline = Date.now();
          update();
        }
      })
      .then(function () {
        renewing = false;
      });
  }

  stayButton.addEventListener("click", function () {
    renew();
  });

  function activity(event) {
    if (expired || box.contains(event.target)) {
      return;
    }
    if (
      event.type === "click" &&
      event.target.closest &&
      event.target.closest("a[href], [type='submit']")
    ) {
      return; // that click reaches the server itself, which renews the session
    }
    // While the warning shows, any use renews at once; otherwise now and then.
    if (!renewing && (!box.hidden || Date.now() - lastRenewal >= renewEveryMs)) {
      renew();
    }
  }

  ["keydown", "input", "change", "click"].forEach(function (name) {
    document.addEventListener(name, activity, true);
  });

  share();
  update();
  window.setInterval(update, 1000);
})();
