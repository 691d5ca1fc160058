// LTI Platform Storage (1EdTech "LTI Client Side postMessages"): keep the login's browser binding in the
// platform's frame instead of a third-party cookie, and read it back at launch.
(function () {
  "use strict";
  var el = document.getElementById("lti-storage");
  if (!el) { return; }
  var mode = el.dataset.mode;
  var origin = el.dataset.origin;
  var key = el.dataset.key;
  var TIMEOUT_MS = 2000;

  function targetFrame(name) {
    try {
      if (!name || name === "_parent") { return window.parent; }
      return window.parent.frames[name] || window.parent;
    } catch (e) {
      return window.parent;
    }
  }

  var target = targetFrame(el.dataset.target);
  var seq = 0;

  function send(message, subject) {
    return new Promise(function (resolve, reject) {
      var id = "ow-" + Date.now() + "-" + (++seq);
      message.message_id = id;
      var timer = setTimeout(function () {
        window.removeEventListener("message", onMessage);
        reject(new Error("timeout"));
      }, TIMEOUT_MS);
      function onMessage(event) {
        if (event.origin !== origin || !event.data || event.data.message_id !== id) { return; }
        if (event.data.subject !== subject + ".response") { return; }
        clearTimeout(timer);
        window.removeEventListener("message", onMessage);
        if (event.data.error) { reject(new Error(event.data.error.code || "error")); } else { resolve(event.data); }
      }
      window.addEventListener("message", onMessage);
      try {
        target.postMessage(message, origin);
      } catch (e) {
        clearTimeout(timer);
        window.removeEventListener("message", onMessage);
        reject(e);
      }
    });
  }

  function supportsStorage() {
    return send({ subject: "lti.capabilities" }, "lti.capabilities").then(function (response) {
      var supported = (response.supported_messages || []).map(function (m) { return m.subject; });
      if (supported.indexOf("lti.put_data") < 0 || supported.indexOf("lti.get_data") < 0) {
        throw new Error("storage not offered");
      }
    });
  }

  if (mode === "put") {
    var next = el.dataset.next;
    // Whatever happens, go on to the platform: the binding cookie is the fallback.
    supportsStorage()
      .then(function () { return send({ subject: "lti.put_data", key: key, value: el.dataset.value }, "lti.put_data"); })
      .catch(function () { /* fall back to the cookie */ })
      .then(function () { window.location.replace(next); });
  } else if (mode === "get") {
    var form = document.getElementById("lti-storage-form");
    supportsStorage()
      .then(function () { return send({ subject: "lti.get_data", key: key }, "lti.get_data"); })
      .then(function (response) { form.elements.ow_storage_value.value = response.value || ""; })
      .catch(function () { /* the server then reports the missing binding */ })
      .then(function () { form.submit(); });
  }
})();
