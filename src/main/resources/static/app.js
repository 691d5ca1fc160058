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
    new FormData(form).forEach(function (value, name) { body.append(name, value); });
    body.set("zone", window.WorkbenchTime.zone());
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
// Times and days: the one shape the tool writes them in (static/app.js here, view.Moment on the server), the day as
// the page's language writes it in full, the time on a 24-hour clock, in the reader's own time zone. The server
// writes <time data-when> in UTC; this rewrites them wherever they appear, in pages and in swapped-in parts.
(function () {
  "use strict";
  function language() { return document.documentElement.lang || "en"; }
  function day(date, zone) {
    return new Intl.DateTimeFormat(language(), { year: "numeric", month: "long", day: "numeric", timeZone: zone }).format(date);
  }
  function clock(date) {
    return new Intl.DateTimeFormat(language(), { hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(date);
  }
  window.WorkbenchTime = {
    /** "6 de diciembre de 2026, 04:37" */
    moment: function (date) { return day(date) + ", " + clock(date); },
    /** "04:37" */
    clock: clock,
    /** The browser's time zone ("America/Chicago"), for documents the server writes. */
    zone: function () {
      try { return Intl.DateTimeFormat().resolvedOptions().timeZone || ""; } catch (e) { return ""; }
    }
  };
  function rewrite(root) {
    if (!root || !root.querySelectorAll) { return; }
    root.querySelectorAll("time[data-when]").forEach(function (element) {
      var value = element.getAttribute("datetime");
      if (element.getAttribute("data-when") === "day") {
        // a day has no zone: read and write it as the same calendar day
        element.textContent = day(new Date(value + "T00:00:00Z"), "UTC");
      } else {
        element.textContent = window.WorkbenchTime.moment(new Date(value));
      }
      element.setAttribute("data-local", "");
    });
  }
  document.addEventListener("DOMContentLoaded", function () { rewrite(document); });
  document.addEventListener("htmx:load", function (event) { rewrite(event.detail && event.detail.elt); });
})();
