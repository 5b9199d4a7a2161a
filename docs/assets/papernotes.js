/* papernotes: the Korean/English switch and small page enhancements.
 * The language is applied before first paint by an inline script in overrides/main.html;
 * this file adds the visible control and keeps the choice (localStorage + ?lang=).
 * Text in both languages is switched by CSS (html[data-pn-lang] and .pn-lang[lang]); attributes
 * cannot be, so an element whose aria-label or title exists in both languages carries them as
 * data-pn-ko-<attribute> / data-pn-en-<attribute>, and apply() sets the reader's. */
(function () {
  "use strict";
  var KEY = "papernotes.lang";
  var root = document.documentElement;
  var LABELS = { ko: "한국어", en: "English" };
  var GROUP_LABEL = { ko: "언어", en: "Language" };
  var ATTRIBUTES = ["aria-label", "title", "placeholder"];

  function localiseAttributes(lang) {
    ATTRIBUTES.forEach(function (name) {
      var key = "data-pn-" + lang + "-" + name;
      document.querySelectorAll("[" + key + "]").forEach(function (node) {
        node.setAttribute(name, node.getAttribute(key));
      });
    });
  }

  function current() {
    var lang = root.getAttribute("data-pn-lang");
    return lang === "en" || lang === "ko" ? lang : root.getAttribute("data-pn-default") || "ko";
  }

  function apply(lang, buttons, group) {
    root.setAttribute("data-pn-lang", lang);
    root.setAttribute("lang", lang);  // screen readers and hyphenation follow the switch
    group.setAttribute("aria-label", GROUP_LABEL[lang]);
    localiseAttributes(lang);
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
    var buttons = ["ko", "en"].map(function (lang) {
      var b = document.createElement("button");
      b.type = "button";
      b.className = "pn-toggle__button";
      b.setAttribute("data-lang", lang);
      b.setAttribute("lang", lang);
      b.textContent = LABELS[lang];
      b.addEventListener("click", function () {
        apply(lang, buttons, group);
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
    apply(current(), buttons, group);
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

  // Figures wider than the screen (the statistics on a phone) open at their newest data, the
  // end of the row, and say that they scroll (papernotes-reader.css draws the fade and the hint).
  function scrollFiguresToNewest() {
    document.querySelectorAll(".pn-figure").forEach(function (figure) {
      var update = function () {
        var room = figure.scrollWidth - figure.clientWidth;
        figure.toggleAttribute("data-pn-scrolls", room > 1);
        figure.toggleAttribute("data-pn-more-before", room > 1 && figure.scrollLeft > 1);
      };
      if (figure.scrollWidth - figure.clientWidth > 1) {
        var marks = figure.querySelectorAll("a");
        var newest = marks.length ? marks[marks.length - 1] : null;
        var box = figure.getBoundingClientRect();
        var end = newest ? newest.getBoundingClientRect().right - box.left + figure.scrollLeft + 24 : figure.scrollWidth;
        figure.scrollLeft = Math.max(0, Math.min(figure.scrollWidth, end) - figure.clientWidth);
      }
      update();
      figure.addEventListener("scroll", update, { passive: true });
      window.addEventListener("resize", update);
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
    scrollFiguresToNewest();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
