/* Shared by every part: the course (window.CB_MANIFEST), the string table (window.CB_STRINGS),
   small helpers for text, dates and DOM elements, and the site's URLs. */
const D = document;
const M = window.CB_MANIFEST, S = window.CB_STRINGS;
const P = M ? "cb:" + M.course.id + ":v1:" : "";
let data = {}, mode = "", frame = null, seq = 0, broken = false, notice = "", tell = "", root = null, page = null, gen = 0;
const calls = {}, pages = {};

const t = (k, v) => String(S[k] == null ? k : S[k]).replace(/\{(\w+)\}/g, (x, n) => (v && v[n] != null ? v[n] : x));
const obj = v => (v && typeof v === "object" && !Array.isArray(v) ? v : {});
const now = () => new Date().toISOString();
const wait = ms => new Promise(ok => setTimeout(ok, ms));
const pad = n => String(n).padStart(2, "0");
const day = s => { const d = new Date(s); return isNaN(d) ? null : d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate()); };
const nice = s => { const d = new Date(s); return isNaN(d) ? "" : d.toLocaleDateString(D.documentElement.lang || undefined, {year: "numeric", month: "long", day: "numeric"}); };
const hours = min => (Math.round(min / 60 * 100) / 100).toLocaleString(D.documentElement.lang || undefined);
const esc = s => String(s).replace(/[&<>"]/g, c => "&#" + c.charCodeAt(0) + ";");
const textOf = html => { const e = D.createElement("div"); e.innerHTML = html; return e.textContent.trim(); };

function h(tag, attrs, ...kids) {
  const e = D.createElement(tag);
  for (const k in attrs || {}) {
    const v = attrs[k];
    if (v == null || v === false) continue;
    if (k === "html") e.innerHTML = v;
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? "" : v);
  }
  e.append(...kids.flat().filter(x => x != null && x !== false));
  return e;
}
const icon = ok => h("span", {class: "cb-icon", "aria-hidden": "true"}, ok ? "✓" : "✗");
const button = (text, onclick, cls) => h("button", {type: "button", class: "cb-button " + (cls || ""), onclick}, text);

/* ---- URLs: relative to the site root; from disk a folder URL needs its index.html ---- */
function abs(rel, base) {
  const u = new URL(rel, base || root).href;
  return u.startsWith("file:") ? u.replace(/\/(?=#|$)/, "/index.html") : u;
}
// An absolute URL as a lookup key: no query or fragment, no index.html, one encoding. String work
// only: marking a 1,000-page navigation must not parse 1,000 URLs.
const same = u => { u = u.replace(/[?#].*$/, "").replace(/index\.html$/, ""); try { return decodeURI(u); } catch (_) { return u; } };
let byUrl = null; // page by its URL, built once per site root
function pageAt(u) { // u: an absolute URL (a link's .href)
  if (!byUrl || byUrl.root !== root.href) {
    byUrl = new Map();
    byUrl.root = root.href;
    for (const id in pages) byUrl.set(same(root.href + pages[id].url.replace(/^\.\//, "")), pages[id]);
  }
  return byUrl.get(same(u));
}
