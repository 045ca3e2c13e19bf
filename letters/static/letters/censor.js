/*
 * The live letter check: after a pause in typing, ask the server's check (views.check, the same
 * letters.censor the form uses) and show its flags. No rules here, so there is one engine; without
 * JavaScript the form's own "Check my letter" does the same. Same-origin only; the text is not kept.
 *
 * Page contract:
 *   <form> with {% csrf_token %} and <textarea id="id_body">
 *   <div id="censor-flags" data-check-url="{% url 'letters:check' %}">…server-rendered flags…</div>
 */
(function () {
  "use strict";

  const DEBOUNCE_MS = 350;

  function init() {
    const textarea = document.getElementById("id_body");
    const container = document.getElementById("censor-flags");
    const token = textarea && textarea.form && textarea.form.querySelector("[name=csrfmiddlewaretoken]");
    if (!textarea || !container || !container.dataset.checkUrl || !token || !window.fetch) return;

    let timer = null;
    let asked = 0; // answers can arrive out of order: only the latest question's answer is shown
    let shown = container.innerHTML.trim();

    async function update() {
      const question = ++asked;
      let answer;
      try {
        const response = await fetch(container.dataset.checkUrl, {
          method: "POST",
          credentials: "same-origin",
          headers: { "Content-Type": "application/json", "X-CSRFToken": token.value },
          body: JSON.stringify({ text: textarea.value }),
        });
        if (!response.ok) return; // over the limit or offline: the form's own check still works
        answer = await response.json();
      } catch (error) {
        return;
      }
      if (question !== asked) return;
      const html = answer.html.trim();
      // Replace only on change, so screen readers don't hear the same list after every pause.
      if (html === shown) return;
      shown = html;
      container.innerHTML = html;
    }

    textarea.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(update, DEBOUNCE_MS);
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
