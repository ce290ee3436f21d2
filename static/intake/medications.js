// "Add a medication": a new empty line in the intake's medication formset, as many as needed.
// The new line is the formset's empty form (a <template>), numbered from TOTAL_FORMS; Django
// skips the lines left empty. Served by the app: the Content Security Policy allows no inline
// script.
(function () {
  "use strict";
  var fieldset = document.querySelector("[data-medications]");
  if (!fieldset) { return; }
  var rows = fieldset.querySelector("[data-medication-rows]");
  var template = fieldset.querySelector("[data-medication-template]");
  var button = fieldset.querySelector("[data-add-medication]");
  var total = fieldset.querySelector('input[name$="-TOTAL_FORMS"]');
  var max = fieldset.querySelector('input[name$="-MAX_NUM_FORMS"]');
  button.hidden = false;
  button.addEventListener("click", function () {
    var index = parseInt(total.value, 10);
    if (max && index >= parseInt(max.value, 10)) { return; }
    var holder = document.createElement("div");
    holder.innerHTML = template.innerHTML.replace(/__prefix__/g, String(index));
    var row = holder.firstElementChild;
    rows.appendChild(row);
    total.value = String(index + 1);
    var first = row.querySelector("input:not([type=hidden])");
    if (first) { first.focus(); }
  });
})();
