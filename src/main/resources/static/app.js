// Organizing Workbench: page behaviour shared by every page (no inline scripts: the CSP forbids them).
// The session travels as the body's hx-headers; window.WorkbenchSession lets the page's own fetches (autosave, the
// PDF) send it and keep it renewed too.
(function () {
  "use strict";
  window.WorkbenchSession = {
    /** The Authorization header value of the page's session ("" when the page has none). */
    authorization: function () {
      try {
        return JSON.parse(document.body.getAttribute("hx-headers")).Authorization || "";
      } catch (e) {
        return "";
      }
    },
    /** A renewed session token comes back in X-Session-Token: use it for the following requests. */
    renew: function (renewedToken) {
      if (renewedToken) {
        document.body.setAttribute("hx-headers", JSON.stringify({ Authorization: "Bearer " + renewedToken }));
      }
    }
  };
  document.addEventListener("htmx:afterRequest", function (event) {
    var xhr = event.detail && event.detail.xhr;
    window.WorkbenchSession.renew(xhr && xhr.getResponseHeader("X-Session-Token"));
  });
  // Show what an expired session says (401 fragments) instead of dropping them.
  document.addEventListener("htmx:beforeSwap", function (event) {
    var status = event.detail.xhr.status;
    if (status === 401 || status === 403 || status === 404 || status === 409 || status === 422) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });
})();
// A form that carries a message back to the LMS (the Deep Linking response) submits itself once it is on the
// page, whether the page was loaded or swapped in by htmx; the noscript button covers browsers without scripts.
(function () {
  "use strict";
  function submitIn(root) {
    var forms = root && root.querySelectorAll ? root.querySelectorAll("form[data-autosubmit]") : [];
    if (root && root.matches && root.matches("form[data-autosubmit]")) { forms = [root]; }
    Array.prototype.forEach.call(forms, function (form) {
      if (form.dataset.submitted) { return; }
      form.dataset.submitted = "true";
      form.submit();
    });
  }
  document.addEventListener("DOMContentLoaded", function () { submitIn(document); });
  document.addEventListener("htmx:load", function (event) { submitIn(event.detail && event.detail.elt); });
})();
// After a page swaps its main part in, focus goes where the page says (data-focus: an element id), else to its
// heading, so keyboard and screen reader users continue from the new content.
(function () {
  "use strict";
  document.addEventListener("htmx:afterSettle", function (event) {
    var main = event.detail && event.detail.elt;
    if (!main || main.id !== "main") { return; }
    var wanted = main.getAttribute("data-focus");
    var target = wanted && document.getElementById(wanted);
    if (!target || target.disabled) { target = main.querySelector("h1"); }
    if (!target) { return; }
    if (!target.hasAttribute("tabindex") && target.tagName === "H1") { target.setAttribute("tabindex", "-1"); }
    target.focus();
  });
})();
// Print buttons, and the PDF download: fetched with the session header and saved as a file, so the LMS frame stays
// on the page and a refusal (session ended, busy) is said next to the button.
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("button[data-print]");
    if (button) { window.print(); }
  });
  function say(form, text) {
    var status = form.querySelector("[data-download-status]");
    if (status) { status.textContent = text; }
  }
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.hasAttribute || !form.hasAttribute("data-with-session")) { return; }
    event.preventDefault();
    var button = form.querySelector("button");
    var body = new URLSearchParams();
    form.querySelectorAll("input[name=learner]").forEach(function (input) { body.append("learner", input.value); });
    button.disabled = true;
    say(form, form.dataset.preparing);
    fetch(form.action, { method: "POST", body: body, credentials: "omit",
      headers: { "Authorization": window.WorkbenchSession.authorization() } })
      .then(function (response) {
        window.WorkbenchSession.renew(response.headers.get("X-Session-Token"));
        if (!response.ok) { throw response.status; }
        var disposition = response.headers.get("Content-Disposition") || "";
        var name = (/filename="([^"]+)"/.exec(disposition) || [null, "workbook.pdf"])[1];
        return response.blob().then(function (blob) {
          var link = document.createElement("a");
          link.href = URL.createObjectURL(blob);
          link.download = name;
          link.hidden = true;
          document.body.appendChild(link);
          link.click();
          link.remove();
          setTimeout(function () { URL.revokeObjectURL(link.href); }, 60000);
          say(form, form.dataset.done);
        });
      })
      .catch(function (status) {
        say(form, status === 401 ? form.dataset.sessionEnded : status === 503 ? form.dataset.busy : form.dataset.failed);
      })
      .then(function () { button.disabled = false; });
  }, true);
})();
