/* The storage format (docs/learner.md; schema/progress.schema.json is the same rules for the progress
   file): what each stored value must look like, and how two values of one key merge. Pure, and run
   inside storage.html too, where writes merge against what is stored now. */
const isObj = v => v === obj(v);
const isDate = v => typeof v === "string" && v.length <= 40 && /^\d{4}-\d\d-\d\d(T\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:?\d\d)?)?$/.test(v) && !isNaN(Date.parse(v));
const isInt = Number.isInteger;
const isLangs = v => Array.isArray(v) && v.every(x => /^[a-z]{2,3}(-\w+)*$/i.test(x));
const union = (a, b) => [...new Set([].concat(a || [], b || []))].sort();
const each = (v, f) => isObj(v) && Object.values(v).every(f);
const isAnswer = v => typeof v === "boolean" || typeof v === "string" || each(v, x => isInt(x) || typeof x === "string") ||
  (Array.isArray(v) && v.every(x => isInt(x) || typeof x === "string"));
const isTry = v => isObj(v) && isInt(v.score) && v.score >= 0 && v.score <= 100 && typeof v.passed === "boolean" && isDate(v.date);
const isAttempt = v => isTry(v) && each(v.answers, isAnswer) && Object.keys(v).every(k => /^(score|passed|date|answers)$/.test(k));
const QUIZ_FIELDS = {a: v => each(v, isAnswer), ok: v => each(v, x => typeof x === "boolean"), d: isDate,
  n: v => isInt(v) && v >= 1, seed: isInt, cur: v => each(v, isAnswer), done: isAttempt, best: isAttempt, pass: isDate,
  h: v => Array.isArray(v) && v.length <= 20 && v.every(x => isTry(x) && Object.keys(x).length === 3)}; // h: the attempts' history, without answers
const SHAPES = {
  p: isDate,
  l: isLangs, // the languages a page was read in
  last: v => isObj(v) && typeof v.p === "string" && isDate(v.d),
  name: v => typeof v === "string",
  q: v => isObj(v) && Object.keys(v).every(k => QUIZ_FIELDS[k] && QUIZ_FIELDS[k](v[k])),
  r: v => isObj(v) && typeof v.t === "string" && isDate(v.d) && Object.keys(v).length === 2,
  x: v => isObj(v) && typeof v.v === "string" && isDate(v.d) && Object.keys(v).length === 2, // set aside: the raw text
  undo: v => isObj(v) && isDate(v.d) && each(v.keys, x => x === null || typeof x === "string"), // before the last import
};
// The kind of a key: "p", "l", "q", "r", "x" (each with an id after the colon), "last", "name" or "undo"; "" if unknown.
const kindOf = k => (/^[plqx]:./.test(k) || /^r:[^/]+\/./.test(k) ? k[0] : /^(last|name|undo)$/.test(k) ? k : "");
const valid = (k, v) => { const f = SHAPES[kindOf(k)]; return !!f && f(v); };

// The answer a question of this type stores (docs/learner.md, "Answers").
const ANSWERS = {
  single: v => Array.isArray(v) && v.every(isInt), multiple: v => Array.isArray(v) && v.every(isInt),
  true_false: v => typeof v === "boolean", short_answer: v => typeof v === "string", reflection: v => typeof v === "string",
  matching: v => Array.isArray(v) && v.every(x => isInt(x) || typeof x === "string"), ordering: v => Array.isArray(v) && v.every(isInt),
  cloze: v => each(v, x => isInt(x) || typeof x === "string"), // numbers: matching options, picked gaps; texts: before them
};
function fitsQuiz(v, questions) { // every answer of a known question has its type's shape
  const types = {};
  questions.forEach(q => { types[q.id] = q.type; });
  const fit = a => !isObj(a) || Object.keys(a).every(id => !types[id] || ANSWERS[types[id]](a[id]));
  return [v.a, v.cur, obj(v.done).answers, obj(v.best).answers].every(fit);
}

/* Merging: what is kept when a write (or an import) meets a stored value. Monotonic where it
   matters: a visit, a pass and a best score never go back; the newer answer or text wins. */
const later = (a, b) => (String(b || "") >= String(a || "") ? b : a);
const earlier = (a, b) => (!a ? b : !b ? a : b < a ? b : a);
const hist = (a, b) => { // both sides' attempts, one per date, the last 20 (SCORM keeps them in 4,096 characters)
  const m = {};
  (a || []).concat(b || []).forEach(x => { m[x.date] = x; });
  const v = Object.values(m).sort((x, y) => (x.date < y.date ? -1 : 1)).slice(-20);
  return v.length ? v : undefined;
};
const better = (a, b) => (!a ? b : !b ? a : b.score > a.score || (b.score === a.score && b.date < a.date) ? b : a);
function mergeQuiz(a, b) { // b is the incoming value
  const out = {};
  if (a.d || b.d) { // a check: answers of both, the newer side's over the older's
    const [old, neu] = String(b.d || "") >= String(a.d || "") ? [a, b] : [b, a];
    Object.assign(out, {a: Object.assign({}, old.a, neu.a), ok: Object.assign({}, old.ok, neu.ok), d: neu.d});
  }
  // an assessment: the attempt in progress from the later attempt number; a submitted one stays submitted
  const na = a.n || 1, nb = b.n || 1;
  const side = nb !== na ? (nb > na ? b : a) : a.done && (!b.done || a.done.date > b.done.date) ? a : b;
  Object.assign(out, {n: side.n, seed: side.seed === undefined ? a.seed : side.seed, cur: side.cur, done: side.done,
    best: better(a.best, b.best), pass: earlier(a.pass, b.pass), h: hist(a.h, b.h)});
  for (const k in out) if (out[k] === undefined) delete out[k];
  return out;
}
function merge(k, a, b) { // the value to store for key k, holding a, when b is written
  if (a === undefined || !valid(k, a)) return b;
  switch (kindOf(k)) {
    case "p": return earlier(a, b);
    case "l": return union(a, b);
    case "last": case "r": return later(a.d, b.d) === b.d ? b : a;
    case "q": return mergeQuiz(a, b);
    default: return b;
  }
}
// The same value whatever the order of its keys
const canon = v => (Array.isArray(v) ? "[" + v.map(canon).join() + "]" : isObj(v) ? "{" + Object.keys(v).sort().map(k => JSON.stringify(k) + ":" + canon(v[k])).join() + "}" : JSON.stringify(v));
// An item a progress file may hold: the undo snapshot belongs to one browser
const fileItem = (k, v) => k !== "undo" && valid(k, v);
