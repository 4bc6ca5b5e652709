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
