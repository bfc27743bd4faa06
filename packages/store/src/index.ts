export * from "./bootstrap";
export * from "./dynamo-store";
export * from "./keys";
export * from "./staff-store";
export * from "./table";
export * from "./receipt-throttle";
export * from "./audit-log";
