/* Shared by every part: the course (window.CB_MANIFEST), the string table (window.CB_STRINGS),
   small helpers for text, dates and DOM elements, and the site's URLs. */
const D = document;
const M = window.CB_MANIFEST, S = window.CB_STRINGS;
const P = M ? "cb:" + M.course.id + ":v1:" : "";
let data = {}, mode = "", frame = null, seq = 0, broken = false, notice = "", tell = "", root = null, store = null, page = null, gen = 0;
const calls = {}, pages = {};

const L = D.documentElement.lang || undefined;  // the page's language: Intl formats dates, numbers, plurals for it
// A plural string is {one: …, other: …, _by: "n"}: Intl.PluralRules picks the form for the number v[_by].
const plural = (s, v) => s && typeof s === "object" ? s[new Intl.PluralRules(L).select(+obj(v)[s._by])] || s.other : s;
// a number in a placeholder is written the page's way, as Python's t() writes it (builder/render/strings.py)
const t = (k, v) => String(S[k] == null ? k : plural(S[k], v)).replace(/\{(\w+)\}/g, (x, n) => (v && v[n] != null ? (typeof v[n] === "number" ? num(v[n]) : v[n]) : x));
const obj = v => (v && typeof v === "object" && !Array.isArray(v) ? v : {});
const now = () => new Date().toISOString();
const wait = ms => new Promise(ok => setTimeout(ok, ms));
const pad = n => String(n).padStart(2, "0");
const day = s => { const d = new Date(s); return isNaN(d) ? null : d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate()); };
// Intl formatters are made once per language: toLocaleString makes a new one at every call, about
// 1 ms each on a slow phone, and My progress writes hundreds of figures on a large course. They write
// Latin digits, like the numbers the strings hold ("ar" alone gives ١٢٣ in some browsers, 123 in others).
const formats = {};
const intl = (kind, make) => { const l = D.documentElement.lang || ""; return formats[kind + l] || (formats[kind + l] = make(l ? l + "-u-nu-latn" : undefined)); };
const nice = s => { const d = new Date(s); return isNaN(d) ? "" : intl("date", l => new Intl.DateTimeFormat(l, {dateStyle: "long"})).format(d); };
const hm = s => intl("time", l => new Intl.DateTimeFormat(l, {hour: "2-digit", minute: "2-digit"})).format(new Date(s)); // "saved at 14:05", the learner's way
const when = s => intl("when", l => new Intl.DateTimeFormat(l, {dateStyle: "medium", timeStyle: "short"})).format(new Date(s));
const stamp = s => t("saved_at", {time: day(s) === day(now()) ? hm(s) : when(s)});
// numbers and CPD hours: at most two decimals, the same as Python's number() and hours() ("1.25", "1,5")
const num = n => intl("number", l => new Intl.NumberFormat(l, {maximumFractionDigits: 2})).format(n);
const hours = min => num(min / 60);
const pct = n => intl("pct", l => new Intl.NumberFormat(l, {style: "percent"})).format(n / 100);
const esc = s => String(s).replace(/[&<>"]/g, c => "&#" + c.charCodeAt(0) + ";");
const words = s => { const n = (String(s).match(/\S*[\p{L}\p{N}]\S*/gu) || []).length; return t(n === 1 ? "word" : "words", {n}); }; // a word has a letter or a digit
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
// a table with a header row and a header cell per row; data-label: each value's column, for phones
const table = (caption, head, rows, foot) => h("table", {}, caption ? h("caption", {}, caption) : null,
  h("thead", {}, h("tr", {}, head.map(x => h("th", {scope: "col"}, x)))),
  h("tbody", {}, rows.map(r => h("tr", {}, r.map((x, i) => h(i ? "td" : "th", i ? {"data-label": head[i]} : {scope: "row"}, x))))), foot);
const icon = ok => h("span", {class: "cb-icon", "aria-hidden": "true"}, ok ? "✓" : "✗");
const button = (text, onclick, cls) => h("button", {type: "button", class: "cb-button " + (cls || ""), onclick}, text);

/* ---- URLs: relative to the site root; from disk a folder URL needs its index.html ---- */
function abs(rel, base) {
  const u = new URL(rel, base || root).href;
  return u.startsWith("file:") ? u.replace(/\/(?=#|$)/, "/index.html") : u;
}
// A URL below the site root as a lookup key: no query or fragment, no index.html, one encoding.
// String work only, and only on the URL looked up: the manifest's URLs are keys as they are
// (site-relative, as MkDocs writes them), so marking a 1,000-page course parses none of them.
const same = u => { u = u.replace(/[?#].*$/, "").replace(/index\.html$/, ""); if (!u.includes("%")) return u; try { return decodeURI(u); } catch (_) { return u; } };
let byUrl = null; // page by its site-relative URL
function pageAt(u) { // u: an absolute URL (a link's .href)
  if (!byUrl) {
    byUrl = new Map();
    for (const id in pages) { const k = pages[id].url; byUrl.set(k.includes("%") ? same(k) : k === "./" ? "" : k, pages[id]); }
  }
  return u.startsWith(root.href) ? byUrl.get(same(u.slice(root.href.length))) : undefined;
}
