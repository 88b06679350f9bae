// Small DOM helpers: h builds an element from a tag, attributes and
// children; replace swaps a region's contents while keeping the focused
// control (and what is being typed in it) in place.

export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
    else if (k === "class") el.className = v;
    else if (k === "text") el.textContent = v;
    else if (k === "style") Object.assign(el.style, v); // CSSOM: the page's policy forbids style attributes
    else if (k in el && typeof v !== "string") el[k] = v;
    else el.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

// replace sets the children of region. If the focused element lies inside
// it and the new children hold an element with the same id, that element
// gets the focus back, with the value being typed and the caret kept; if
// it is gone (a removed option, a fixed finding), the focus goes to the
// region's first control, or to the region itself, never to the page.
export function replace(region, ...children) {
  const active = document.activeElement;
  const keep = active && active.id && region.contains(active) ? active : null;
  let typed, start, end;
  if (keep && "value" in keep && keep.type !== "checkbox" && keep.type !== "radio" && keep.tagName !== "SELECT" && keep.tagName !== "BUTTON") {
    typed = keep.value;
    try { start = keep.selectionStart; end = keep.selectionEnd; } catch { /* number inputs have no selection */ }
  }
  region.replaceChildren(...children.flat().filter((c) => c !== null && c !== undefined && c !== false));
  if (!keep) return;
  const again = document.getElementById(keep.id);
  if (!again) {
    const next = region.querySelector("button, input, select, textarea") || region;
    if (next === region && !region.hasAttribute("tabindex")) region.setAttribute("tabindex", "-1");
    next.focus({ preventScroll: true });
    return;
  }
  if (typed !== undefined && again.dataset.keepTyped !== "no") {
    again.value = typed;
    if (start !== undefined && start !== null) {
      try { again.setSelectionRange(start, end); } catch { /* not a text control */ }
    }
  }
  again.focus({ preventScroll: true });
}
