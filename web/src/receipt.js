// The receipt page's copy and print buttons, served as /assets/receipt.js. A progressive enhancement: without this
// script the buttons stay hidden and the page says how to copy or print by hand; with it they do just that. The code
// goes to the clipboard only when the reporter asks, and nowhere else.
(() => {
  const box = document.querySelector("[data-receipt-actions]");
  const code = document.querySelector("[data-testid=receipt-code]")?.textContent?.trim();
  if (!box || !code) return;
  const status = box.querySelector("[data-copy-status]");
  const copy = box.querySelector("[data-copy]");
  if (navigator.clipboard?.writeText) {
    copy.addEventListener("click", () =>
      navigator.clipboard.writeText(code).then(
        () => {
          status.textContent = status.dataset.done;
        },
        () => {
          status.textContent = status.dataset.failed;
        },
      ),
    );
  } else {
    copy.remove();
  }
  box.querySelector("[data-print]").addEventListener("click", () => window.print());
  box.hidden = false;
})();
