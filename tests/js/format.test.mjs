// The storage format and merges (format.js): the items of tests/fixtures/progress-items.json are also
// checked against schema/progress.schema.json by pytest.
import {test} from "node:test";
import assert from "node:assert/strict";
import {readFileSync} from "node:fs";
import {load, plain} from "./runtime.mjs";

const items = JSON.parse(readFileSync(new URL("../fixtures/progress-items.json", import.meta.url), "utf8")).cases;
const F = load(["base.js", "format.js"], ["valid", "fileItem", "merge", "fitsQuiz", "canon"]);

for (const c of items) test("item: " + c.name, () => assert.equal(F.fileItem(c.key, c.value), c.valid));

const T = i => "2026-11-2" + i + "T10:00:00.000Z";
const attempt = (score, i) => ({score, passed: score >= 70, date: T(i), answers: {q1: [0]}});

test("a pass, a best score and the first pass never go back", () => {
  const stored = {n: 1, seed: 5, done: attempt(100, 2), best: attempt(100, 2), pass: T(2)};
  const stale = {n: 1, seed: 5, cur: {q1: [1]}}; // a tab opened before the pass writes an answer
  const out = F.merge("q:end", stored, stale);
  assert.deepEqual(plain(out.best), stored.best);
  assert.equal(out.pass, T(2));
  assert.deepEqual(plain(out.done), stored.done, "a submitted attempt stays submitted");
});

test("a new attempt replaces the submitted one, the best stays", () => {
  const stored = {n: 1, seed: 5, done: attempt(100, 2), best: attempt(100, 2), pass: T(2)};
  const out = F.merge("q:end", stored, {n: 2, seed: 9});
  assert.equal(out.n, 2); assert.equal(out.seed, 9); assert.equal(out.done, undefined);
  assert.deepEqual(plain(out.best), stored.best); assert.equal(out.pass, T(2));
  const lower = F.merge("q:end", out, {n: 2, seed: 9, done: attempt(40, 3), best: attempt(40, 3)});
  assert.equal(lower.best.score, 100); assert.equal(lower.done.score, 40);
});

test("an older attempt never replaces a newer one", () => {
  const newer = {n: 3, seed: 1, cur: {q1: [0]}}, older = {n: 2, seed: 2, done: attempt(50, 1)};
  assert.deepEqual(plain(F.merge("q:end", newer, older)), {n: 3, seed: 1, cur: {q1: [0]}});
});

test("the best of two passes is kept, and the earlier pass date", () => {
  const a = {best: attempt(80, 3), pass: T(3)}, b = {best: attempt(90, 5), pass: T(1)};
  const out = F.merge("q:end", a, b);
  assert.equal(out.best.score, 90); assert.equal(out.pass, T(1));
  assert.equal(F.merge("q:end", b, a).best.score, 90);
});

test("a check keeps the answers of both sides, the newer side's first", () => {
  const a = {a: {q1: [0], q2: "x"}, ok: {q1: true, q2: false}, d: T(1)}, b = {a: {q2: "Paris"}, ok: {q2: true}, d: T(2)};
  assert.deepEqual(plain(F.merge("q:check", a, b)), {a: {q1: [0], q2: "Paris"}, ok: {q1: true, q2: true}, d: T(2)});
  assert.deepEqual(plain(F.merge("q:check", b, a).a), {q1: [0], q2: "Paris"}, "an older write keeps the newer answer");
});

test("the newer reflection wins; visits keep their first date", () => {
  const old = {t: "old", d: T(1)}, neu = {t: "new", d: T(2)};
  assert.equal(F.merge("r:plan/a", old, neu).t, "new");
  assert.equal(F.merge("r:plan/a", neu, old).t, "new");
  assert.equal(F.merge("p:a.md", T(1), T(3)), T(1));
  assert.equal(F.merge("p:a.md", T(3), T(1)), T(1));
  assert.equal(F.merge("last", {p: "b", d: T(3)}, {p: "a", d: T(1)}).p, "b");
});

test("a stored value of the wrong shape is replaced, not merged", () => {
  assert.deepEqual(plain(F.merge("q:end", {n: "2"}, {n: 1, seed: 4})), {n: 1, seed: 4});
});

test("answers must fit their question's type", () => {
  const qs = [{id: "one", type: "single"}, {id: "tf", type: "true_false"}, {id: "gap", type: "cloze"}];
  assert.ok(F.fitsQuiz({a: {one: [0], tf: false, gap: {b: "x"}, gone: 5}}, qs), "unknown questions are left alone");
  assert.ok(!F.fitsQuiz({a: {one: 0}}, qs));
  assert.ok(!F.fitsQuiz({cur: {tf: "true"}}, qs));
  assert.ok(!F.fitsQuiz({best: {answers: {gap: ["x"]}}}, qs));
  const arranged = [{id: "pairs", type: "matching"}, {id: "gap", type: "cloze"}];
  assert.ok(F.fitsQuiz({a: {pairs: [1, 0], gap: {typed: "x", picked: 0}}}, arranged), "options and picked gaps by position");
  assert.ok(F.fitsQuiz({a: {pairs: ["Bark", "Meow"], gap: {picked: "liquid"}}}, arranged), "as texts, stored before positions");
  assert.ok(!F.fitsQuiz({a: {pairs: [true, 0]}}, arranged));
  assert.ok(!F.fitsQuiz({a: {gap: {picked: 0.5}}}, arranged));
});

test("the same value whatever the order of its keys", () => {
  assert.equal(F.canon({b: 1, a: {d: [1, {y: 2, x: 1}], c: null}}), F.canon({a: {c: null, d: [1, {x: 1, y: 2}]}, b: 1}));
});

test("the attempts' history: both sides' attempts, one per date, oldest first", () => {
  const h = (score, i) => ({score, passed: score >= 70, date: T(i)});
  const out = F.merge("q:end", {n: 2, h: [h(40, 1), h(80, 3)]}, {n: 1, h: [h(40, 1), h(60, 2)]});
  assert.deepEqual(plain(out.h), [h(40, 1), h(60, 2), h(80, 3)]);
  assert.equal(F.merge("q:end", {n: 1}, {n: 1}).h, undefined, "no history, no key");
});
