// The grading table (tests/fixtures/grading.json), also run by pytest against builder/grading.py. The
// keys are the ones builder/grading.py makes: tests/test_grading.py writes them (CB_GRADING_KEYS).
import {test} from "node:test";
import assert from "node:assert/strict";
import {readFileSync} from "node:fs";
import {load} from "./runtime.mjs";

const table = JSON.parse(readFileSync(new URL("../fixtures/grading.json", import.meta.url), "utf8"));
const keys = process.env.CB_GRADING_KEYS ? JSON.parse(readFileSync(process.env.CB_GRADING_KEYS, "utf8")) : null;
const skip = keys ? false : "the keys come from builder/grading.py: run through pytest (tests/test_grading.py)";
const {grade, score, rng, shuffle} = load(["base.js", "grading.js"], ["grade", "score", "rng", "shuffle"]);
const keyNamed = name => keys[table.cases.findIndex(c => c.name === name)];

table.cases.forEach((c, i) => test(c.name, {skip}, () => assert.equal(grade(keys[i], c.answer).ok, c.expected)));

test("an attempt's score counts the graded questions drawn, rounding halves up", {skip}, () => {
  const one = keyNamed("single: the correct choice"), tf = keyNamed("true_false: true");
  assert.equal(score([one, tf], {}), null);
  assert.equal(score([Object.assign({}, one, {id: "a"}), Object.assign({}, tf, {id: "b"})], {a: [0], b: false}), 50);
  const three = [0, 1, 2].map(i => Object.assign({}, one, {id: "q" + i}));
  assert.equal(score(three, {q0: [0], q1: [0], q2: [1]}), 67);
  assert.equal(score(three, {q0: [0]}), 100, "questions not drawn do not count");
});

test("the seeded draw and shuffle repeat for one seed and differ for another", () => {
  const order = seed => shuffle([1, 2, 3, 4, 5, 6, 7, 8], rng(seed)).join();
  assert.equal(order(42), order(42));
  assert.notEqual(order(42), order(43));
  assert.deepEqual(order(7).split(",").map(Number).sort(), [1, 2, 3, 4, 5, 6, 7, 8]);
  const r = rng(1), values = Array.from({length: 1000}, r);
  assert.ok(values.every(v => v >= 0 && v < 1));
});
