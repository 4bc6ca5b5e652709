/* Start-up: once per page, and again after every instant navigation. Each quiz, each learner page
   and the navigation marks start on their own: one that fails is reported (console and a notice
   where it is) and the rest of the page works. */
let live = []; // what redraws this page's parts when another tab changes the learner's data

function guard(message, where, fn) { // message: what the notice in `where` says when fn fails
  try { return fn(); } catch (e) {
    console.error("Course Builder: " + (where ? where.className : "the navigation marks") + " could not start", e);
    if (where && !where.querySelector(":scope > .cb-failed")) where.prepend(h("p", {class: "cb-failed", role: "alert"}, h("span", {"aria-hidden": "true"}, "⚠ "), t(message)));
  }
}
function refresh() { live.forEach(f => guard("part_failed", null, f)); guard("part_failed", null, markNav); }

async function init() {
  const mine = ++gen, marker = D.querySelector(".cb-page"), t0 = performance.now();
  page = marker ? marker.dataset.cbPage : null;
  root = marker ? new URL((marker.dataset.cbRoot || ".").replace(/\/?$/, "/"), location.href) : window.__md_scope ? new URL(".", window.__md_scope) : null;
  store = marker && marker.dataset.cbStore ? new URL(marker.dataset.cbStore, location.href) : root && new URL("storage.html", root); // one for every language
  D.querySelectorAll("form.cb-quiz").forEach(f => f.addEventListener("submit", e => e.preventDefault())); // never a native submit
  if (!root) return;
  await load();
  if (mine !== gen) return;
  live = [];
  const visit = pages[page] && save({last: {p: page, d: now()}, ["l:" + page]: union(data["l:" + page], L)});
  await guard("part_failed", null, watchReading);
  D.querySelectorAll("form.cb-quiz").forEach(f => guard("quiz_failed", f, () => initQuiz(f)));
  const views = D.querySelectorAll("[data-cb-view]");
  let VIEWS = null;
  if (views.length) try { VIEWS = await learnerPages(); } catch (e) { guard("part_failed", views[0], () => { throw e; }); }
  if (mine !== gen) return;
  if (VIEWS) views.forEach(v => VIEWS[v.dataset.cbView] && guard("part_failed", v, () => live.push(VIEWS[v.dataset.cbView](v))));
  guard("part_failed", null, markNav);
  guard("part_failed", null, markLinks);
  banner();
  const search = D.querySelector(".md-search[role=dialog]:not([aria-label])"), input = D.querySelector(".md-search__input");
  if (search && input) search.setAttribute("aria-label", input.getAttribute("aria-label")); // the theme's dialog has no name
  await visit; // from file:// the visit travels to storage.html: ready means it is stored
  if (mine !== gen) return;
  D.documentElement.dataset.cbReady = location.href; // for scripts that wait for the runtime
  performance.measure("cb:start", {start: t0}); // the runtime's own start-up, for the benchmark
}

// The learner pages' parts (course-pages.js, beside this script) load only where a page shows one.
const HERE = D.currentScript ? D.currentScript.src : "";
let part = null;
function learnerPages() {
  return part = part || new Promise((ok, no) => D.head.append(h("script", {src: new URL("course-pages.js", HERE).href,
    onload: () => (window.CB_PAGES ? ok(window.CB_PAGES(shared())) : no(Error("course-pages.js"))), onerror: () => { part = null; no(Error("course-pages.js")); }})));
}

// mkdocs-material's document$ emits each page of instant navigation; from file:// with instant
// navigation on, it completes without emitting, so the first page starts on its own: at once when
// its marker is there (this script comes last in <body>, so the page above it is parsed), not
// after the theme's own start-up at DOMContentLoaded, which takes longer than ours.
let started = null;
function start() { const el = D.querySelector(".cb-page") || D.body; if (el !== started) { started = el; init(); } }
if (D.documentElement.hasAttribute("data-cb-storage")) serveStorage();
else if (M && S) {
  listen();
  M.modules.forEach(m => m.pages.forEach(p => { pages[p.id] = Object.assign({module: m}, p); }));
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(start);
  if (D.readyState !== "loading" || D.querySelector(".cb-page")) start(); else D.addEventListener("DOMContentLoaded", start);
}
