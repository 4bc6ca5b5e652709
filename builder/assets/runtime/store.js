/* The store: one operation on localStorage (run here or inside storage.html), a cache of every key,
   written through; from file:// the operations travel to storage.html by postMessage. */
function op(m) {
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
  const old = {}; // all or nothing: undo the keys written so far
  try {
    for (const k in m.set) {
      old[k] = ls.getItem(P + k);
      m.set[k] == null ? ls.removeItem(P + k) : ls.setItem(P + k, m.set[k]);
    }
  } catch (e) {
    for (const k in old) try { old[k] == null ? ls.removeItem(P + k) : ls.setItem(P + k, old[k]); } catch (_) { /* best effort */ }
    throw e;
  }
  return true;
}

function serveStorage() { // this is storage.html: answer the parent page, only from file://
  addEventListener("message", e => {
    const m = e.data;
    if (location.protocol !== "file:" || e.source !== parent || !m || m.cb !== "req") return;
    let r;
    try { r = {ok: true, data: op(m)}; } catch (_) { r = {ok: false}; }
    r.cb = "res"; r.id = m.id;
    parent.postMessage(r, "*");
  });
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
function listen() { // answers from storage.html; writes by other tabs
  addEventListener("message", e => {
    const r = e.data;
    if (frame && e.source === frame.contentWindow && r && r.cb === "res" && calls[r.id]) { calls[r.id](r); delete calls[r.id]; }
  });
  addEventListener("storage", e => { // another tab wrote
    if (!e.key || !e.key.startsWith(P)) return;
    const k = e.key.slice(P.length);
    try { e.newValue == null ? delete data[k] : (data[k] = JSON.parse(e.newValue)); } catch (_) { /* ignore */ }
  });
}

async function load() {
  let raw = null;
  if (!mode) mode = location.protocol === "file:" ? "frame" : "local";
  if (mode === "frame") {
    try {
      if (!frame) {
        frame = h("iframe", {src: new URL("storage.html", root).href, hidden: true, "aria-hidden": "true", tabindex: "-1"});
        frame.ready = new Promise(ok => frame.addEventListener("load", ok, {once: true}));
        D.body.append(frame);
      }
      raw = await Promise.race([frame.ready.then(() => send({op: "all"})), wait(3000).then(() => { throw Error("timeout"); })]);
    } catch (_) { mode = "local"; notice = "frame_failed"; }
  }
  try { raw = raw || await send({op: "all"}); } catch (_) { raw = {}; broken = true; }
  data = {};
  for (const k in raw) try { data[k] = JSON.parse(raw[k]); } catch (_) { /* unreadable: ignored */ }
}

function save(changes) { // {key: value | undefined (delete)} -> Promise<bool>; failures are shown
  const set = {};
  for (const k in changes) {
    const v = changes[k];
    if (v === undefined) { delete data[k]; set[k] = null; } else { data[k] = v; set[k] = JSON.stringify(v); }
  }
  return send({op: "set", set}).then(() => { if (broken) { broken = false; banner(); } return true; },
    () => { broken = true; banner(); return false; });
}

function banner() {
  D.querySelectorAll(".cb-alert").forEach(e => e.remove());
  const text = broken ? t("save_failed") : notice ? t(notice) : "";
  const host = D.querySelector("article") || D.body;
  if (text) host.prepend(h("div", {class: "cb-alert", role: "alert"}, h("p", {}, h("span", {"aria-hidden": "true"}, "⚠ "), text)));
}
