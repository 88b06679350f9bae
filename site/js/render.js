// Draws the page from the engine's view: endpoints, the ladder of steps
// and the editor of the selected step. Every control calls apply with one
// engine op; nothing here computes a TCP value.

import { h, replace } from "./dom.js";
import { bitDiagram, hexDump } from "./bits.js";

const arrow = { a: "A → B", b: "B → A" };
let apply, $;

export function render(view, ctx) {
  ({ apply, $ } = ctx);
  const picker = $("scenario");
  if (document.activeElement !== picker) picker.value = view.scenario;
  $("carry").disabled = !view.follows;
  for (const op of ["dup", "dir", "up", "down", "del"]) {
    document.querySelector(`.step-actions [data-op=${op}]`).disabled = !view.steps.length;
  }
  const firstError = view.steps.findIndex((s) => s.verdict === "error");
  const jump = $("first-error");
  jump.hidden = firstError < 0 || firstError === view.sel;
  jump.onclick = () => {
    apply("select", firstError, "", { push: false });
    document.getElementById("step-" + firstError)?.focus();
  };
  renderEndpoints(view);
  renderLadder(view);
  const step = view.steps[view.sel];
  document.getElementById("editor").hidden = !step;
  if (!step) return;
  renderEditor(view, step);
}

// input returns a labelled control that sends op with "key=value" (or just
// the value when key is empty) on every edit.
//
// Numbers are text fields with the spin-button role and their range, not
// type=number: the page is drawn again after every change, and only a text
// field lets the caret be put back where it was. The engine checks the
// range; decimal and 0x hexadecimal are accepted; arrow keys step by one.
function input({ id, label, value, op, key = "", step = -1, type = "text", attrs = {}, hint }) {
  let extra = {};
  if (type === "number") {
    const { min = 0, max, ...rest } = attrs;
    attrs = rest;
    extra = { inputmode: "numeric", role: "spinbutton", "aria-valuemin": min, "aria-valuemax": max, "aria-valuenow": value === "" ? null : value };
  }
  const el = h("input", { id, type: "text", value: String(value), spellcheck: "false", autocomplete: "off", ...extra, ...attrs });
  const send = () => apply(op, step, key ? `${key}=${el.value}` : el.value, { control: el });
  el.addEventListener("input", () => { if (el.value !== "") send(); });
  el.addEventListener("change", send);
  if (type === "number") {
    el.addEventListener("keydown", (e) => {
      const by = { ArrowUp: 1, ArrowDown: -1 }[e.key];
      const n = Number(el.value);
      if (!by || !Number.isInteger(n)) return;
      e.preventDefault();
      const next = n + by;
      if (next < Number(el.getAttribute("aria-valuemin")) || next > Number(el.getAttribute("aria-valuemax"))) return;
      el.value = String(next);
      send();
    });
  }
  const hintId = hint ? id + "-hint" : undefined;
  if (hintId) el.setAttribute("aria-describedby", hintId);
  return h("div", { class: "control" }, h("label", { for: id }, label), el, hint && h("span", { id: hintId, class: "hint" }, hint));
}

function checkbox({ id, label, checked, onchange, attrs = {} }) {
  const el = h("input", { id, type: "checkbox", checked, ...attrs });
  el.addEventListener("change", () => onchange(el));
  return h("div", { class: "check" }, el, h("label", { for: id }, label));
}

function renderEndpoints(view) {
  const sides = ["a", "b"].map((side, i) => {
    const c = view.config[i];
    const name = side.toUpperCase();
    const cfg = (key, label, value, attrs = {}) =>
      input({ id: `ep-${side}-${key}`, label, value, op: "config", key: side + key, type: "number", attrs: { min: 0, ...attrs } });
    const addr = input({ id: `ep-${side}-addr`, label: "Address", value: view[side], op: "addr", key: side, attrs: { inputmode: "text" } });
    if (!view.scenario) {
      // Without a scenario the segments carry ports, numbers and options
      // themselves; the addresses still feed the checksums.
      return h("fieldset", { class: "endpoint" }, h("legend", {}, name), addr,
        h("p", { class: "hint" }, `${name}'s address, for the checksums. Ports, sequence numbers and options are in the segments; pick a scenario to build them from settings.`));
    }
    return h("fieldset", { class: "endpoint" },
      h("legend", {}, i === 0 ? "A (client)" : "B (server)"),
      addr,
      cfg("port", "Port", c.port, { max: 65535 }),
      cfg("isn", "Initial sequence number", c.isn, { max: 4294967295 }),
      cfg("win", "Receive window (octets)", c.win, { max: 4294967295 }),
      cfg("mss", "MSS offered (0: none)", c.mss, { max: 65535 }),
      input({ id: `ep-${side}-ws`, label: "Window scale (empty: none)", value: c.ws < 0 ? "" : c.ws, op: "config", key: side + "ws", type: "number", attrs: { min: 0, max: 14 } }),
      checkbox({ id: `ep-${side}-sack`, label: "SACK permitted", checked: c.sack, onchange: (el) => apply("config", -1, `${side}sack=${el.checked ? 1 : 0}`, { control: el }) }),
      checkbox({ id: `ep-${side}-ts`, label: "Timestamps", checked: c.ts, onchange: (el) => apply("config", -1, `${side}ts=${el.checked ? 1 : 0}`, { control: el }) }),
      h("p", { class: "hint" }, `${name}'s settings rebuild the scenario; addresses also feed the checksums.`));
  });
  replace($("endpoints-body"), sides);
}

function stateLine(after) {
  if (!after) return null;
  return h("div", { class: "states" }, after.map((e, i) =>
    h("div", { class: "tcb " + (i === 0 ? "tcb-a" : "tcb-b") },
      h("span", { class: "state-name" }, (i === 0 ? "A " : "B ") + e.state),
      e.tcb && h("dl", { "aria-label": (i === 0 ? "A" : "B") + " TCB after the step" },
        Object.entries(e.tcb).map(([k, v]) => h("div", {}, h("dt", {}, k), h("dd", {}, String(v))))))));
}

function renderLadder(view) {
  const items = view.steps.map((s, i) => {
    const sel = i === view.sel;
    const label = s.label || (s.decodeError ? "malformed: " + s.decodeError.msg : "");
    const btn = h("button", {
      type: "button", id: "step-" + i, class: "step-btn", "aria-current": sel ? "step" : null, tabindex: sel ? "0" : "-1",
      "aria-label": `Step ${i + 1}, ${arrow[s.dir]}, ${s.flags || ""} ${s.verdict}. ${label}`,
      onclick: () => apply("select", i, "", { push: false }),
      onkeydown: (e) => {
        const to = { ArrowDown: i + 1, ArrowUp: i - 1, Home: 0, End: view.steps.length - 1 }[e.key];
        if (to === undefined || to < 0 || to >= view.steps.length) return;
        e.preventDefault();
        apply("select", to, "", { push: false });
        document.getElementById("step-" + to)?.focus();
      },
    },
    h("span", { class: "num" }, String(i + 1)),
    h("span", { class: "arrow arrow-" + s.dir, "aria-hidden": "true" }, h("span", { class: "flags" }, s.flags || "?")),
    h("span", { class: "verdict-badge v-" + s.verdict }, s.verdict),
    h("span", { class: "label" }, label));
    return h("li", { class: "step v-" + s.verdict + (sel ? " selected" : "") }, btn, stateLine(s.after));
  });
  if (!items.length) items.push(h("li", { class: "empty" }, "No steps."));
  replace($("ladder"), items);
}

function renderEditor(view, step) {
  const i = view.sel;
  $("editor-h").textContent = `Step ${i + 1} of ${view.steps.length}: ${arrow[step.dir]} ${step.flags || ""}`;
  renderVerdict(step, i);
  renderFields(step, i);
  renderOptions(step, i);
  renderChecksum(view, step, i);
  renderPayload(step, i);
  replace($("bits"), bitDiagram(step));
  replace($("hexdump"), hexDump(step));
  const hexArea = $("seg-hex");
  if (document.activeElement !== hexArea) hexArea.value = step.hex;
  hexArea.onchange = () => apply("hex", i, hexArea.value, { control: hexArea });
  $("golit").textContent = step.go || "The header does not decode.";
}

let lastVerdict = "";

function renderVerdict(step, i) {
  const sig = i + step.verdict + JSON.stringify(step.findings);
  if (sig === lastVerdict) return;
  lastVerdict = sig;
  const items = step.findings.map((f, k) => h("li", { class: "finding v-" + f.severity },
    h("span", { class: "verdict-badge v-" + f.severity }, f.severity),
    h("code", { class: "code" }, f.code),
    h("span", { class: "msg" }, " " + (f.msg || "")),
    h("div", { class: "meta" },
      f.rule && h("span", { class: "rule" }, "Rule: " + f.rule),
      f.field && h("span", {}, " · field " + f.field),
      f.seen !== undefined && h("span", {}, " · seen " + f.seen),
      f.expected !== undefined && h("span", {}, " · expected " + f.expected)),
    f.fix && h("button", { type: "button", id: "fix-" + k, class: "fix", onclick: () => apply(f.fix.op, i, f.fix.arg) }, "Fix: " + f.fix.label)));
  replace($("verdict"),
    h("p", { class: "verdict-line v-" + step.verdict }, h("strong", {}, `Step ${i + 1}: ${step.verdict}`),
      step.findings.length ? ` (${step.findings.length} finding${step.findings.length > 1 ? "s" : ""})` : " — no findings"),
    items.length ? h("ul", { class: "findings" }, items) : null);
}

function renderFields(step, i) {
  if (!step.fields) {
    replace($("fields"), h("p", {}, "The segment is shorter than the 20-byte fixed header; edit it as hex."));
    return;
  }
  const numbers = [], flags = [];
  for (const f of step.fields) {
    const id = "f-" + f.id;
    const link = { "data-link": f.id };
    if (f.id.startsWith("flag_")) {
      flags.push(checkbox({ id, label: f.label, checked: f.value === 1, attrs: link,
        onchange: (el) => apply("field", i, `${f.id}=${el.checked ? 1 : 0}`, { control: el }) }));
    } else {
      const max = 2 ** f.bits - 1;
      numbers.push(input({ id, label: f.label, value: f.value, op: "field", key: f.id, step: i, type: "number",
        attrs: { min: 0, max, ...link }, hint: `0–${max}, ${f.bits} bit${f.bits > 1 ? "s" : ""}` }));
    }
  }
  const flagSet = h("fieldset", { class: "flagset" }, h("legend", {}, "Flags"), flags);
  numbers.splice(6, 0, flagSet); // after reserved, where the flags sit on the wire
  numbers.push(input({ id: "f-tos", label: "IP TOS / Traffic Class", value: step.tos, op: "tos", step: i, type: "number",
    attrs: { min: 0, max: 255 }, hint: "not in the TCP header; low 2 bits: ECN (RFC 3168 §5)" }));
  replace($("fields"), numbers);
}

function renderOptions(step, i) {
  const box = $("options");
  if (step.options === undefined) {
    replace(box, h("legend", {}, "Options"), h("p", {}, "The header does not decode; fix it to edit its options."));
    return;
  }
  const used = step.optionsLen, max = step.optionsMax;
  const rows = step.options.map((o, j) => {
    if (o.padding) return h("li", { class: "opt", "data-link": "opt-" + j }, h("span", { class: "opt-name" }, "padding"), ` ${o.len} zero byte${o.len > 1 ? "s" : ""} at offset ${o.offset}`);
    const editable = !["nop", "eol", "sackOK"].includes(o.name);
    return h("li", { class: "opt", "data-link": "opt-" + j },
      h("span", { class: "opt-name" }, o.name),
      editable ? input({ id: `opt-${j}`, label: `${o.name} value`, value: o.value, op: "optset", key: String(j), step: i, attrs: { "data-link": "opt-" + j } }) : h("span", { class: "opt-text" }, o.text),
      h("button", { type: "button", id: `opt-del-${j}`, class: "small", "aria-label": `Remove option ${j + 1}, ${o.text}`, onclick: () => apply("optdel", i, String(j)) }, "Remove"));
  });
  const kinds = ["mss", "wscale", "sackOK", "TS", "sack", "nop", "eol", "tfo", "utimeout", "md5", "mptcp"];
  const pick = h("select", { id: "opt-add-kind" }, kinds.map((k) => h("option", { value: k }, k)));
  replace(box,
    h("legend", {}, "Options"),
    h("div", { class: "budget" },
      h("label", { for: "opt-budget" }, `Option space: ${used} of ${max} bytes`),
      h("meter", { id: "opt-budget", min: 0, max, value: used, high: max - 4, optimum: 0 })),
    rows.length ? h("ul", { class: "opts" }, rows) : h("p", { class: "hint" }, "No options."),
    h("div", { class: "opt-add" }, h("label", { for: "opt-add-kind" }, "Add option"), pick,
      h("button", { type: "button", id: "opt-add", onclick: () => apply("optadd", i, pick.value) }, "Add")));
}

function renderChecksum(view, step, i) {
  const c = step.checksum;
  const modes = ["auto", "fixed", "wrong"].map((m) => {
    const id = "ck-" + m;
    const el = h("input", { type: "radio", name: "ck-mode", id, value: m, checked: c.mode === m });
    el.addEventListener("change", () => apply("mode", i, m, { control: el }));
    return h("div", { class: "check" }, el, h("label", { for: id }, { auto: "auto (computed)", fixed: "fixed (as set)", wrong: "deliberately wrong" }[m]));
  });
  const hex4 = (n) => n === undefined ? "—" : "0x" + n.toString(16).padStart(4, "0");
  const ph = c.pseudoHeader.match(/../g) || [];
  const v4 = ph.length === 12;
  const parts = v4
    ? [["source", 0, 4], ["destination", 4, 8], ["zero", 8, 9], ["protocol", 9, 10], ["TCP length", 10, 12]]
    : [["source", 0, 16], ["destination", 16, 32], ["TCP length", 32, 36], ["zero", 36, 39], ["next header", 39, 40]];
  replace($("checksum"),
    h("legend", {}, "Checksum"),
    h("div", { class: "modes", role: "radiogroup", "aria-label": "Checksum mode" }, modes),
    h("p", {}, "Field ", h("code", { "data-link": "checksum" }, hex4(c.value)), ", correct ", h("code", {}, hex4(c.correct)), ": ",
      h("strong", { class: "ck-status ck-" + c.status }, c.status)),
    h("table", { class: "pseudo" },
      h("caption", {}, `Pseudo-header (${v4 ? "IPv4, RFC 9293 §3.1" : "IPv6, RFC 8200 §8.1"}), sum ${hex4(c.pseudoSum)}`),
      h("tbody", {}, parts.map(([name, a, b]) => h("tr", {}, h("th", { scope: "row" }, name), h("td", {}, h("code", {}, ph.slice(a, b).join(" "))))))));
}

function renderPayload(step, i) {
  const box = $("payload");
  if (step.payloadHex === undefined) {
    replace(box, h("legend", {}, "Payload"), h("p", {}, "The header does not decode."));
    return;
  }
  const asText = box.dataset.mode !== "hex" && step.payloadText !== undefined;
  const modes = ["text", "hex"].map((m) => {
    const el = h("input", { type: "radio", name: "pl-mode", id: "pl-" + m, value: m, checked: (m === "text") === asText, disabled: m === "text" && step.payloadText === undefined });
    el.addEventListener("change", () => { box.dataset.mode = m; renderPayload(step, i); });
    return h("div", { class: "check" }, el, h("label", { for: "pl-" + m }, m));
  });
  const area = h("textarea", { id: "pl-data", rows: 3, spellcheck: "false", "data-link": "payload" });
  area.value = asText ? step.payloadText : step.payloadHex;
  area.addEventListener("input", () => apply("payload", i, (asText ? "text:" : "hex:") + area.value, { control: area }));
  replace(box, h("legend", {}, `Payload (${step.payloadLen} bytes)`),
    h("div", { class: "modes", role: "radiogroup", "aria-label": "Payload as" }, modes),
    h("label", { for: "pl-data" }, asText ? "Payload text" : "Payload hex"), area);
}
