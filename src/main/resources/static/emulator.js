// The emulator plays the LMS's side of LTI Platform Storage: it answers lti.capabilities, lti.put_data and
// lti.get_data from the tool's frame, keeping values per origin for this page's lifetime.
(function () {
  "use strict";
  var store = {};
  window.addEventListener("message", function (event) {
    var data = event.data || {};
    if (typeof data.subject !== "string" || data.subject.indexOf("lti.") !== 0) { return; }
    var reply = { subject: data.subject + ".response", message_id: data.message_id };
    var bucket = store[event.origin] = store[event.origin] || {};
    if (data.subject === "lti.capabilities") {
      reply.supported_messages = [{ subject: "lti.capabilities" }, { subject: "lti.put_data" }, { subject: "lti.get_data" }];
    } else if (data.subject === "lti.put_data") {
      bucket[data.key] = data.value;
      reply.key = data.key;
      reply.value = data.value;
    } else if (data.subject === "lti.get_data") {
      reply.key = data.key;
      reply.value = bucket[data.key];
    } else {
      reply.error = { code: "unsupported_subject", message: "Not supported by the emulator" };
    }
    event.source.postMessage(reply, event.origin);
  });
  document.addEventListener("DOMContentLoaded", function () {
    var box = document.getElementById("offer-storage");
    function apply() {
      document.querySelectorAll("input.storage-target").forEach(function (input) { input.disabled = !box.checked; });
    }
    box.addEventListener("change", apply);
    apply();
  });
})();
