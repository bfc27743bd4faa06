// `pnpm start`: the hub on the embedded default, with the demo region. Ctrl-C stops it; the data stays.
import { startLocalHub } from "./hub";

// Locally the AWS SDK only talks to dynalite; its notice that future SDK releases need Node 22 concerns upgrades
// (the Lambda runs nodejs22.x) and would bury the URLs below.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

const dataDir = process.env.DATA_DIR ?? ".data";
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "127.0.0.1";

const hub = await startLocalHub({ dataDir, port, host });
console.log(`
Gemeenschappelijk Meldpunt draait / is running:

  Startpagina      ${hub.url}/
  Melding doen     ${hub.url}/melden
  Melding opvolgen ${hub.url}/opvolgen
  Health           ${hub.url}/health

Gegevens / data: ${hub.dataDir} (stop de hub en verwijder die map om opnieuw te beginnen)
Stoppen / stop: Ctrl-C
`);

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: de hub stopt / stopping…`);
  await hub.close();
  process.exit(0);
}
process.on("SIGINT", () => void stop("SIGINT"));
process.on("SIGTERM", () => void stop("SIGTERM"));
