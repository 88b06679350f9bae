// The bit diagram (the header drawn as RFC 9293 §3.1 draws it, 32 bits a
// row) and the hex dump. Both come from the byte and bit ranges the engine
// reports; every cell carries data-link keys so link.js can light up the
// same bytes everywhere.

import { h } from "./dom.js";

const short = {
  src_port: "Source Port", dst_port: "Destination Port", seq: "Sequence Number", ack: "Acknowledgment Number",
  data_offset: "Offset", reserved: "Rsrvd", flag_ae: "A", flag_cwr: "C", flag_ece: "E", flag_urg: "U", flag_ack: "A",
  flag_psh: "P", flag_rst: "R", flag_syn: "S", flag_fin: "F", window: "Window", checksum: "Checksum", urgent: "Urgent Pointer",
};

// ranges lists what the header holds as [key, label, title, firstBit, bits].
function ranges(step) {
  const out = (step.fields || []).map((f) => [f.id, short[f.id] || f.label, `${f.label}: ${f.value}`, f.bit, f.bits]);
  for (const [j, o] of (step.options || []).entries()) {
    out.push(["opt-" + j, o.padding ? "padding" : o.text, o.padding ? "padding" : `option ${o.text}`, o.offset * 8, o.len * 8]);
  }
  return out;
}

export function bitDiagram(step) {
  if (!step.fields) return [h("p", {}, "Fewer than 20 bytes: no header to draw.")];
  const cells = [];
  const ruler = [];
  // The RFC's ruler: tens over units, bit 0 the most significant.
  for (let b = 0; b < 32; b++) {
    if (b % 10 === 0) ruler.push(h("span", { class: "ruler", style: { gridColumn: String(b + 1), gridRow: "1" }, "aria-hidden": "true" }, String(b / 10)));
    ruler.push(h("span", { class: "ruler", style: { gridColumn: String(b + 1), gridRow: "2" }, "aria-hidden": "true" }, String(b % 10)));
  }
  let lastRow = 2;
  for (const [key, label, title, first, bits] of ranges(step)) {
    // An option may run across rows: draw one cell per row it touches.
    for (let bit = first; bit < first + bits;) {
      const row = Math.floor(bit / 32), col = bit % 32;
      const span = Math.min(32 - col, first + bits - bit);
      const narrow = span < 4;
      cells.push(h("span", {
        class: "cell" + (narrow ? " narrow" : "") + (key.startsWith("flag_") ? " flag" : ""),
        style: { gridColumn: `${col + 1} / span ${span}`, gridRow: String(row + 3) },
        title, "data-link": key,
      }, bit === first || !narrow ? label : ""));
      lastRow = Math.max(lastRow, row + 3);
      bit += span;
    }
  }
  if (step.payloadLen > 0) {
    cells.push(h("span", { class: "cell data", style: { gridColumn: "1 / span 32", gridRow: String(lastRow + 1) }, "data-link": "payload", title: "payload" },
      `data: ${step.payloadLen} byte${step.payloadLen > 1 ? "s" : ""}`));
  }
  const desc = `${step.headerLen ?? 20}-byte header` + (step.payloadLen ? ` and ${step.payloadLen} bytes of data` : "");
  return [h("div", { class: "bitgrid", role: "img", "aria-label": "Bit layout of the header: " + desc }, ruler, cells)];
}

const maxShown = 512;

export function hexDump(step) {
  const bytes = step.hex.match(/../g) || [];
  // Which keys own each byte.
  const owners = bytes.map(() => []);
  for (const [key, , , first, bits] of ranges(step)) {
    for (let b = Math.floor(first / 8); b < Math.ceil((first + bits) / 8) && b < bytes.length; b++) owners[b].push(key);
  }
  const pOff = step.payloadOffset ?? bytes.length;
  for (let b = pOff; b < bytes.length; b++) owners[b].push("payload");
  const rows = [];
  const shown = Math.min(bytes.length, maxShown);
  for (let r = 0; r < shown; r += 8) {
    const cells = [];
    for (let b = r; b < Math.min(r + 8, shown); b++) {
      const bad = step.decodeError && step.decodeError.offset === b;
      cells.push(h("span", { class: "byte" + (bad ? " bad" : ""), "data-link": owners[b].join(" "), "data-offset": b, title: `byte ${b}` + (bad ? ": " + step.decodeError.msg : "") }, bytes[b]));
    }
    rows.push(h("div", { class: "hexrow" }, h("span", { class: "off", "aria-hidden": "true" }, r.toString(16).padStart(4, "0")), cells));
  }
  if (bytes.length > shown) rows.push(h("p", { class: "hint" }, `… ${bytes.length - shown} more bytes`));
  return [h("div", { class: "hexrows", role: "group", "aria-label": `Segment bytes in hex, ${bytes.length} bytes` }, rows)];
}
