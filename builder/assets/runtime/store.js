/* The store: one operation on localStorage (run here or inside storage.html), a cache of every key,
   written through; from file:// the operations travel to storage.html by postMessage. A write
   merges against what is stored now (format.js), so a tab holding an old copy loses nothing. */
const parse = s => { try { return s == null ? undefined : JSON.parse(s); } catch (_) { return undefined; } };

function op(m) { // {op: "all"} -> {key: raw}; {op: "set", set: {key: raw | null}, merge} -> {key: raw stored}
  const ls = localStorage, P = String(m.prefix);
  if (!/^cb:.+:v1:$/.test(P)) throw Error("prefix");
  if (m.op === "all") {
    const out = {};
    for (let i = 0; i < ls.length; i++) {
      const k = ls.key(i);
      if (k.startsWith(P)) out[k.slice(P.length)] = ls.getItem(k);
    }
    return out;
  }
  const old = {}, out = {}; // all or nothing: undo the keys written so far
  try {
    for (const k in m.set) {
      let v = m.set[k];
      old[k] = ls.getItem(P + k);
      if (v != null && m.merge) v = JSON.stringify(merge(k, parse(old[k]), JSON.parse(v)));
      v == null ? ls.removeItem(P + k) : ls.setItem(P + k, v);
      out[k] = v;
    }
  } catch (e) {
    for (const k in old) try { old[k] == null ? ls.removeItem(P + k) : ls.setItem(P + k, old[k]); } catch (_) { /* best effort */ }
    throw e;
  }
  return out;
}

function serveStorage() { // this is storage.html: answer the parent page, and tell it what other tabs write
  if (location.protocol !== "file:") return;
  addEventListener("message", e => {
    const m = e.data;
    if (e.source !== parent || !m || m.cb !== "req") return;
    let r;
    try { r = {ok: true, data: op(m)}; } catch (_) { r = {ok: false}; }
    r.cb = "res"; r.id = m.id;
    parent.postMessage(r, "*");
  });
  addEventListener("storage", e => { if (e.key && /^cb:.+:v1:/.test(e.key)) parent.postMessage({cb: "evt", key: e.key, value: e.newValue}, "*"); });
}

function send(m) {
  m.prefix = P;
  if (mode === "local") return new Promise(ok => ok(op(m)));
  return new Promise((ok, no) => {
    const id = ++seq;
    calls[id] = r => (r.ok ? ok(r.data) : no(Error("refused")));
    m.cb = "req"; m.id = id;
    frame.contentWindow.postMessage(m, "*");
    wait(4000).then(() => calls[id] && (delete calls[id], no(Error("timeout"))));
  });
}

function accept(k, v) { // a value of the storage format, answers shaped for their questions
  const q = kindOf(k) === "q" && M.quizzes[k.slice(2)];
  return valid(k, v) && (!q || fitsQuiz(v, q.questions));
}

function listen() { // answers from storage.html; what other tabs write (from file://, through storage.html)
  addEventListener("message", e => {
    const r = e.data;
    if (!frame || e.source !== frame.contentWindow || !r) return;
    if (r.cb === "res" && calls[r.id]) { calls[r.id](r); delete calls[r.id]; }
    if (r.cb === "evt") changed(r.key, r.value);
  });
  addEventListener("storage", e => { if (mode === "local") changed(e.key, e.newValue); });
}
function changed(key, raw) {
  if (!key || !key.startsWith(P)) return;
  const k = key.slice(P.length), v = parse(raw);
  if (raw == null) delete data[k]; else if (accept(k, v)) data[k] = v; else return;
  clearTimeout(changed.timer);
  changed.timer = setTimeout(refresh, 30);
}

async function load() {
  let raw = null;
  if (!mode) mode = location.protocol === "file:" ? "frame" : "local";
  if (mode === "frame") {
    try {
      if (!frame) {
        frame = h("iframe", {src: store.href, hidden: true, "aria-hidden": "true", tabindex: "-1"});
        frame.ready = new Promise(ok => frame.addEventListener("load", ok, {once: true}));
        D.body.append(frame);
      }
      raw = await Promise.race([frame.ready.then(() => send({op: "all"})), wait(3000).then(() => { throw Error("timeout"); })]);
    } catch (_) { mode = "local"; notice = t("frame_failed"); }
  }
  try { raw = raw || await send({op: "all"}); } catch (_) { raw = {}; broken = true; }
  for (const k in data) delete data[k]; // emptied in place: course-pages.js holds this object
  const aside = {};
  for (const k in raw) {
    const v = parse(raw[k]);
    if (accept(k, v)) data[k] = v;
    else if (kindOf(k)) { aside[k] = null; aside["x:" + k] = JSON.stringify({v: raw[k], d: now()}); }
  } // unknown keys are left alone
  const n = Object.keys(aside).length / 2;
  if (n && await send({op: "set", set: aside}).then(() => true, () => false)) {
    for (const k in aside) if (aside[k]) data[k] = parse(aside[k]);
    tell = t("set_aside", {n});
  }
}

function save(changes, replace) { // {key: value | undefined (delete)} -> Promise<bool>; failures are shown
  const set = {};
  for (const k in changes) {
    const v = changes[k];
    if (v === undefined) { delete data[k]; set[k] = null; } else { data[k] = replace ? v : merge(k, data[k], v); set[k] = JSON.stringify(v); }
  }
  return send({op: "set", set, merge: !replace}).then(out => {
    for (const k in out) { const v = parse(out[k]); v === undefined ? delete data[k] : (data[k] = v); }
    if (broken) { broken = false; banner(); }
    return true;
  }, () => { broken = true; banner(); return false; });
}

function banner() { // a storage problem, or something told once (items set aside)
  D.querySelectorAll(".cb-alert").forEach(e => e.remove());
  const text = broken ? t("save_failed") : notice || tell;
  const host = D.querySelector("article") || D.body;
  if (text) host.prepend(h("div", {class: "cb-alert", role: "alert"}, h("p", {}, h("span", {"aria-hidden": "true"}, "⚠ "), text)));
  tell = "";
}
