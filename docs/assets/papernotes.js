/* papernotes: the Korean/English switch and small page enhancements.
 * The language is applied before first paint by an inline script in overrides/main.html;
 * this file adds the visible control and keeps the choice (localStorage + ?lang=). */
(function () {
  "use strict";
  var KEY = "papernotes.lang";
  var root = document.documentElement;
  var LABELS = { ko: "한국어", en: "English" };

  function current() {
    var lang = root.getAttribute("data-pn-lang");
    return lang === "en" || lang === "ko" ? lang : root.getAttribute("data-pn-default") || "ko";
  }

  function apply(lang, buttons) {
    root.setAttribute("data-pn-lang", lang);
    root.setAttribute("lang", lang);  // screen readers and hyphenation follow the switch
    buttons.forEach(function (b) {
      b.setAttribute("aria-pressed", String(b.getAttribute("data-lang") === lang));
    });
    document.dispatchEvent(new CustomEvent("papernotes:lang", { detail: { lang: lang } }));
  }

  function remember(lang) {
    try { localStorage.setItem(KEY, lang); } catch (e) { /* private mode: the choice lasts this page */ }
    var url = new URL(location.href);
    if (url.searchParams.has("lang")) {
      // Keep the URL truthful, so a reload shows what was chosen, not the old ?lang=.
      url.searchParams.set("lang", lang);
      history.replaceState(history.state, "", url);
    }
  }

  function buildToggle() {
    var group = document.createElement("div");
    group.className = "pn-toggle";
    group.setAttribute("role", "group");
    group.setAttribute("aria-label", "Language / 언어");
    var buttons = ["ko", "en"].map(function (lang) {
      var b = document.createElement("button");
      b.type = "button";
      b.className = "pn-toggle__button";
      b.setAttribute("data-lang", lang);
      b.setAttribute("lang", lang);
      b.textContent = LABELS[lang];
      b.addEventListener("click", function () {
        apply(lang, buttons);
        remember(lang);
      });
      group.appendChild(b);
      return b;
    });
    var header = document.querySelector(".md-header__inner");
    var anchor = header && header.querySelector(".md-header__option, .md-search, .md-header__source");
    if (header && anchor) header.insertBefore(group, anchor);
    else if (header) header.appendChild(group);
    else document.body.insertBefore(group, document.body.firstChild);
    apply(current(), buttons);
  }

  function persistUrlChoice() {
    var lang = new URLSearchParams(location.search).get("lang");
    if (lang === "ko" || lang === "en") {
      try { localStorage.setItem(KEY, lang); } catch (e) { /* ignore */ }
    }
  }

  function enableTagSorting() {
    var list = document.querySelector(".pn-tag-index");
    var controls = document.querySelector(".pn-sort");
    if (!list || !controls) return;
    controls.hidden = false;
    var buttons = Array.prototype.slice.call(controls.querySelectorAll("button[data-sort]"));
    buttons.forEach(function (button) {
      button.addEventListener("click", function () {
        var key = button.getAttribute("data-sort");
        var items = Array.prototype.slice.call(list.children);
        items.sort(function (a, b) {
          var byName = a.getAttribute("data-name").localeCompare(b.getAttribute("data-name"));
          if (key === "name") return byName;
          return Number(b.getAttribute("data-count")) - Number(a.getAttribute("data-count")) || byName;
        });
        items.forEach(function (item) { list.appendChild(item); });
        buttons.forEach(function (b) { b.setAttribute("aria-pressed", String(b === button)); });
      });
    });
  }

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  function bi(ko, en) {
    var frag = document.createDocumentFragment();
    frag.appendChild(el("span", { class: "pn-lang", lang: "ko" }, ko));
    frag.appendChild(el("span", { class: "pn-lang", lang: "en" }, en));
    return frag;
  }

  // DOM helpers shared with papernotes-search.js and papernotes-filter.js (loaded after this file).
  window.papernotes = { el: el, bi: bi };

  function init() {
    persistUrlChoice();
    buildToggle();
    enableTagSorting();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
