/*
 * The composer without page reloads: phrasebook buttons insert their line at the cursor, in the letter's
 * language; replacing a draft with a template asks first; the print button prints. Without JavaScript
 * the same buttons submit the form and the server does the work. No dependencies, no requests.
 */
(function () {
  "use strict";

  function insertAtCursor(textarea, text) {
    const start = textarea.selectionStart ?? textarea.value.length;
    const end = textarea.selectionEnd ?? start;
    const before = textarea.value.slice(0, start);
    const after = textarea.value.slice(end);
    const gap = before && !/[\s]$/.test(before) ? " " : "";
    textarea.value = before + gap + text + after;
    const caret = before.length + gap.length + text.length;
    textarea.setSelectionRange(caret, caret);
    textarea.focus();
    // censor.js listens for input: the live check runs on the new text.
    textarea.dispatchEvent(new Event("input", { bubbles: true }));
  }

  function currentLanguage() {
    const select = document.getElementById("id_language");
    return select ? select.value : "ru";
  }

  function relabelPhrases(language) {
    for (const button of document.querySelectorAll("button.phrase")) {
      const label = button.querySelector(".phrase__text");
      if (label && button.dataset[language]) {
        label.textContent = button.dataset[language];
        label.lang = language;
      }
    }
    const textarea = document.getElementById("id_body");
    if (textarea) textarea.lang = language;
  }

  function init() {
    const textarea = document.getElementById("id_body");
    document.addEventListener("click", (event) => {
      const phrase = event.target.closest("button.phrase");
      if (phrase && textarea) {
        event.preventDefault();
        insertAtCursor(textarea, phrase.dataset[currentLanguage()] || phrase.dataset.ru);
        return;
      }
      const confirming = event.target.closest("[data-confirm]");
      if (confirming && textarea && textarea.value.trim() && !window.confirm(confirming.dataset.confirm)) {
        event.preventDefault();
        return;
      }
      if (event.target.closest("[data-print]")) {
        event.preventDefault();
        window.print();
      }
    });
    const select = document.getElementById("id_language");
    if (select) {
      select.addEventListener("change", () => relabelPhrases(select.value));
      relabelPhrases(select.value);
    }
    for (const hidden of document.querySelectorAll("[data-print]")) hidden.hidden = false;
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
