// The store (store.js) over a fake localStorage: writes merge against what is stored now, quota
// errors change nothing and are reported, values of the wrong shape are set aside and kept.
import {test} from "node:test";
import assert from "node:assert/strict";
import {load, FakeStorage, MANIFEST} from "./runtime.mjs";

const PARTS = ["base.js", "format.js", "store.js", "grading.js", "progress.js"];
const NAMES = ["load", "save", "get data() { return data; }", "get broken() { return broken; }", "get tell() { return tell; }"];
const P = "cb:" + MANIFEST.course.id + ":v1:";
const tab = storage => load(PARTS, NAMES, {localStorage: storage, window: {CB_MANIFEST: MANIFEST, CB_STRINGS: {set_aside: "{n} set aside"}}});
const T = i => "2026-11-2" + i + "T10:00:00.000Z";
const attempt = (score, i) => ({score, passed: score >= 70, date: T(i), answers: {q1: [0]}});

test("two tabs: a stale tab's write keeps the other tab's pass", async () => {
  const ls = new FakeStorage(), a = tab(ls), b = tab(ls);
  await a.load(); await b.load(); // both open the assessment
  assert.ok(await a.save({"q:end": {n: 1, seed: 3, done: attempt(100, 1), best: attempt(100, 1), pass: T(1)}}));
  assert.ok(await b.save({"q:end": Object.assign({}, b.data["q:end"], {cur: {q1: [1]}})})); // B touches a field
  const stored = JSON.parse(ls.getItem(P + "q:end"));
  assert.equal(stored.best.score, 100);
  assert.equal(stored.pass, T(1));
  assert.equal(b.data["q:end"].best.score, 100, "the writer's cache gets what was stored");
});

test("concurrent writers of one check lose no answer", async () => {
  const ls = new FakeStorage(), a = tab(ls), b = tab(ls);
  await a.load(); await b.load();
  await a.save({"q:check": {a: {q1: [0]}, ok: {q1: true}, d: T(1)}});
  await b.save({"q:check": {a: {q2: "Paris"}, ok: {q2: true}, d: T(2)}});
  assert.deepEqual(Object.keys(JSON.parse(ls.getItem(P + "q:check")).a).sort(), ["q1", "q2"]);
});

test("a write that does not fit changes nothing and is reported", async () => {
  const ls = new FakeStorage(200), a = tab(ls);
  await a.load();
  assert.ok(await a.save({"p:a.md": T(1)}));
  assert.equal(await a.save({"p:b.md": T(2), "r:plan/x": {t: "x".repeat(300), d: T(2)}}), false);
  assert.equal(ls.getItem(P + "p:b.md"), null, "all or nothing: the first key of the failed write is undone");
  assert.equal(a.broken, true);
  assert.ok(await a.save({"p:c.md": T(3)}));
  assert.equal(a.broken, false, "the banner goes once writing works again");
});

test("storage that refuses every write: the learner is told, nothing throws", async () => {
  const ls = new FakeStorage(0), a = tab(ls);
  await a.load();
  assert.equal(await a.save({name: "Ana"}), false);
  assert.equal(a.broken, true);
});

test("values of the wrong shape are set aside, kept, and told once; the rest loads", async () => {
  const ls = new FakeStorage();
  ls.setItem(P + "q:check", JSON.stringify({a: {q1: 5}, ok: {}, d: T(1)})); // a number is no answer of any type
  ls.setItem(P + "q:end", JSON.stringify({n: "2", seed: 1}));
  ls.setItem(P + "p:a.md", "not json");
  ls.setItem(P + "p:b.md", JSON.stringify(T(1)));
  ls.setItem(P + "something-else", "kept as it is");
  ls.setItem("cb:other:v1:p:a.md", "1");
  const a = tab(ls);
  await a.load();
  assert.deepEqual(Object.keys(a.data).sort(), ["p:b.md", "x:p:a.md", "x:q:check", "x:q:end"]);
  assert.equal(JSON.parse(ls.getItem(P + "x:q:end")).v, JSON.stringify({n: "2", seed: 1}), "kept, unchanged");
  assert.equal(ls.getItem(P + "q:end"), null);
  assert.equal(a.tell, "3 set aside");
  assert.equal(ls.getItem(P + "something-else"), "kept as it is", "unknown keys are left alone");
  const again = tab(ls);
  await again.load();
  assert.equal(again.tell, "", "told once");
});
