// The admin's archive import: the file goes as the request body (no multipart), with the admin token the page's
// htmx requests carry, and the panel shows the answer.
(function () {
  "use strict";
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.id !== "privacy-import") { return; }
    event.preventDefault();
    var file = form.querySelector("input[type=file]").files[0];
    if (!file) { return; }
    var headers = JSON.parse(document.body.getAttribute("hx-headers") || "{}");
    headers["Content-Type"] = /\.json$/i.test(file.name) ? "application/json" : "application/zip";
    headers["X-Subject-Map"] = encodeURIComponent(form.querySelector("textarea").value);
    var course = form.querySelector("select").value;
    form.querySelector("button[type=submit]").disabled = true;
    fetch("/admin/privacy/import?course=" + encodeURIComponent(course), { method: "POST", body: file, headers: headers,
      credentials: "omit" })
      .then(function (response) { return response.text(); })
      .then(function (html) {
        var panel = document.getElementById("privacy-panel-content");
        panel.outerHTML = html;
        if (window.htmx) { window.htmx.process(document.getElementById("privacy-panel-content")); }
      });
  });
})();
