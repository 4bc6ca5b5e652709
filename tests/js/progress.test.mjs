// Progress and completion rules (progress.js), and the re-grading of an import (transfer.js).
import {test} from "node:test";
import assert from "node:assert/strict";
import {load, plain} from "./runtime.mjs";

const T = i => "2026-11-2" + i + "T10:00:00.000Z";
const MANIFEST = {
  course: {id: "demo", title: "Demo", version: "1", minutes: 60}, home: "", pages: {},
  modules: [{id: "plan", title: "Plan", minutes: 40, url: "05/", pages: [{id: "05/index.md", title: "Plan", url: "05/"}],
    quizzes: ["final", "action"], requires: ["action"]}],
  quizzes: {
    final: {module: "plan", title: "Final", kind: "assessment", pass: 70, keys: ["final"], questions: [{id: "q1", type: "single", graded: true}, {id: "q2", type: "true_false", graded: true}]},
    action: {module: "plan", title: "Action plan", kind: "check", pass: 70, keys: [], questions: [{id: "s1", type: "reflection", graded: false}, {id: "s2", type: "reflection", graded: false}]},
  },
};
const KEY = {pass: 70, questions: [{id: "q1", type: "single", correct: [0]}, {id: "q2", type: "true_false", answer: true}]};
const runtime = data => {
  const R = load(["base.js", "format.js", "store.js", "grading.js", "progress.js", "transfer.js"],
    ["status", "record", "regrade", "plan", "set data(v) { data = v; }"], {window: {CB_MANIFEST: MANIFEST, CB_STRINGS: {}}});
  R.data = data;
  return R;
};
const passed = {best: {score: 100, passed: true, date: T(2), answers: {q1: [0], q2: true}}, pass: T(2), n: 1};

test("a module waits for what it requires: every page, the pass, then the action plan", () => {
  const data = {"p:05/index.md": T(1), "q:final": passed};
  assert.equal(runtime(data).status(MANIFEST.modules[0]).done, null);
  assert.equal(runtime(data).status(MANIFEST.modules[0]).required, 1);
  data["r:action/s1"] = {t: "Two strategies.", d: T(3)};
  assert.equal(runtime(data).status(MANIFEST.modules[0]).done, null, "both sections are required");
  data["r:action/s2"] = {t: "People and measures.", d: T(4)};
  const s = runtime(data).status(MANIFEST.modules[0]);
  assert.equal(s.done, "2026-11-24", "completed on the day the last requirement was met");
  assert.equal(s.required, 0);
  const r = runtime(data).record();
  assert.equal(r.total_minutes, 40);
  assert.equal(r.quizzes.action.answers.s2, "People and measures.");
  assert.equal(runtime(data).record(false).quizzes.action, undefined, "reflections can be left out");
  assert.equal(runtime(data).record(false).reflections, false);
});

test("an import's scores are recomputed from its answers", () => {
  const R = runtime({});
  const faked = {n: 1, best: {score: 100, passed: true, date: T(2), answers: {q1: [1], q2: false}}, pass: T(2)};
  const out = plain(R.regrade(faked, KEY));
  assert.equal(out.best.score, 0);
  assert.equal(out.best.passed, false);
  assert.equal(out.pass, undefined, "no pass without a passing attempt");
  const half = plain(R.regrade({done: {score: 0, passed: false, date: T(3), answers: {q1: [0], q2: false}}}, KEY));
  assert.equal(half.done.score, 50);
  assert.equal(half.best.score, 50, "the regraded attempt becomes the best");
  const check = plain(R.regrade({a: {q1: [0], q2: false}, ok: {q1: false, q2: true}, d: T(1)}, KEY));
  assert.deepEqual(check.ok, {q1: true, q2: false});
});

test("an import plan merges item by item and says what would change", () => {
  const R = runtime({"p:05/index.md": T(1), "q:final": passed, "r:action/s1": {t: "newer", d: T(5)}, name: "Ana"});
  const file = {data: {"p:05/index.md": T(0), "q:final": {n: 1, best: {score: 50, passed: false, date: T(1), answers: {q1: [0], q2: false}}},
    "r:action/s1": {t: "older", d: T(1)}, "r:action/s2": {t: "new one", d: T(1)}, name: "Someone else"}};
  const p = plain(R.plan(file, {final: KEY}));
  assert.deepEqual(Object.keys(p.set).sort(), ["p:05/index.md", "r:action/s2"], "the pass, the newer reflection and the name stay");
  assert.equal(p.set["p:05/index.md"], T(0), "the earlier first visit");
  assert.deepEqual(p.lines, ["plan_pages", "plan_reflections"]);
});

test("an import file is refused whole, saying which items are wrong", () => {
  const R = load(["base.js", "format.js", "store.js", "grading.js", "progress.js", "transfer.js"], ["readProgress"],
    {window: {CB_MANIFEST: MANIFEST, CB_STRINGS: {import_bad: "bad", import_other: "other {id}", import_newer: "newer", import_invalid: "{n}: {list}"}}});
  const file = data => JSON.stringify({format: "course-builder-progress", schema: 1, course: {id: "demo", version: "1"}, exported: T(1), data});
  assert.equal(R.readProgress("{").error, "bad");
  assert.equal(R.readProgress(JSON.stringify({format: "course-builder-record", schema: 1, data: {}})).error, "bad");
  assert.equal(R.readProgress(file({}).replace('"demo"', '"other"')).error, "other other");
  assert.equal(R.readProgress(file({}).replace('"schema":1', '"schema":2')).error, "newer");
  assert.equal(R.readProgress(file({"q:final": {best: {score: 150, passed: true, date: T(1), answers: {}}}, "q:action": {a: {s1: 5}},
    "undo": {d: T(1), keys: {}}, "p:05/index.md": T(1)})).error, "3: q:final, q:action, undo");
  assert.equal(R.readProgress(file({"q:final": {cur: {q2: "yes"}}})).error, "1: q:final", "an answer that does not fit its question");
  assert.ok(R.readProgress(file({"p:05/index.md": T(1), "q:final": passed})).file);
});
