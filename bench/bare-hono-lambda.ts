// The baseline for the cold start: the least a hono app behind hono's Lambda adapter can be. The api bundle
// cannot start faster than this, so its ratio to this says what the hub itself adds.
import { Hono } from "hono";
import { handle } from "hono/aws-lambda";

const app = new Hono();
app.get("/health", (c) => c.json({ status: "ok" }));
export const handler = handle(app);
