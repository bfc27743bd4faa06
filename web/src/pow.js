// The report form's proof of work (docs/decisions.md 24), served as /assets/pow.js. A progressive enhancement: from
// page load it looks for a nonce for the form's challenge and puts it in the hidden powNonce field. It never holds the
// form back: sent before a nonce is found, or without this script at all, the form goes as it is and the hub takes it
// once it has been open a little while (a person writing a report always has).
(() => {
  const form = document.querySelector("form[data-pow]");
  const challenge = form?.elements.namedItem("powChallenge")?.value ?? "";
  const field = form?.elements.namedItem("powNonce");
  const bits = Number(challenge.split(".")[1]);
  if (!field || !globalThis.crypto?.subtle || !(bits >= 1 && bits <= 32)) return;
  const encoder = new TextEncoder();
  const zeroBits = (hash) => {
    let count = 0;
    for (const byte of new Uint8Array(hash)) {
      if (byte !== 0) return count + Math.clz32(byte) - 24;
      count += 8;
    }
    return count;
  };
  const solve = async () => {
    // Batches of digests in flight at once: one at a time, the browser's round trips would dominate.
    for (let start = 0; start < 2 ** 40; start += 256) {
      const batch = [];
      for (let nonce = start; nonce < start + 256; nonce++) batch.push(crypto.subtle.digest("SHA-256", encoder.encode(`${challenge}.${nonce}`)));
      const found = (await Promise.all(batch)).findIndex((hash) => zeroBits(hash) >= bits);
      if (found >= 0) return String(start + found);
    }
    return "";
  };
  solve().then(
    (nonce) => {
      field.value = nonce;
    },
    () => {},
  );
})();
