/* The certificate: the completion record as one A4 landscape page a school can file, with a short
   verification code derived from the record. builder/certificate.py computes the same code, and
   `course verify RECORD.json --code XXXX-XXXX` checks it. SHA-256 is written out here because
   crypto.subtle exists only on https and localhost, and schools serve copies over plain http. */
function sha256(text) {
  const K = [], H = [], bytes = new TextEncoder().encode(text), r = (x, n) => x >>> n | x << 32 - n;
  for (let n = 2, i = 0; i < 64; n++) {
    let prime = true;
    for (let d = 2; d * d <= n; d++) if (n % d === 0) { prime = false; break; }
    if (prime) { if (i < 8) H[i] = Math.pow(n, 1 / 2) * 2 ** 32 | 0; K[i++] = Math.pow(n, 1 / 3) * 2 ** 32 | 0; }
  }
  const size = (bytes.length + 72) >> 6 << 6, m = new Uint8Array(size), v = new DataView(m.buffer), w = new Int32Array(64);
  m.set(bytes); m[bytes.length] = 0x80; v.setUint32(size - 4, bytes.length * 8);
  for (let o = 0; o < size; o += 64) {
    for (let j = 0; j < 64; j++) w[j] = j < 16 ? v.getInt32(o + 4 * j) : (r(w[j - 2], 17) ^ r(w[j - 2], 19) ^ w[j - 2] >>> 10) + w[j - 7] + (r(w[j - 15], 7) ^ r(w[j - 15], 18) ^ w[j - 15] >>> 3) + w[j - 16] | 0;
    let [a, b, c, d, e, f, g, k] = H;
    for (let j = 0; j < 64; j++) {
      const t1 = k + (r(e, 6) ^ r(e, 11) ^ r(e, 25)) + (e & f ^ ~e & g) + K[j] + w[j] | 0, t2 = (r(a, 2) ^ r(a, 13) ^ r(a, 22)) + (a & b ^ a & c ^ b & c) | 0;
      k = g; g = f; f = e; e = d + t1 | 0; d = c; c = b; b = a; a = t1 + t2 | 0;
    }
    [a, b, c, d, e, f, g, k].forEach((x, j) => { H[j] = H[j] + x | 0; });
  }
  return H.map(x => x >>> 0);
}

function certificateCode(r) {
  const payload = JSON.stringify([r.course.id, r.course.version, r.learner.name.trim().split(/\s+/).join(" "),
    r.modules.map(m => [m.id, m.completed, m.score, m.minutes]), r.total_minutes]);
  const [h0, h1] = sha256(payload), bits = h0.toString(2).padStart(32, "0") + (h1 >>> 24).toString(2).padStart(8, "0");
  const code = bits.match(/.{5}/g).map(b => "0123456789ABCDEFGHJKMNPQRSTVWXYZ"[parseInt(b, 2)]).join("");
  return code.slice(0, 4) + "-" + code.slice(4);
}

function certificate(r) {
  const done = r.modules.filter(m => m.completed), all = done.length === r.modules.length, code = certificateCode(r), c = M.course;
  return h("section", {class: "cb-certificate", "aria-label": t("cert_title")},
    c.organisation ? h("p", {class: "cb-certificate__org"}, c.organisation) : null,
    h("p", {class: "cb-certificate__title"}, t(all ? "cert_title" : "cert_title_partial")),
    h("p", {}, t("cert_certifies")),
    h("p", {class: "cb-certificate__name"}, r.learner.name.trim() || t("no_name")),
    h("p", {}, t(all ? "cert_completed" : "cert_completed_partial")),
    h("p", {class: "cb-certificate__course"}, r.course.title),
    h("p", {}, t("version", {v: r.course.version}) + " · " + t("cert_hours", {hours: hours(r.total_minutes), minutes: r.total_minutes})),
    h("ul", {class: "cb-certificate__modules"}, done.map(m => h("li", {}, m.title + " (" + nice(m.completed) + ")"))),
    h("div", {class: "cb-certificate__foot"},
      h("p", {class: "cb-certificate__sign"}, h("span", {class: "cb-certificate__line"}), c.signatory || t("cert_signature")),
      h("p", {class: "cb-certificate__sign"}, h("span", {class: "cb-certificate__date"}, nice(r.issued)), t("cert_date"))),
    h("p", {class: "cb-certificate__code"}, t("cert_code", {code}), h("br"), t("cert_check", {code})));
}

const recordPage = VIEWS.record;
VIEWS.record = v => {
  recordPage(v);
  const area = h("div", {class: "cb-certificate-area"}), fill = () => {
    const r = record();
    area.replaceChildren(...(r.modules.some(m => m.completed) ? [certificate(r)] : [h("p", {}, t("cert_none"))]));
  };
  const name = v.querySelector("#cb-name");
  if (name) name.addEventListener("input", fill);
  fill();
  v.append(h("h2", {class: "cb-noprint"}, t("cert_heading")), h("p", {class: "cb-tools"}, button(t("cert_print"), () => {
    D.documentElement.classList.add("cb-printing-certificate");
    print();
  })), area);
};
window.addEventListener("afterprint", () => D.documentElement.classList.remove("cb-printing-certificate"));
