/* Grading, the same rules as builder/grading.py (tests/fixtures/grading.json holds the cases both
   pass), the score of an attempt, and the seeded draw and shuffle of an attempt. */
// Typed text: NFC, spaces of any kind collapsed, case folded (upper then lower, as Python's casefold
// folds "ß" to "ss"), NFC again because folding can decompose.
const norm = s => String(s).normalize("NFC").trim().split(/\s+/).join(" ").toUpperCase().toLowerCase().normalize("NFC");
const rand = () => Math.floor(Math.random() * 2 ** 31) + 1;
function rng(a) { // mulberry32: one seed per attempt gives the same draw after a reload
  return () => { a = (a + 0x6D2B79F5) | 0; let x = Math.imul(a ^ (a >>> 15), 1 | a); x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x; return ((x ^ (x >>> 14)) >>> 0) / 4294967296; };
}
function shuffle(a, r) { for (let i = a.length - 1; i > 0; i--) { const j = Math.floor(r() * (i + 1)); [a[i], a[j]] = [a[j], a[i]]; } return a; }

const isText = a => typeof a === "string";
const typed = (accepted, a) => isText(a) && accepted.filter(isText).map(norm).includes(norm(a));
/* q: a question's key, the same in every language (builder/grading.py, grading_key). A matching row
   holds its option's number (or, stored before numbers, its text in any language): the key's pair is
   [number, texts…]. A cloze gap holds a text, or a picked gap its choice's index: the key's list of
   accepted texts then starts with that index. */
function grade(q, a) { // {ok, part, right, total}
  let right = 0, total = 1, ok = false, part = false;
  const list = Array.isArray(a);
  if (q.type === "single" || q.type === "multiple") {
    ok = list && a.every(Number.isInteger) && a.slice().sort((x, y) => x - y).join() === q.correct.join();
    part = !ok && list && a.some(i => q.correct.includes(i));
  } else if (q.type === "true_false") ok = a === q.answer;
  else if (q.type === "short_answer") ok = typed(q.answers, a);
  else if (q.type === "reflection") ok = true;
  else {
    const checks = q.type === "matching" ? q.pairs.map((p, i) => list && p.includes(a[i]))
      : q.type === "ordering" ? Array.from({length: q.items}, (_, i) => list && a[i] === i + 1)
      : Object.keys(q.blanks).map(n => a === obj(a) && (a[n] === q.blanks[n][0] || typed(q.blanks[n], a[n])));
    total = checks.length; right = checks.filter(Boolean).length;
    ok = right === total && (q.type === "cloze" || a.length === total);
  }
  return {ok, part, right, total};
}

// An attempt's score: round(100 x right / graded questions drawn); null when none was drawn.
function score(questions, answers) {
  const drawn = questions.filter(q => q.type !== "reflection" && q.id in answers);
  return drawn.length ? Math.round(100 * drawn.filter(q => grade(q, answers[q.id]).ok).length / drawn.length) : null;
}
