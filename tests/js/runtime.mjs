// Loads parts of the learner's runtime (builder/assets/runtime/) into a fresh sandbox for node:test,
// the way course.js joins them: one function scope, classic scripts in order.
import {readFileSync} from "node:fs";
import vm from "node:vm";

const DIR = new URL("../../builder/assets/runtime/", import.meta.url);

export class FakeStorage { // localStorage's interface; quota (bytes of keys + values) raises like a browser
  constructor(quota = Infinity) { this.map = new Map(); this.quota = quota; }
  get length() { return this.map.size; }
  key(i) { return [...this.map.keys()][i] ?? null; }
  getItem(k) { return this.map.has(k) ? this.map.get(k) : null; }
  setItem(k, v) {
    const used = [...this.map].reduce((n, [a, b]) => n + (a === k ? 0 : a.length + b.length), 0);
    if (used + k.length + String(v).length > this.quota) { const e = new Error("quota"); e.name = "QuotaExceededError"; throw e; }
    this.map.set(k, String(v));
  }
  removeItem(k) { this.map.delete(k); }
}

// A value from the sandbox as a plain value of this realm (deepStrictEqual compares prototypes)
export const plain = v => (v === undefined ? v : JSON.parse(JSON.stringify(v)));

export const MANIFEST = {course: {id: "demo", title: "Demo", version: "1", minutes: 60}, home: "", pages: {}, modules: [], quizzes: {}};

// load(["base.js", "grading.js"], ["grade", "norm"], {window extras}) -> {grade, norm}
export function load(files, names, globals = {}) {
  const window = Object.assign({CB_MANIFEST: MANIFEST, CB_STRINGS: {}}, globals.window || {});
  const element = () => ({children: [], attributes: {}, setAttribute(k, v) { this.attributes[k] = v; }, addEventListener() {},
    append(...kids) { this.children.push(...kids); }, prepend(...kids) { this.children.unshift(...kids); }});
  const body = element(), document = {documentElement: {lang: "en", hasAttribute: () => false, dataset: {}}, body,
    createElement: element, querySelector: () => null, querySelectorAll: () => []};
  const context = vm.createContext(Object.assign({window, document, localStorage: globals.localStorage || new FakeStorage(),
    addEventListener() {}, location: {protocol: "http:", href: "http://localhost/"}, URL, console, setTimeout, clearTimeout}, globals));
  const source = files.map(f => readFileSync(new URL(f, DIR), "utf8")).join("\n");
  return vm.runInContext(`(() => { "use strict";\n${source}\nreturn {${names.join(", ")}}; })()`, context);
}

// A question as authored in a quiz file -> the key the runtime grades with (builder/render/quiz_html.py)
export function keyOf(q) {
  const key = {id: q.id, type: q.type};
  if (q.type === "single" || q.type === "multiple") key.correct = q.choices.flatMap((c, i) => (c.correct ? [i] : []));
  else if (q.type === "true_false") key.answer = q.answer;
  else if (q.type === "short_answer") key.answers = q.answers;
  else if (q.type === "matching") key.pairs = q.pairs.map(p => p.right);
  else if (q.type === "ordering") key.items = q.items.length;
  else if (q.type === "cloze") key.blanks = Object.fromEntries(Object.entries(q.blanks).map(([n, b]) => [n, b.answers || [b.answer]]));
  return key;
}
