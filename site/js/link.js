// Links the field view, the bit diagram and the hex dump: hovering or
// focusing anything with data-link keys highlights every element that
// shares one of them.

let lit = [];

function light(keys) {
  for (const el of lit) el.classList.remove("lit");
  lit = [];
  if (!keys.length) return;
  for (const el of document.querySelectorAll("[data-link]")) {
    const own = el.dataset.link.split(" ");
    if (own.some((k) => keys.includes(k))) {
      el.classList.add("lit");
      lit.push(el);
    }
  }
}

function keysOf(target) {
  const el = target.closest && target.closest("[data-link]");
  return el ? el.dataset.link.split(" ").filter(Boolean) : [];
}

export function linkViews() {
  const editor = document.getElementById("editor");
  editor.addEventListener("mouseover", (e) => light(keysOf(e.target)));
  editor.addEventListener("mouseleave", () => light(keysOf(document.activeElement)));
  editor.addEventListener("focusin", (e) => light(keysOf(e.target)));
  editor.addEventListener("focusout", () => setTimeout(() => light(keysOf(document.activeElement)), 0));
}
