export * from "./bootstrap";
export * from "./dynamo-store";
export * from "./keys";
export * from "./table";
