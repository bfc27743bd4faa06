import { measureSubmitP99 } from "./submit-p99";
const t = performance.now();
const r = await measureSubmitP99(Number(process.env.S ?? 1));
console.log(JSON.stringify(r), ((performance.now() - t) / 1000).toFixed(1), "s");
