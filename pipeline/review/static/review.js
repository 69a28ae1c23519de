// claimwatch review: one key per action. An element with data-key="x" is clicked when x is
// pressed (a text field is focused instead); typing in a field never triggers a shortcut.
"use strict";

let busy = false;

document.addEventListener("submit", () => {
  busy = true; // one decision per page: a second key press must not submit twice
});

document.addEventListener("keydown", (event) => {
  const target = event.target;
  if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement ||
      target instanceof HTMLSelectElement) {
    if (event.key === "Escape" || event.key === "Enter") {
      if (target.type === "text") event.preventDefault(); // Enter must not submit a decision
      target.blur();
    }
    return;
  }
  if (busy || event.ctrlKey || event.metaKey || event.altKey) return;
  const element = document.querySelector(`[data-key="${CSS.escape(event.key)}"]`);
  if (!element) return;
  event.preventDefault();
  if (element instanceof HTMLInputElement) element.focus();
  else element.click();
});
