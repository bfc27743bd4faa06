export { LoginFailedError } from "./errors";
export { DEFAULT_RETURN_PATH, safeReturnPath } from "./return-path";
export type { LoginTransaction, OidcLogin, SessionSealer, StaffIdentity, StaffSession } from "./types";
