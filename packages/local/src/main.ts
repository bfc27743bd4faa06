// `pnpm start`: the hub on the embedded default, with the demo region. Ctrl-C stops it; the data stays.
import { DEMO_CASE_COUNT, DEMO_RECEIPTS } from "./demo-cases";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "./demo-staff";
import { startLocalHub } from "./hub";

// Locally the AWS SDK only talks to dynalite; its notice that future SDK releases need Node 22 concerns upgrades
// (the Lambda runs nodejs22.x) and would bury the URLs below.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

const dataDir = process.env.DATA_DIR ?? ".data";
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "127.0.0.1";
const oidcPort = Number(process.env.OIDC_PORT ?? 0);

// The deadline job runs shortly after start and then daily; its notices are .eml files, listed at /demo/post.
const hub = await startLocalHub({ dataDir, port, host, oidcPort, demoCases: true, dailyJobs: true });
const width = Math.max(...DEMO_ACCOUNTS.map((a) => a.username.length));
console.log(`
Gemeenschappelijk Meldpunt draait / is running:

  Startpagina      ${hub.url}/
  Melding doen     ${hub.url}/melden
  Melding opvolgen ${hub.url}/opvolgen
  Medewerkers      ${hub.url}/medewerker (inloggen / log in: ${hub.url}/inloggen)
  Health           ${hub.url}/health
  Demo-post        ${hub.url}/demo/post (e-mail van de termijnbewaking / deadline notices, als .eml in ${hub.dataDir}/mail)

Demo-inlogdienst / demo login service: ${hub.issuer}
Demo-accounts (alleen voor de demo / demo only), wachtwoord / password: ${DEMO_PASSWORD}
${DEMO_ACCOUNTS.map((a) => `  ${a.username.padEnd(width)}  ${a.staff.name}, ${a.job}`).join("\n")}

Demomeldingen / demo cases: ${DEMO_CASE_COUNT} fictieve meldingen over de afgelopen twee jaar. Drie ervan kunt u opvolgen
op ${hub.url}/opvolgen met deze democodes / three of them open at /opvolgen with these demo codes:
${DEMO_RECEIPTS.map((r) => `  ${r.code}  ${r.about}`).join("\n")}

Gegevens / data: ${hub.dataDir} (stop de hub en verwijder die map om opnieuw te beginnen)
Stoppen / stop: Ctrl-C
`);

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  const busy = hub.requestsInProgress();
  console.log(`\n${signal}: de hub stopt / stopping…${busy > 0 ? ` (${busy} lopende verzoeken worden afgemaakt / finishing ${busy} running requests)` : ""}`);
  await hub.close();
  process.exit(0);
}
process.on("SIGINT", () => void stop("SIGINT"));
process.on("SIGTERM", () => void stop("SIGTERM"));
