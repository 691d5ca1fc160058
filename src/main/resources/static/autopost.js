// Submit the form that carries the platform's answer back to the tool (OIDC form_post response mode).
document.addEventListener("DOMContentLoaded", function () {
  "use strict";
  var form = document.querySelector("form[data-autosubmit]");
  if (form) { form.submit(); }
});
