/* Start-up: once per page, and again after every instant navigation. */
async function init() {
  const mine = ++gen, marker = D.querySelector(".cb-page");
  page = marker ? marker.dataset.cbPage : null;
  root = marker ? new URL((marker.dataset.cbRoot || ".").replace(/\/?$/, "/"), location.href) : window.__md_scope ? new URL(".", window.__md_scope) : null;
  if (!root) return;
  await load();
  if (mine !== gen) return;
  if (pages[page]) save(Object.assign({last: {p: page, d: now()}}, seen(page) ? {} : {["p:" + page]: now()}));
  D.querySelectorAll("form.cb-quiz").forEach(initQuiz);
  D.querySelectorAll("[data-cb-view]").forEach(v => VIEWS[v.dataset.cbView] && VIEWS[v.dataset.cbView](v));
  if (page === "index.md") {
    const h1 = D.querySelector("article h1"), link = resumeLink();
    D.querySelectorAll(".cb-resume").forEach(e => e.remove());
    if (h1 && link) h1.after(link);
  }
  markNav();
  markLinks();
  banner();
  const search = D.querySelector(".md-search[role=dialog]:not([aria-label])"), input = D.querySelector(".md-search__input");
  if (search && input) search.setAttribute("aria-label", input.getAttribute("aria-label")); // the theme's dialog has no name
  D.documentElement.dataset.cbReady = location.href; // for scripts that wait for the runtime
}

// mkdocs-material's document$ emits each page of instant navigation; from file:// with instant
// navigation on, it completes without emitting, so DOMContentLoaded starts the first page too.
let started = null;
function start() { const el = D.querySelector(".cb-page") || D.body; if (el !== started) { started = el; init(); } }
if (D.documentElement.hasAttribute("data-cb-storage")) serveStorage();
else if (M && S) {
  listen();
  M.modules.forEach(m => m.pages.forEach(p => { pages[p.id] = Object.assign({module: m}, p); }));
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(start);
  if (D.readyState === "loading") D.addEventListener("DOMContentLoaded", start); else start();
}
