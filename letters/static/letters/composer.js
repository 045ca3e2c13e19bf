/*
 * The composer without page reloads: phrasebook buttons insert their line where the writer's cursor was
 * (or, if they have not put it anywhere yet, at the end on a line of its own), in the letter's language;
 * replacing a draft with a template asks first; the print button prints. Without JavaScript the same
 * buttons submit the form and the server does the work. No dependencies, no requests.
 */
(function () {
  "use strict";

  // Where the writer last put the cursor. A page just loaded (after 'Use this template', say) reports
  // position 0 without anyone having clicked there, so until they do, lines go at the end.
  let caret = null;

  function rememberCaret(event) {
    caret = { start: event.target.selectionStart, end: event.target.selectionEnd };
  }

  function insertPhrase(textarea, text) {
    const value = textarea.value;
    let before, after, gap;
    if (caret) {
      before = value.slice(0, caret.start);
      after = value.slice(caret.end);
      gap = before && !/\s$/.test(before) ? " " : "";
    } else {
      before = value.replace(/[ \t]+$/, "");
      after = "";
      gap = before && !before.endsWith("\n") ? "\n" : "";
    }
    textarea.value = before + gap + text + after;
    const position = before.length + gap.length + text.length;
    textarea.setSelectionRange(position, position);
    caret = { start: position, end: position };
    // censor.js listens for input: the live check runs on the new text.
    textarea.dispatchEvent(new Event("input", { bubbles: true }));
  }

  function inView(element) {
    const box = element.getBoundingClientRect();
    return box.bottom > 0 && box.top < window.innerHeight;
  }

  function acknowledge(button) {
    // On a phone the letter is far above the phrasebook: stay here (no jump, no keyboard) and say it worked.
    const status = document.getElementById("phrase-status");
    if (status) status.textContent = button.dataset.added || "";
    button.classList.add("phrase--added");
    window.setTimeout(() => button.classList.remove("phrase--added"), 1200);
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
        insertPhrase(textarea, phrase.dataset[currentLanguage()] || phrase.dataset.ru);
        if (inView(textarea)) textarea.focus({ preventScroll: true });
        else acknowledge(phrase);
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
    if (textarea) {
      for (const name of ["click", "keyup", "select", "input"]) textarea.addEventListener(name, rememberCaret);
    }
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
