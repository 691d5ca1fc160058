// The emulator plays the LMS's side of LTI Dynamic Registration: when the tool's registration page posts
// org.imsglobal.lti.close, close its frame and say so, as Canvas and Moodle do.
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var main = document.getElementById("main");
    var frame = document.getElementById("registration-frame");
    var status = document.getElementById("close-status");
    var toolOrigin = main.dataset.toolOrigin;
    document.querySelectorAll("form.dr-start").forEach(function (form) {
      form.addEventListener("submit", function () {
        status.hidden = true;
        frame.hidden = false;
      });
    });
    window.addEventListener("message", function (event) {
      var data = event.data || {};
      if (event.origin !== toolOrigin || data.subject !== "org.imsglobal.lti.close") { return; }
      frame.src = "about:blank";
      frame.hidden = true;
      status.textContent = "The tool sent org.imsglobal.lti.close: the registration window is closed. "
        + "Reload this page to see the registration in the list.";
      status.hidden = false;
    });
  });
})();
