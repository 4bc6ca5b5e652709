/* Grading, the same rules as builder/grading.py, and the seeded draw and shuffle of an attempt. */
const norm = s => String(s).trim().split(/\s+/).join(" ").toLowerCase();
const rand = () => Math.floor(Math.random() * 2 ** 31) + 1;
function rng(a) { // mulberry32: one seed per attempt gives the same draw after a reload
  return () => { a = (a + 0x6D2B79F5) | 0; let x = Math.imul(a ^ (a >>> 15), 1 | a); x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x; return ((x ^ (x >>> 14)) >>> 0) / 4294967296; };
}
function shuffle(a, r) { for (let i = a.length - 1; i > 0; i--) { const j = Math.floor(r() * (i + 1)); [a[i], a[j]] = [a[j], a[i]]; } return a; }

function grade(q, a) { // {ok, part, right, total}: the same rules as builder/grading.py
  try {
    let right = 0, total = 1, ok, part;
    if (q.type === "single" || q.type === "multiple") {
      ok = a.length === q.correct.length && q.correct.every(i => a.includes(i));
      part = !ok && a.some(i => q.correct.includes(i));
    } else if (q.type === "true_false") ok = a === q.answer;
    else if (q.type === "short_answer") ok = typeof a === "string" && q.answers.map(norm).includes(norm(a));
    else {
      const checks = q.type === "matching" ? q.pairs.map((p, i) => a[i] === p)
        : q.type === "ordering" ? Array.from({length: q.items}, (_, i) => a[i] === i + 1)
        : Object.keys(q.blanks).map(n => typeof a[n] === "string" && q.blanks[n].map(norm).includes(norm(a[n])));
      total = checks.length; right = checks.filter(Boolean).length;
      ok = right === total && (q.type !== "matching" || a.length === total);
    }
    return {ok: !!ok, part, right, total};
  } catch (_) { return {ok: false, right: 0, total: 1}; }
}

