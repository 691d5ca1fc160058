// Organizing Workbench: the workbook page. Every field saves itself about 2 s after typing stops, based on the
// revision it last saw (the server refuses a save based on an old revision: then both versions are shown). Until
// the server has it, what was typed is also kept on this device (localStorage, else memory), so closing the tab,
// losing the network or an ended session loses nothing: the next visit puts it back and saves it.
// UI texts come from the page (#workbook-texts), never from this file.
(function () {
  "use strict";
  var DEBOUNCE_MS = 2000;
  var RETRY_MS = [2000, 4000, 8000, 15000, 30000];
  var memory = {};
  var store = (function () {
    try {
      var probe = "owb-probe";
      window.localStorage.setItem(probe, probe);
      window.localStorage.removeItem(probe);
      return window.localStorage;
    } catch (e) {
      return null;
    }
  })();
  var fields = [];
  var lastSavedAt = null;

  // ---- drafts kept on this device until the server has them
  function readDraft(key) {
    try {
      var text = store ? store.getItem(key) : memory[key];
      return text ? JSON.parse(text) : null;
    } catch (e) {
      return null;
    }
  }
  function writeDraft(key, draft) {
    var text = JSON.stringify(draft);
    try {
      if (store) { store.setItem(key, text); } else { memory[key] = text; }
    } catch (e) {
      memory[key] = text;
    }
  }
  function dropDraft(key) {
    try { if (store) { store.removeItem(key); } } catch (e) { /* nothing kept there */ }
    delete memory[key];
  }

  function newSaveId() {
    if (window.crypto && window.crypto.randomUUID) { return window.crypto.randomUUID(); }
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }
  function text(name) {
    var texts = document.getElementById("workbook-texts");
    return texts ? texts.getAttribute("data-" + name) || "" : "";
  }

  // ---- reading and writing a field's value in the page, by field type
  function own(container, selector) {
    // The element of this field, not of a field nested in one of its table cells.
    return Array.prototype.filter.call(container.querySelectorAll(selector), function (el) {
      var holder = el.closest("[data-column], [data-field]");
      return holder === container;
    });
  }
  // One entry per field type: how its value is read from the page and written back into it (the server's
  // counterpart is the workbook's AnswerModel). A type not listed is a single input or select.
  var FIELD_TYPES = {
    longText: {
      read: function (container) { return own(container, "[data-rich]")[0].innerHTML; },
      write: function (container, value) { own(container, "[data-rich]")[0].innerHTML = value || ""; }
    },
    list: {
      read: function (container) {
        return own(container, "[data-item] input").map(function (i) { return i.value; })
          .filter(function (v) { return v.trim() !== ""; });
      },
      write: function (container, value) {
        own(container, "[data-item]").forEach(function (item) { item.remove(); });
        (value || []).forEach(function (item) { addRow(container).querySelector("input").value = item; });
      }
    },
    table: {
      read: function (container) {
        return own(container, "[data-row]").map(function (row) {
          var cells = {};
          row.querySelectorAll("[data-column]").forEach(function (cell) {
            cells[cell.dataset.column] = valueOf(cell, cell.dataset.type);
          });
          return cells;
        });
      },
      write: function (container, value) {
        own(container, "[data-row]").forEach(function (row) { row.remove(); });
        (value || []).forEach(function (cells) {
          var row = addRow(container);
          row.querySelectorAll("[data-column]").forEach(function (cell) {
            setValue(cell, cell.dataset.type, cells[cell.dataset.column]);
          });
        });
      }
    },
    person: {
      read: function (container) {
        var person = {};
        own(container, "[data-part]").forEach(function (el) { person[el.dataset.part] = el.value; });
        return person;
      },
      write: function (container, value) {
        own(container, "[data-part]").forEach(function (el) { el.value = (value || {})[el.dataset.part] || ""; });
      }
    },
    choice: {
      read: function (container) {
        var boxes = own(container, "input");
        var chosen = boxes.filter(function (b) { return b.checked; }).map(function (b) { return b.value; });
        return boxes.length && boxes[0].type === "checkbox" ? chosen : (chosen[0] || "");
      },
      write: function (container, value) {
        own(container, "input").forEach(function (b) {
          b.checked = Array.isArray(value) ? value.indexOf(b.value) >= 0 : b.value === value;
        });
      }
    },
    single: {
      read: function (container) {
        var input = own(container, "input, select")[0];
        return input ? input.value : "";
      },
      write: function (container, value) {
        var input = own(container, "input, select")[0];
        if (input && input.tagName === "SELECT") { keepOption(input, value || ""); }
        if (input) { input.value = value === null || value === undefined ? "" : value; }
      }
    }
  };
  function fieldType(type) {
    return FIELD_TYPES[type] || FIELD_TYPES.single;
  }
  function valueOf(container, type) {
    return fieldType(type).read(container);
  }
  function setValue(container, type, value) {
    fieldType(type).write(container, value);
    countWords(container);
  }
  // ---- a column chosen from the team's own list (the snowflake's "developed by"): the names written in the
  // source column of the same table, never free text; a name no longer on the list stays, marked as such.
  function keepOption(select, value) {
    if (value === "" || Array.prototype.some.call(select.options, function (o) { return o.value === value; })) { return; }
    var option = document.createElement("option");
    option.value = value;
    option.textContent = (select.dataset.missing || "{0}").replace("{0}", value);
    select.appendChild(option);
  }
  function refreshPicks(table) {
    var selects = table.querySelectorAll("select[data-pick-from]");
    if (!selects.length) { return; }
    var from = selects[0].dataset.pickFrom;
    var names = [];
    table.querySelectorAll("[data-column='" + from + "']").forEach(function (cell) {
      var input = cell.querySelector("[data-part=name]") || cell.querySelector("input");
      var name = input ? input.value.trim() : "";
      if (name && names.indexOf(name) < 0) { names.push(name); }
    });
    selects.forEach(function (select) {
      var chosen = select.value;
      var row = select.closest("[data-row]");
      var mine = row && row.querySelector("[data-column='" + from + "'] [data-part=name], [data-column='" + from + "'] input");
      var self = mine ? mine.value.trim() : "";
      while (select.options.length > 1) { select.remove(1); }
      names.filter(function (name) { return name !== self; }).forEach(function (name) {
        var option = document.createElement("option");
        option.value = name;
        option.textContent = name;
        select.appendChild(option);
      });
      keepOption(select, chosen);
      select.value = chosen;
    });
  }
  /** The exercise's status as the student writes: not started becomes a draft, a submitted one "changed since". */
  function showWritten() {
    var status = document.getElementById("exercise-status");
    if (!status) { return; }
    var now = { NOT_STARTED: "DRAFT", SUBMITTED: "CHANGED_SINCE_SUBMITTED" }[status.dataset.status];
    if (!now) { return; }
    status.classList.remove("status-" + status.dataset.status);
    status.classList.add("status-" + now);
    status.dataset.status = now;
    status.textContent = text(now === "DRAFT" ? "status-draft" : "status-changed");
  }
  var rowCounter = 0;
  function addRow(container) {
    var template = own(container, "template")[0];
    var list = own(container, "[data-rows], [data-items]")[0];
    var html = template.innerHTML.replace(/XROWX/g, "n" + (rowCounter++));
    list.insertAdjacentHTML("beforeend", html);
    numberRows(list);
    return list.lastElementChild;
  }
  /** Rows are named by their place ("Row 3"), after adding or removing one too. */
  function numberRows(list) {
    var label = list && list.dataset.rowLabel;
    if (!label) { return; }
    Array.prototype.filter.call(list.children, function (row) { return row.hasAttribute("data-row"); }).forEach(function (row, index) {
      var legend = row.querySelector("legend");
      if (legend) { legend.textContent = label.replace("{0}", index + 1); }
    });
  }
  function countWords(container) {
    // every long text of the field, those in its table's cells too
    container.querySelectorAll("[data-rich]").forEach(function (rich) {
      var counter = rich.parentNode.querySelector("[data-words]");
      if (!counter) { return; }
      var words = (rich.innerText || "").trim();
      var count = words ? words.split(/\s+/).length : 0;
      counter.textContent = count;
      var limit = parseInt(counter.parentNode.dataset.limit, 10);
      counter.parentNode.classList.toggle("over-limit", limit > 0 && count > limit);
    });
  }

  // ---- one field's saving
  function Field(form, container) {
    this.container = container;
    this.type = container.dataset.type;
    this.url = form.dataset.saveBase + container.dataset.field;
    this.key = "owb:" + form.dataset.author + ":" + form.dataset.exercise + ":" + container.dataset.field;
    this.base = parseInt(container.dataset.revision, 10) || 0;
    this.dirty = false;
    this.inFlight = false;
    this.conflict = null;
    this.problem = null;
    this.attempt = 0;
    this.timer = null;
  }
  Field.prototype.changed = function () {
    this.dirty = true;
    this.problem = this.problem === "offline" || this.problem === "retrying" ? this.problem : null;
    writeDraft(this.key, { base: this.base, value: valueOf(this.container, this.type) });
    this.schedule(DEBOUNCE_MS);
    render();
  };
  Field.prototype.schedule = function (delay) {
    var field = this;
    clearTimeout(field.timer);
    field.timer = setTimeout(function () { field.send(); }, delay);
  };
  Field.prototype.send = function () {
    var field = this;
    clearTimeout(field.timer);
    if (field.inFlight || field.conflict || !field.dirty || !document.body.contains(field.container)) { return; }
    var value = valueOf(field.container, field.type);
    var saveId = newSaveId();
    var sentBase = field.base;
    writeDraft(field.key, { base: sentBase, value: value, saveId: saveId });
    field.dirty = false;
    field.inFlight = true;
    render();
    fetch(field.url, {
      method: "PUT",
      headers: { "Content-Type": "application/json", "Accept": "application/json",
        "Authorization": window.WorkbenchSession.authorization() },
      body: JSON.stringify({ base: sentBase, value: value, saveId: saveId }),
      credentials: "omit"
    }).then(function (response) {
      window.WorkbenchSession.renew(response.headers.get("X-Session-Token"));
      return response.json().catch(function () { return {}; }).then(function (body) {
        field.answered(response.status, body, value);
      });
    }).catch(function () {
      field.failed("offline");
    }).then(function () {
      field.inFlight = false;
      if (field.dirty && !field.conflict && !field.problem) { field.schedule(DEBOUNCE_MS); }
      render();
    });
  };
  Field.prototype.answered = function (status, body, sent) {
    if (status === 200) {
      if (body.revision !== this.base) { showWritten(); }
      this.base = body.revision;
      this.container.dataset.revision = body.revision;
      this.problem = null;
      this.attempt = 0;
      lastSavedAt = new Date(body.savedAt);
      document.body.dispatchEvent(new CustomEvent("workbook:saved"));
      if (this.dirty) {
        writeDraft(this.key, { base: this.base, value: valueOf(this.container, this.type) });
      } else {
        dropDraft(this.key);
      }
    } else if (status === 409) {
      this.dirty = true;
      this.showConflict(body, sent);
    } else if (status === 401) {
      this.dirty = true;
      this.problem = "session";
    } else if (status === 422 || status === 413) {
      this.dirty = true;
      this.problem = "invalid";
    } else {
      this.failed("retrying");
    }
  };
  Field.prototype.failed = function (problem) {
    var field = this;
    field.dirty = true;
    field.problem = problem;
    var delay = RETRY_MS[Math.min(field.attempt++, RETRY_MS.length - 1)];
    clearTimeout(field.timer);
    field.timer = setTimeout(function () { field.problem = null; field.send(); }, delay);
  };
  Field.prototype.showConflict = function (body) {
    this.conflict = body;
    var box = this.container.querySelector("[data-conflict]");
    box.querySelector("[data-mine]").textContent = body.mine || "";
    box.querySelector("[data-theirs]").textContent = body.theirs || "";
    box.hidden = false;
    box.focus();
  };
  Field.prototype.resolve = function (keepMine) {
    var conflict = this.conflict;
    this.conflict = null;
    this.container.querySelector("[data-conflict]").hidden = true;
    this.base = conflict.revision;
    this.container.dataset.revision = conflict.revision;
    if (keepMine) {
      this.dirty = true;
      this.send();
    } else {
      setValue(this.container, this.type, conflict.value);
      this.dirty = false;
      dropDraft(this.key);
    }
    render();
  };
  /** A draft this device kept from an earlier visit goes back into the field and is saved. */
  Field.prototype.recover = function () {
    var draft = readDraft(this.key);
    if (!draft) { return false; }
    if (JSON.stringify(draft.value) === JSON.stringify(valueOf(this.container, this.type))) {
      dropDraft(this.key);
      return false;
    }
    setValue(this.container, this.type, draft.value);
    // Based on an older revision than the page shows: the server will answer with a conflict, and both are shown.
    this.base = typeof draft.base === "number" ? draft.base : this.base;
    this.dirty = true;
    this.send();
    return true;
  };

  function busy() {
    return fields.some(function (f) { return f.dirty || f.inFlight || f.conflict; });
  }
  function render() {
    var state = document.getElementById("save-state");
    if (!state) { return; }
    var name = "saved";
    var message = lastSavedAt ? text("saved-at").replace("{0}", window.WorkbenchTime.clock(lastSavedAt)) : text("saved");
    var has = function (test) { return fields.some(test); };
    if (has(function (f) { return f.conflict; })) { name = "conflict"; message = text("conflict"); }
    else if (has(function (f) { return f.problem === "session"; })) { name = "session"; message = text("session"); }
    else if (has(function (f) { return f.problem === "invalid"; })) { name = "invalid"; message = text("invalid"); }
    else if (has(function (f) { return f.problem === "offline"; }) || !navigator.onLine) { name = "offline"; message = text("offline"); }
    else if (has(function (f) { return f.problem === "retrying"; })) { name = "retrying"; message = text("retrying"); }
    else if (has(function (f) { return f.inFlight; })) { name = "saving"; message = text("saving"); }
    else if (has(function (f) { return f.dirty; })) { name = "pending"; message = text("pending"); }
    if (state.dataset.state !== name || state.textContent !== message) {
      state.dataset.state = name;
      state.textContent = message;
    }
    fields.forEach(function (f) {
      var note = f.container.querySelector("[data-field-state]");
      if (note) { note.textContent = f.problem === "invalid" ? text("invalid") : ""; }
    });
  }
  function flushAll() {
    fields.forEach(function (f) { if (f.problem !== "invalid") { f.problem = null; } f.send(); });
  }
  function fieldOf(target) {
    var container = target.closest && target.closest("[data-field]");
    if (!container) { return null; }
    for (var i = 0; i < fields.length; i++) {
      if (fields[i].container === container) { return fields[i]; }
    }
    return null;
  }

  // ---- rich text: a toolbar, links without window.prompt (blocked in cross-origin frames), clean pastes
  var ALLOWED = { P: 1, BR: 1, UL: 1, OL: 1, LI: 1, EM: 1, STRONG: 1, A: 1 };
  var RENAME = { B: "STRONG", I: "EM", DIV: "P", H1: "P", H2: "P", H3: "P", H4: "P", H5: "P", H6: "P" };
  function clean(node, into) {
    Array.prototype.forEach.call(node.childNodes, function (child) {
      if (child.nodeType === 3) { into.appendChild(document.createTextNode(child.nodeValue)); return; }
      if (child.nodeType !== 1 || /^(SCRIPT|STYLE|META|TITLE|XML)$/.test(child.tagName)) { return; }
      var name = RENAME[child.tagName] || child.tagName;
      if (!ALLOWED[name]) { clean(child, into); return; }
      var copy = document.createElement(name);
      if (name === "A" && /^(https?:|mailto:)/i.test(child.getAttribute("href") || "")) {
        copy.setAttribute("href", child.getAttribute("href"));
      }
      clean(child, copy);
      into.appendChild(copy);
    });
    return into;
  }
  function pasteInto(event) {
    var data = event.clipboardData;
    if (!data) { return; }
    event.preventDefault();
    var html = data.getData("text/html");
    var holder = document.createElement("div");
    if (html) {
      // A parsed document shares the page's policy: style and event attributes from a word processor would be
      // reported as violations even though nothing of them is kept, so they go before parsing.
      var quiet = html.replace(/<[^>]*>/g, function (tag) {
        return tag.replace(/\s(?:style|on[a-z]+)\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+)/gi, "");
      });
      clean(new DOMParser().parseFromString(quiet, "text/html").body, holder);
    } else {
      data.getData("text/plain").split(/\r?\n\s*\r?\n|\r?\n/).forEach(function (line) {
        if (line.trim() === "") { return; }
        var p = document.createElement("p");
        p.textContent = line;
        holder.appendChild(p);
      });
    }
    document.execCommand("insertHTML", false, holder.innerHTML);
  }
  function command(button) {
    var editor = document.getElementById(button.closest("[role=toolbar]").getAttribute("aria-controls"));
    editor.focus();
    if (button.dataset.command !== "createLink") {
      document.execCommand(button.dataset.command, false, null);
      return;
    }
    var selection = window.getSelection();
    var range = selection.rangeCount ? selection.getRangeAt(0) : null;
    var box = button.parentNode.querySelector(".link-box");
    if (!box) {
      box = document.createElement("span");
      box.className = "link-box";
      var input = document.createElement("input");
      input.type = "url";
      input.setAttribute("aria-label", button.dataset.prompt);
      input.placeholder = "https://";
      box.appendChild(input);
      button.parentNode.appendChild(box);
    }
    var field = box.querySelector("input");
    field.value = "";
    field.onkeydown = function (e) {
      if (e.key !== "Enter" && e.key !== "Escape") { return; }
      e.preventDefault();
      var url = field.value.trim();
      box.remove();
      editor.focus();
      if (e.key === "Enter" && /^(https?:\/\/|mailto:)/i.test(url) && range) {
        selection.removeAllRanges();
        selection.addRange(range);
        document.execCommand("createLink", false, url);
        editor.dispatchEvent(new Event("input", { bubbles: true }));
      }
    };
    field.focus();
  }

  // ---- wiring, on a full load and after htmx swaps a page in
  function init(root) {
    var form = root && root.matches && root.matches("form#answers") ? root
      : root && root.querySelector ? root.querySelector("form#answers") : null;
    if (!form || form.dataset.wired) { return; }
    form.dataset.wired = "true";
    fields = [];
    if (form.dataset.readonly === "true") { return; }
    form.querySelectorAll(":scope > [data-field]").forEach(function (container) {
      fields.push(new Field(form, container));
      refreshPicks(container);
    });
    var recovered = fields.filter(function (f) { return f.recover(); }).length > 0;
    if (recovered) {
      var notice = document.createElement("p");
      notice.className = "notice";
      notice.setAttribute("role", "status");
      notice.textContent = text("restored-local");
      form.parentNode.insertBefore(notice, form);
    }
    form.addEventListener("input", function (event) {
      var field = fieldOf(event.target);
      if (field) {
        countWords(field.container);
        if (event.target.tagName !== "SELECT") { refreshPicks(field.container); }
        field.changed();
      }
    });
    form.addEventListener("change", function (event) {
      var field = fieldOf(event.target);
      if (field) { field.changed(); }
    });
    form.addEventListener("paste", function (event) {
      if (event.target.closest && event.target.closest("[data-rich]")) { pasteInto(event); }
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("click", function (event) {
      var button = event.target.closest("button");
      if (!button || !form.contains(button)) { return; }
      var field = fieldOf(button);
      if (button.dataset.command) { command(button); }
      else if (button.hasAttribute("data-add") && field) {
        var row = addRow(button.closest("[data-field], [data-column]"));
        refreshPicks(field.container);
        var first = row.querySelector("input, textarea, [data-rich]");
        if (first) { first.focus(); }
        field.changed();
      } else if (button.hasAttribute("data-remove") && field) {
        var group = button.closest("fieldset.group");
        var list = button.closest("[data-rows]");
        button.closest("[data-row], [data-item]").remove();
        numberRows(list);
        refreshPicks(field.container);
        var add = group && group.querySelector("[data-add]");
        if (add) { add.focus(); }
        field.changed();
      } else if (button.hasAttribute("data-keep-mine") && field) { field.resolve(true); }
      else if (button.hasAttribute("data-use-theirs") && field) { field.resolve(false); }
    });
    render();
  }

  window.addEventListener("online", function () { flushAll(); render(); });
  window.addEventListener("offline", render);
  window.addEventListener("pagehide", flushAll);
  window.addEventListener("beforeunload", function (event) {
    if (busy()) {
      flushAll();
      event.preventDefault();
      event.returnValue = text("leave");
      return event.returnValue;
    }
  });
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden") { flushAll(); }
  });
  // Submitting waits until every answer is saved; a conflict must be settled first.
  document.addEventListener("htmx:confirm", function (event) {
    var form = event.target;
    if (!form || form.id !== "submit-form" || !busy()) { return; }
    event.preventDefault();
    if (fields.some(function (f) { return f.conflict || f.problem === "invalid" || f.problem === "session"; })) {
      render();
      return;
    }
    flushAll();
    var wait = setInterval(function () {
      if (!busy()) { clearInterval(wait); event.detail.issueRequest(true); }
    }, 200);
  });
  // Leaving the page inside the frame (htmx swaps another page in): send what is pending first.
  document.addEventListener("htmx:beforeSwap", function () { flushAll(); });
  document.addEventListener("DOMContentLoaded", function () { init(document); });
  document.addEventListener("htmx:load", function (event) { init(event.detail && event.detail.elt); });
})();
