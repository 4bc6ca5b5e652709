/* Matching and ordering questions: drag and drop (pointer events: mouse, touch, pen) and buttons
   (keyboard, screen readers, no pointer at all), each change announced in the question's live
   region. The state lives in the DOM (a slot's data-v: its option's number; the items' order), read
   and written in the stored representation of docs/learner.md. */
const rowsOf = f => [...f.querySelectorAll(".cb-pair, .cb-order > li")];
const rowText = li => li.querySelector(".cb-pair__left, .cb-order__text").textContent;
const slotsOf = f => [...f.querySelectorAll(".cb-slot")];
const chipText = c => c.cbText || (c.cbText = c.textContent); // before "(placed)" is added
const optionText = (f, v) => { const c = f.querySelector('.cb-chip[data-v="' + v + '"]'); return c ? chipText(c) : ""; };
const announce = (f, m) => { const l = f.querySelector(".cb-live"); l.textContent = l.textContent === m ? m + "\u00a0" : m; };

function arranged(f, q) { // the answer shown, or undefined; an order counts once the teacher has moved an item
  if (q.type === "matching") { const v = slotsOf(f).map(s => s.dataset.v); return v.every(Boolean) ? v.map(Number) : undefined; }
  const v = [];
  rowsOf(f).forEach((li, p) => { v[li.dataset.index] = p + 1; });
  return f.dataset.moved ? v : undefined;
}

function rearrange(f, q, a) { // show an answer (undefined: the question as first shown)
  if (q.type === "matching") slotsOf(f).forEach((s, i) => fillSlot(f, s, a && optionOf(q, a[i])));
  else {
    const ol = f.querySelector(".cb-order");
    (a ? rowsOf(f).sort((x, y) => a[x.dataset.index] - a[y.dataset.index]) : ol.cbFirst).forEach(li => ol.append(li));
    a ? (f.dataset.moved = 1) : delete f.dataset.moved;
  }
  pickUp(f);
  showUsed(f);
}

// A stored option: its number, or its text in any language (stored before numbers)
const optionOf = (q, x) => (typeof x === "number" ? x : (q.pairs.find(p => p.includes(x)) || [])[0]);

function fillSlot(f, s, v) { // a matching row's slot shows its option (number v), or "Choose…" when empty
  const text = v == null ? "" : optionText(f, v);
  if (text) s.dataset.v = v; else delete s.dataset.v;
  s.textContent = text || t("choose");
}

function showUsed(f) { // without reuse, an option in a row says so in the bank (placing it again moves it)
  const reuse = f.querySelector("[data-reuse]"), taken = slotsOf(f).map(s => s.dataset.v);
  f.querySelectorAll(".cb-chip").forEach(c => {
    const on = !reuse && taken.includes(c.dataset.v);
    c.classList.toggle("cb-chip--used", on);
    c.replaceChildren(chipText(c), on ? h("span", {class: "cb-chip__used"}, " " + t("in_use")) : "");
  });
}

function pickUp(f, b) { // the chip or slot picked for a move (none: b undefined)
  if (f.cbPick) f.cbPick.removeAttribute("aria-pressed");
  f.cbPick = b;
  if (b) b.setAttribute("aria-pressed", "true");
}

function afterMove(f, m) {
  pickUp(f);
  showUsed(f);
  announce(f, m);
  f.dispatchEvent(new Event("change", {bubbles: true}));
}

function placeOption(f, v, s, from) { // option v into slot s; from: the slot it leaves (a swap); without reuse, another row holding v gives it up
  const old = s.dataset.v, row = x => rowText(x.parentNode), out = [t("placed", {option: optionText(f, v), row: row(s)})];
  const leave = from ? [from] : f.querySelector("[data-reuse]") ? [] : slotsOf(f).filter(x => x !== s && x.dataset.v === v);
  leave.forEach(x => {
    fillSlot(f, x, from && old);
    out.push(from && old ? t("placed", {option: optionText(f, old), row: row(x)}) : t("taken_off", {option: optionText(f, v), row: row(x)}));
  });
  fillSlot(f, s, v);
  afterMove(f, out.join(" "));
}

function pressed(f, b) { // a chip or slot pressed (click, Enter, Space): select-then-place, in either order
  const sel = f.cbPick, chip = b.classList.contains("cb-chip"), v = b.dataset.v;
  if (sel && sel !== b && !(chip && sel.classList.contains("cb-chip")) && (sel.dataset.v || chip)) {
    if (chip) { placeOption(f, v, sel); sel.focus(); } // a row first, then its option: back to the row
    else placeOption(f, sel.dataset.v, b, sel.classList.contains("cb-slot") ? sel : undefined);
    return;
  }
  pickUp(f, sel === b ? undefined : b);
  if (f.cbPick && !chip) (f.querySelector(".cb-chip:not(.cb-chip--used)") || f.querySelector(".cb-chip")).focus();
  announce(f, !f.cbPick ? "" : chip ? t("picked", {option: optionText(f, v)}) : t("pick_option", {row: rowText(b.parentNode)}));
}

function trackPointer(e, b, moved, end) { // follow one pointer from pointerdown until it is lifted
  if (e.button || b.disabled) return;
  const go = ev => moved(ev), stop = ev => {
    removeEventListener("pointermove", go); removeEventListener("pointerup", stop); removeEventListener("pointercancel", stop);
    end(ev.type === "pointerup");
  };
  addEventListener("pointermove", go); addEventListener("pointerup", stop); addEventListener("pointercancel", stop);
}

function rowMarks(f, q, a) { // after checking: ✓ or ✗ and a word on each row or position, and the wrong ones named
  const wrong = [];
  rowsOf(f).forEach(li => {
    const i = +li.dataset.index, ok = Array.isArray(a) && (q.type === "matching" ? q.pairs[i].includes(a[i]) : a[i] === i + 1);
    li.classList.add(ok ? "cb-row--right" : "cb-row--wrong");
    li.append(h("span", {class: "cb-row-mark"}, icon(ok), " " + t(ok ? "correct" : "incorrect")));
    if (!ok) wrong.push(t("quote", {text: rowText(li)}));
  });
  return wrong.length ? h("p", {}, t("wrong_at", {list: wrong.join(", ")})) : "";
}
const unmarkRows = f => rowsOf(f).forEach(li => { li.classList.remove("cb-row--right", "cb-row--wrong"); li.querySelectorAll(".cb-row-mark").forEach(m => m.remove()); });

function arrange(f) {
  const ol = f.querySelector(".cb-order");
  f.form.addEventListener("reset", () => rearrange(f, {type: f.dataset.type}));
  if (ol) return arrangeOrder(f, ol);
  let skip = false;
  f.addEventListener("click", e => {
    const b = e.target.closest(".cb-chip, .cb-slot");
    if (b && !skip) pressed(f, b);
  });
  f.addEventListener("keydown", e => { if (e.key === "Escape" && f.cbPick) { pickUp(f); announce(f, ""); } });
  f.addEventListener("pointerdown", e => {
    const b = e.target.closest(".cb-chip, .cb-slot[data-v]");
    if (!b) return;
    let ghost = null, over = null;
    trackPointer(e, b, ev => {
      if (!ghost && Math.hypot(ev.clientX - e.clientX, ev.clientY - e.clientY) < 8) return;
      ghost = ghost || D.body.appendChild(h("div", {class: "cb-ghost", "aria-hidden": "true"}, optionText(f, b.dataset.v)));
      ghost.style.transform = "translate(" + ev.clientX + "px," + ev.clientY + "px)";
      const at = D.elementFromPoint(ev.clientX, ev.clientY), to = at && f.contains(at) ? at.closest(".cb-slot, .cb-bank") : null;
      if (over) over.classList.remove("cb-over");
      if ((over = to)) to.classList.add("cb-over");
    }, up => {
      if (!ghost) return;
      ghost.remove();
      skip = true;
      setTimeout(() => { skip = false; });
      if (over) over.classList.remove("cb-over");
      if (!up || !over || over === b) return;
      const v = b.dataset.v, slot = b.classList.contains("cb-slot");
      if (over.classList.contains("cb-slot")) placeOption(f, v, over, slot ? b : undefined);
      else if (slot) { fillSlot(f, b); afterMove(f, t("taken_off", {option: optionText(f, v), row: rowText(b.parentNode)})); }
    });
  });
  showUsed(f);
}

function arrangeOrder(f, ol) {
  const items = () => [...ol.children];
  const moved = li => { f.dataset.moved = 1; afterMove(f, t("moved", {item: rowText(li), n: items().indexOf(li) + 1, total: items().length})); };
  const to = (li, i) => { const rest = items().filter(x => x !== li); ol.insertBefore(li, rest[Math.max(0, i)] || null); };
  ol.cbFirst = items();
  ol.addEventListener("click", e => {
    const b = e.target.closest(".cb-move");
    if (!b) return;
    const li = b.parentNode;
    to(li, items().indexOf(li) + +b.dataset.step);
    b.focus();
    moved(li);
  });
  ol.addEventListener("pointerdown", e => {
    const li = e.target.closest("li");
    if (!li || e.button || e.target.closest("button") || li.querySelector("button").disabled || (e.pointerType !== "mouse" && !e.target.closest(".cb-grip"))) return;
    const from = items().indexOf(li);
    e.preventDefault();
    li.classList.add("cb-drag");
    trackPointer(e, li.querySelector("button"), ev => { // the item takes the place of the one the pointer has passed the middle of
      const y = ev.clientY, box = x => x.getBoundingClientRect(), over = items().find(x => x !== li && box(x).top <= y && y < box(x).bottom);
      if (!over) return;
      const k = items().indexOf(over), mid = box(over).top + box(over).height / 2;
      if (k > items().indexOf(li) ? y > mid : y < mid) to(li, k);
    }, () => {
      li.classList.remove("cb-drag");
      if (items().indexOf(li) !== from) moved(li);
    });
  });
}
