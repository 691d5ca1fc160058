// LTI Dynamic Registration: the Done (or Close) button tells the platform that opened the registration to close it.
// Canvas frames the registration and Moodle opens it in a dialog or window; both listen for org.imsglobal.lti.close
// (target origin "*", as the specification and Canvas's documentation give it).
(function () {
  "use strict";
  var CLOSE = { subject: "org.imsglobal.lti.close" };

  function closeRegistration() {
    var told = false;
    if (window.parent && window.parent !== window) {
      window.parent.postMessage(CLOSE, "*");
      told = true;
    }
    if (window.opener && !window.opener.closed) {
      window.opener.postMessage(CLOSE, "*");
      told = true;
    }
    if (!told) {
      // Opened on its own (not by a platform): nobody to tell, so say the window may be closed.
      var note = document.getElementById("registration-closed");
      if (note) { note.hidden = false; }
    }
  }

  function wire() {
    document.querySelectorAll("[data-lti-close]").forEach(function (button) {
      button.addEventListener("click", closeRegistration);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", wire);
  } else {
    wire();
  }
})();
