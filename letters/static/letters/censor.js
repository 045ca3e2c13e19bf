/*
 * Live letter check: runs the server's censor rules (letters/censor.py, rules_for_client) as the person
 * types. Progressive enhancement only; the server check is authoritative. No dependencies, no requests.
 *
 * Page contract:
 *   <textarea id="id_body">…</textarea>
 *   <div id="censor-flags"></div>
 *   {{ censor_rules|json_script:"censor-rules" }}
 *   <script src="{% static 'letters/censor.js' %}" defer></script>
 */
(function () {
  "use strict";

  const DEBOUNCE_MS = 200;
  const FRAGMENT_PREVIEW = 40;

  function compile(data) {
    return {
      rules: data.rules.map((rule) => ({ ...rule, regex: new RegExp(rule.pattern, data.flags) })),
      length: { ...data.length, wordRegex: new RegExp(data.length.word_pattern, data.flags) },
    };
  }

  function makeFlag(rule, text, start, end) {
    return {
      code: rule.code,
      message: rule.message,
      suggestion: rule.suggestion,
      fragment: text.slice(start, end),
      start,
      end,
    };
  }

  // Mirrors censor._excess_start: the offset where the text first passes the word or character limit.
  function excessStart(text, length) {
    const candidates = [];
    const words = [...text.matchAll(length.wordRegex)];
    if (words.length > length.max_words) candidates.push(words[length.max_words].index);
    let count = 0;
    let offset = 0;
    for (const char of text) {  // by code point, as Python counts
      if (char !== "\r") {
        count += 1;
        if (count > length.max_chars) {
          candidates.push(offset);
          break;
        }
      }
      offset += char.length;
    }
    return candidates.length ? Math.min(...candidates) : null;
  }

  function byPosition(a, b) {
    return a.start - b.start || a.end - b.end || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
  }

  // Mirrors censor.check_letter: flags in text order, one per occurrence.
  function check(text, compiled) {
    const flags = [];
    for (const rule of compiled.rules) {
      for (const match of text.matchAll(rule.regex)) {
        flags.push(makeFlag(rule, text, match.index, match.index + match[0].length));
      }
    }
    const excess = excessStart(text, compiled.length);
    if (excess !== null) flags.push(makeFlag(compiled.length, text, excess, text.length));
    return flags.sort(byPosition);
  }

  function preview(fragment) {
    const flat = fragment.replace(/\s+/g, " ").trim();
    return flat.length > FRAGMENT_PREVIEW ? flat.slice(0, FRAGMENT_PREVIEW) + "…" : flat;
  }

  // One item per distinct (code, word): a word used five times is one thing to fix.
  function distinct(flags) {
    const seen = new Set();
    return flags.filter((flag) => {
      const key = flag.code + "\u0000" + flag.fragment.toLowerCase();
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }

  function renderItem(flag) {
    const item = document.createElement("li");
    item.className = "censor-flag censor-flag--" + flag.code;
    if (flag.code !== "too_long") {
      const quote = document.createElement("q");
      quote.textContent = preview(flag.fragment);
      item.append(quote, " ");
    }
    const message = document.createElement("span");
    message.className = "censor-flag__message";
    message.textContent = flag.message;
    const suggestion = document.createElement("span");
    suggestion.className = "censor-flag__suggestion";
    suggestion.textContent = flag.suggestion;
    item.append(message, " ", suggestion);
    return item;
  }

  function render(container, flags) {
    if (!flags.length) {
      container.replaceChildren();
      return;
    }
    const list = document.createElement("ul");
    list.className = "censor-flags__list";
    list.append(...distinct(flags).map(renderItem));
    container.replaceChildren(list);
  }

  function init() {
    const textarea = document.getElementById("id_body");
    const container = document.getElementById("censor-flags");
    const source = document.getElementById("censor-rules");
    if (!textarea || !container || !source) return;
    let compiled;
    try {
      compiled = compile(JSON.parse(source.textContent));
    } catch (error) {
      return; // an old browser without \p{L} or lookbehind: the server check still runs
    }
    if (!container.hasAttribute("aria-live")) container.setAttribute("aria-live", "polite");

    let timer = null;
    let shown = null;
    const update = () => {
      const flags = check(textarea.value, compiled);
      // Re-render only on change, so screen readers don't hear the same list after every pause.
      const key = JSON.stringify(distinct(flags).map((flag) => [flag.code, flag.fragment.toLowerCase()]));
      if (key === shown) return;
      shown = key;
      render(container, flags);
    };
    textarea.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(update, DEBOUNCE_MS);
    });
    if (textarea.value) update();
  }

  if (typeof module === "object" && module.exports) module.exports = { compile, check };
  if (typeof document !== "undefined") {
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
    else init();
  }
})();
