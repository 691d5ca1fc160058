// Comments on passages: words selected in a student's entry (read-only for staff) fill the comment form's part,
// passage and where the selection began. The server finds the passage by its words; the place is only a hint.
(function () {
  'use strict';

  function capture() {
    var form = document.getElementById('passage-comment-form');
    var selection = window.getSelection();
    if (!form || !selection || selection.isCollapsed || selection.rangeCount === 0) {
      return;
    }
    var quote = selection.toString().replace(/\s+/g, ' ').trim();
    var node = selection.anchorNode;
    var element = node && (node.nodeType === 1 ? node : node.parentElement);
    var rich = element && element.closest('.field [data-rich][contenteditable="false"]');
    if (!quote || !rich) {
      return;
    }
    var before = document.createRange();
    before.selectNodeContents(rich);
    before.setEnd(selection.getRangeAt(0).startContainer, selection.getRangeAt(0).startOffset);
    form.querySelector('[name="field"]').value = rich.closest('.field').getAttribute('data-field');
    form.querySelector('[name="quote"]').value = quote;
    form.querySelector('[name="hint"]').value = String(before.toString().replace(/\s+/g, ' ').replace(/^ /, '').length);
  }

  document.addEventListener('mouseup', capture);
  document.addEventListener('keyup', function (event) {
    if (event.shiftKey) {
      capture();
    }
  });
})();
